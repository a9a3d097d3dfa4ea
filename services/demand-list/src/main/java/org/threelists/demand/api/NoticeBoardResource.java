package org.threelists.demand.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.threelists.contracts.CommunityDirectory.Community;
import org.threelists.demand.api.NoticeBoardResponses.Place;
import org.threelists.demand.api.NoticeBoardResponses.PublicSlipPage;
import org.threelists.demand.api.NoticeBoardResponses.SlipsBoard;
import org.threelists.demand.projection.NoticeBoardSlips;
import org.threelists.demand.projection.NoticeBoardSlips.Counts;
import org.threelists.demand.service.SlipSettings;
import org.threelists.platform.problem.Problem;
import org.threelists.platform.problem.RequestParameters;
import org.threelists.platform.ratelimit.ClientRateLimiter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The public notice board (公示) of the second lane: the slips the building Party groups of a street (or one of its
 * communities) closed in a year, with their hours and satisfaction, and the year's counts. Anyone may read it without a
 * token — other sites as JSON, the console as its 党小组服务 section — and it carries no personal data
 * ({@link NoticeBoardResponses}). Limited per client address like the other services' public reads.
 */
@Path("/notice-board")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notice board", description = "公示 — what the lists decided, public and without personal data")
public class NoticeBoardResource {

    /** Another site or a browser may keep the answer a minute, as the other parts of the board do. */
    static final String CACHE_CONTROL = "public, max-age=60";
    /** The year and the days are counted in Beijing time, as the slips' own days are. */
    private static final ZoneId ZONE = SlipSettings.BEIJING;

    private final NoticeBoardSlips slips;
    private final ClientRateLimiter limiter;

    NoticeBoardResource(NoticeBoardSlips slips, ClientRateLimiter limiter) {
        this.slips = slips;
        this.limiter = limiter;
    }

    @GET
    @Path("/slips")
    @PermitAll
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "The street's closed slips of a year (public, no token)",
            description = "Slips (三联单) the building Party groups closed in the year (Beijing time), newest first, "
                    + "with category, community, the group's name, service date, hours and the resident's "
                    + "satisfaction; slipCounts gives the slips dispatched and closed in the year and the closed ones' "
                    + "average satisfaction. No personal data: no resident, no member, no free text. "
                    + "Cache-Control: public, max-age=60. Limited per client address: 429 with Retry-After when asked "
                    + "too often.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SlipsBoard.class)))
    @APIResponse(responseCode = "404", description = "No street office or community has this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "429", description = "Too many requests from this address; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    public SlipsBoard slips(
            @Parameter(description = "The street office's code, e.g. dianqian", required = true)
            @QueryParam("street") String street,
            @Parameter(description = "One community of the street, e.g. jiafu; all of them when absent")
            @QueryParam("community") String community,
            @Parameter(description = "The year the slips were closed, in Beijing time; this year when absent")
            @QueryParam("year") Integer year,
            @QueryParam("page") @DefaultValue("0") @Parameter(description = "0-based") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "1 to 100") int size,
            @Context HttpServerRequest request, @Context HttpServerResponse response) {
        limiter.acquire(request);
        RequestParameters.checkPage(page, size);
        Community streetOffice = RequestParameters.streetOffice("street", street);
        Place office = new Place(streetOffice.streetCode(), streetOffice.streetName());
        Community inStreet = RequestParameters.communityOf(office.code(), community);
        Place place = inStreet == null ? null : new Place(inStreet.code(), inStreet.name());
        String communityCode = place == null ? null : place.code();
        int y = RequestParameters.yearOrThis("year", year, ZONE);
        Instant from = LocalDate.of(y, 1, 1).atStartOfDay(ZONE).toInstant();
        Instant to = LocalDate.of(y + 1, 1, 1).atStartOfDay(ZONE).toInstant();
        Counts counts = slips.counts(office.code(), communityCode, from, to);
        PublicSlipPage closed = new PublicSlipPage(slips.closed(office.code(), communityCode, from, to, page, size)
                .stream().map(s -> NoticeBoardResponses.of(s, ZONE)).toList(), page, size, counts.closed());
        response.putHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        return new SlipsBoard(office, place, y, NoticeBoardResponses.of(counts), closed);
    }
}
