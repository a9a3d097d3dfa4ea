package org.threelists.demand.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.demand.projection.ContactReveal;

import java.time.Instant;
import java.util.List;

/** Showings of residents' contacts to member units, newest first. */
@Schema(name = "ContactRevealPage")
public record ContactRevealPageResponse(List<Item> items, int page, int size, long total) {

    @Schema(name = "ContactReveal", description = "A member unit was shown a resident's contact")
    public record Item(String demandId, String communityCode, String unitId,
            @Schema(description = "The token subject who read it on the unit's behalf") String revealedTo,
            Instant revealedAt) {

        static Item of(ContactReveal reveal) {
            return new Item(reveal.demandId, reveal.communityCode, reveal.unitId, reveal.revealedTo, reveal.revealedAt);
        }
    }
}
