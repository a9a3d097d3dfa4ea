package org.threelists.matchmaker.api;

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
import org.threelists.matchmaker.api.NoticeBoardResponses.Place;
import org.threelists.matchmaker.api.NoticeBoardResponses.ProjectsBoard;
import org.threelists.matchmaker.api.NoticeBoardResponses.PublicProjectPage;
import org.threelists.matchmaker.projection.NoticeBoardQueries;
import org.threelists.matchmaker.projection.NoticeBoardQueries.Section;
import org.threelists.matchmaker.projection.ProjectQueries;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.platform.problem.Problem;
import org.threelists.platform.problem.RequestParameters;
import org.threelists.platform.ratelimit.ClientRateLimiter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The public notice board (公示) of the project list: what the desk published in a street (or one of its
 * communities) in a year, who holds it, and — once completed — its hours and the residents' satisfaction. Anyone may
 * read it without a token, other sites as JSON and the console as a page; it carries no personal data
 * ({@link NoticeBoardResponses}). Limited per client address like the other services' public reads
 * (services/matchmaker/service/README.md, "Notice board").
 */
@Path("/notice-board")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notice board", description = "公示 — what the lists decided, public and without personal data")
public class NoticeBoardResource {

    /** Another site or a browser may keep the answer a minute: a project moves in hours and days, not seconds. */
    static final String CACHE_CONTROL = "public, max-age=60";

    private final NoticeBoardQueries queries;
    private final ClientRateLimiter limiter;
    private final ZoneId zone;

    NoticeBoardResource(NoticeBoardQueries queries, ClientRateLimiter limiter,
            @ConfigProperty(name = "threelists.matchmaker.time-zone") ZoneId zone) {
        this.queries = queries;
        this.limiter = limiter;
        this.zone = zone;
    }

    @GET
    @Path("/projects")
    @PermitAll
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "The street's published projects of a year (public, no token)",
            description = "Projects the desk published in the year (Beijing time), newest publication first: "
                    + "list=OPEN those under way (a cancelled one leaves it), COMPLETED those the community confirmed "
                    + "with their hours and satisfaction, YEAR (the default) all of them, cancelled ones as 已撤销 with "
                    + "the day. Proposals never appear. No personal data: the title is made of the community and the "
                    + "category. Cache-Control: public, max-age=60.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProjectsBoard.class)))
    @APIResponse(responseCode = "404", description = "No street office or community has this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "429", description = "Too many requests from this address; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    public ProjectsBoard projects(
            @Parameter(description = "The street office's code, e.g. dianqian", required = true)
            @QueryParam("street") String street,
            @Parameter(description = "One community of the street, e.g. jiafu; all of them when absent")
            @QueryParam("community") String community,
            @Parameter(description = "The year of publication, in Beijing time; this year when absent")
            @QueryParam("year") Integer year,
            @Parameter(description = "OPEN, COMPLETED or YEAR (default)") @QueryParam("list") String list,
            @QueryParam("page") @DefaultValue("0") @Parameter(description = "0-based") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "1 to 100") int size,
            @Context HttpServerRequest request, @Context HttpServerResponse response) {
        limiter.acquire(request);
        RequestParameters.checkPage(page, size);
        Section section = RequestParameters.enumValue(Section.class, "list", list);
        section = section == null ? Section.YEAR : section;
        Community streetOffice = RequestParameters.streetOffice("street", street);
        Place office = new Place(streetOffice.streetCode(), streetOffice.streetName());
        Community inStreet = RequestParameters.communityOf(office.code(), community);
        Place place = inStreet == null ? null : new Place(inStreet.code(), inStreet.name());
        int y = RequestParameters.yearOrThis("year", year, zone);
        Instant from = LocalDate.of(y, 1, 1).atStartOfDay(zone).toInstant();
        Instant to = LocalDate.of(y + 1, 1, 1).atStartOfDay(zone).toInstant();
        ProjectQueries.Result<ProjectView> found = queries.published(office.code(),
                place == null ? null : place.code(), from, to, section, page, size);
        List<ProjectView> views = found.items();
        Map<String, String> names = queries.unitNames(views.stream()
                .flatMap(v -> Arrays.stream(v.holderUnitIds)).distinct().toList());
        Map<String, Instant> claimed = queries.claimedAt(views.stream().map(v -> v.projectId).toList());
        response.putHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        return new ProjectsBoard(office, place, y, section.name(), new PublicProjectPage(views.stream()
                .map(v -> NoticeBoardResponses.of(v, names, claimed.get(v.projectId), zone)).toList(),
                page, size, found.total()));
    }
}
