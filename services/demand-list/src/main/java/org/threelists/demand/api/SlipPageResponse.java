package org.threelists.demand.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of slips, newest first. */
@Schema(name = "SlipPage")
public record SlipPageResponse(List<SlipResponse> items, int page, int size, long total) {
}
