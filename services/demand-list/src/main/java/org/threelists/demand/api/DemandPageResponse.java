package org.threelists.demand.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of the demand list, newest first. */
@Schema(name = "DemandPage")
public record DemandPageResponse(List<DemandResponse> items, int page, int size, long total) {
}
