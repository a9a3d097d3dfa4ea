package org.threelists.ledger.api;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.threelists.contracts.CommunityDirectory.Community;
import org.threelists.ledger.projection.reports.Standings;
import org.threelists.platform.problem.Problem;
import org.threelists.platform.problem.RequestParameters;
import org.threelists.platform.ratelimit.ClientRateLimiter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The public notice board (公示): the alliance member units' standings of a street for a year, for anyone — other
 * sites and the console's page — without a token. Only units appear (a unit's name is public: it is an alliance member
 * unit), never a volunteer. The figures are the rankings' own ({@link Standings}), so the board and the desk's
 * rankings never disagree. Limited per client address like the statement verification (services/ledger/README.md,
 * "Notice board").
 */
@Path("/notice-board")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notice board", description = "公示 — what the lists decided, public and without personal data")
public class NoticeBoardResource {

    /** Another site or a browser may keep the answer a minute: the figures move with deliveries, not by the second. */
    static final String CACHE_CONTROL = "public, max-age=60";

    /** A unit's standing as the board shows it; {@code services} counts its completed projects in the year. */
    public record UnitStanding(int rank, String unitId, String name, BigDecimal hours, long services,
            BigDecimal points, long ratings, BigDecimal averageRating) {
    }

    public record UnitStandingPage(List<UnitStanding> items, int page, int size, long total) {
    }

    @Schema(name = "NoticeBoardStreet")
    public record Street(String code, String name) {
    }

    /**
     * The board's envelope, the same in every service's part of it: where and when, then one section per kind of
     * record. A reader takes the sections it knows and ignores the rest, so sections can be added without breaking it.
     */
    public record StandingsBoard(Street street, int year, String pointsRule, UnitStandingPage standings) {
    }

    private final Standings standings;
    private final ClientRateLimiter limiter;
    private final ZoneId zone;

    NoticeBoardResource(Standings standings, ClientRateLimiter limiter,
            @ConfigProperty(name = "threelists.ledger.time-zone") ZoneId zone) {
        this.standings = standings;
        this.limiter = limiter;
        this.zone = zone;
    }

    @GET
    @Path("/standings")
    @PermitAll
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "The street's units ranked for the year (public, no token)",
            description = "Every alliance member unit with confirmed hours in the street in the year, best first by "
                    + "the rankings' points, with its hours and the number of projects it completed (services). Units "
                    + "only: no volunteer, no resident. Cache-Control: public, max-age=60. Limited per client address: "
                    + "429 with Retry-After when asked too often.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StandingsBoard.class)))
    @APIResponse(responseCode = "404", description = "No street office has this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "429", description = "Too many requests from this address; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    public StandingsBoard standings(
            @Parameter(description = "The street office's code, e.g. dianqian", required = true)
            @QueryParam("street") String street,
            @Parameter(description = "The year, in Beijing time; this year when absent") @QueryParam("year") Integer year,
            @QueryParam("page") @DefaultValue("0") @Parameter(description = "0-based") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "1 to 100") int size,
            @Context HttpServerRequest request, @Context HttpServerResponse response) {
        limiter.acquire(request);
        RequestParameters.checkPage(page, size);
        Community streetOffice = RequestParameters.streetOffice("street", street);
        Street office = new Street(streetOffice.streetCode(), streetOffice.streetName());
        int y = RequestParameters.yearOrThis("year", year, zone);
        List<UnitStanding> all = standings.rank(office.code(), LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), false)
                .stream().map(s -> new UnitStanding(s.rank(), s.id(), s.name(), s.hours(), s.completedProjects(),
                        s.points(), s.ratings(), s.averageRating())).toList();
        int from = (int) Math.min((long) page * size, all.size());
        List<UnitStanding> items = all.subList(from, Math.min(from + size, all.size()));
        response.putHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        return new StandingsBoard(office, y, Standings.POINTS_RULE,
                new UnitStandingPage(items, page, size, all.size()));
    }
}
