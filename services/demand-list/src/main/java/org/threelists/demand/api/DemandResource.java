package org.threelists.demand.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.threelists.contracts.Category;
import org.threelists.contracts.CommunityDirectory;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.DemandStatus;
import org.threelists.demand.projection.ContactReveals;
import org.threelists.demand.projection.DemandQueries;
import org.threelists.demand.projection.DemandView;
import org.threelists.demand.service.ContactDisclosure;
import org.threelists.demand.service.DemandCuration;
import org.threelists.demand.service.DemandRouting;
import org.threelists.demand.service.DemandSubmission;
import org.threelists.platform.domain.RecordDates;
import org.threelists.platform.problem.Problem;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.problem.RequestParameters;
import org.threelists.platform.security.Caller;
import org.threelists.platform.security.Roles;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import static org.threelists.platform.problem.RequestParameters.enumValue;

/**
 * The demand list (需求清单) over REST: communities and the desk submit and curate demands; units and auditors read.
 * Each write authorises the caller for the demand's place ({@link DemandAccess}) before it reads the body
 * (services/demand-list/README.md, "Order of checks"), then calls the use case ({@code service.DemandSubmission},
 * {@code service.DemandCuration}). Writes run in one transaction with the events and the read model, so the response
 * shows the stored outcome.
 */
@Path("/demands")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Demands", description = "需求清单 — residents' needs")
public class DemandResource {

    private final DemandSubmission submission;
    private final DemandCuration curation;
    private final DemandRouting routing;
    private final ContactDisclosure disclosure;
    private final DemandQueries queries;
    private final ContactReveals reveals;
    private final DemandAccess access;
    private final Caller caller;
    private final ValidBodies bodies;

    DemandResource(DemandSubmission submission, DemandCuration curation, DemandRouting routing, ContactDisclosure disclosure,
            DemandQueries queries, ContactReveals reveals, DemandAccess access, Caller caller, ValidBodies bodies) {
        this.submission = submission;
        this.curation = curation;
        this.routing = routing;
        this.disclosure = disclosure;
        this.queries = queries;
        this.reveals = reveals;
        this.access = access;
        this.caller = caller;
        this.bodies = bodies;
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK})
    @Operation(summary = "Submit a demand", description = "A community worker for their community, or the desk for its street")
    @APIResponse(responseCode = "201", description = "Submitted, or, for a retry with the same Idempotency-Key, the "
            + "demand the first attempt submitted (Idempotent-Replayed: true)",
            content = @Content(schema = @Schema(implementation = DemandResponse.class)))
    @APIResponse(responseCode = "503", description = "Overloaded: nothing was submitted; send the same request again "
            + "(with the same Idempotency-Key) after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@RequestBody(required = true, content = @Content(schema = @Schema(
            implementation = SubmitDemandRequest.class))) byte[] body,
            @HeaderParam(RetryKeys.HEADER) @Parameter(description = RetryKeys.DESCRIPTION) String idempotencyKey,
            UriInfo uri) throws JsonProcessingException {
        JsonNode tree = bodies.tree(body);
        access.requireMaySubmit(tree == null ? null : tree.path("communityCode").asText(null));
        SubmitDemandRequest request = bodies.require(tree, SubmitDemandRequest.class);
        var community = CommunityDirectory.standard().find(request.communityCode())
                .orElseThrow(() -> ProblemException.invalid("communityCode", "unknown community '" + request.communityCode() + "'"));
        access.requireWrite(community.streetCode(), community.code());
        DemandSubmission.Submitted submitted = submission.submit(community, request.details(), request.source(),
                request.resident() == null ? null : request.resident().toDomain(), caller.actor(),
                RetryKeys.of(idempotencyKey, body));
        Response.ResponseBuilder created = Response.created(uri.getAbsolutePathBuilder().path(submitted.demandId()).build())
                .entity(render(queries.require(submitted.demandId())));
        return (submitted.replayed() ? created.header(RetryKeys.REPLAYED, "true") : created).build();
    }

    @GET
    @Path("/{demandId}")
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK, Roles.UNIT, Roles.AUDITOR, Roles.MEMBER})
    @Operation(summary = "Read a demand", description = "The resident's contact is included for the demand's community, "
            + "its street's desk, and the member units serving it while it is matched or in progress; the leader of "
            + "the Party group holding it reads it without")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DemandResponse.class)))
    @APIResponse(responseCode = "404", description = "No such demand",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DemandResponse get(@PathParam("demandId") String demandId) {
        DemandView demand = queries.require(demandId);
        access.requireRead(demand);
        return render(demand);
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK, Roles.UNIT, Roles.AUDITOR, Roles.MEMBER})
    @Operation(summary = "List demands", description = "Newest first, within the caller's community or street; "
            + "units see the vetted (listed and later) demands; a member the demands held by the group they lead")
    public DemandPageResponse list(@QueryParam("community") String community, @QueryParam("status") String status,
            @QueryParam("category") String category, @QueryParam("urgency") String urgency,
            @QueryParam("page") @DefaultValue("0") @Parameter(description = "0-based") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "1 to 100") int size) {
        RequestParameters.checkPage(page, size);
        DemandAccess.Scope scope = access.listingScope();
        if (community != null) {
            access.requireInScope(scope, community);
        }
        var filter = new DemandQueries.Filter(scope.street(), community != null ? community : scope.community(),
                scope.statuses(), scope.ledBy(), enumValue(DemandStatus.class, "status", status),
                enumValue(Category.class, "category", category), enumValue(Urgency.class, "urgency", urgency));
        DemandQueries.Result result = queries.list(filter, page, size);
        return new DemandPageResponse(result.items().stream().map(this::render).toList(), page, size, result.total());
    }

    @GET
    @Path("/contact-reveals")
    @RolesAllowed({Roles.DESK, Roles.AUDITOR})
    @Operation(summary = "List the showings of residents' contacts to member units",
            description = "Within the caller's street, newest first: who read which demand's contact, for which unit, "
                    + "when. from (inclusive) and to (exclusive) are ISO-8601 instants; by default the last 30 days")
    public ContactRevealPageResponse contactReveals(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") @Parameter(description = "0-based") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "1 to 100") int size) {
        String street = access.listingScope().street();
        RequestParameters.checkPage(page, size);
        Instant until = instant("to", to, Instant.now());
        Instant since = instant("from", from, until.minus(Duration.ofDays(30)));
        ContactReveals.Found found = reveals.list(street, since, until, page, size);
        return new ContactRevealPageResponse(found.items().stream().map(ContactRevealPageResponse.Item::of).toList(), page, size,
                found.total());
    }

    @POST
    @Path("/{demandId}/verify")
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK})
    @Operation(summary = "Verify a demand and put it on the list", description = "submitted → listed; a demand of a "
            + "small category goes on to the building Party group covering its compound, if exactly one does")
    public DemandResponse verify(@PathParam("demandId") String demandId, @RequestBody(required = false, content = @Content(schema = @Schema(
            implementation = VerifyDemandRequest.class))) byte[] body) throws JsonProcessingException {
        requireWritable(demandId);
        VerifyDemandRequest request = bodies.optional(body, VerifyDemandRequest.class);
        curation.verify(demandId, request == null ? null : request.description(), caller.actor());
        routing.routeByDefault(demandId, caller.actor());
        return answer(demandId);
    }

    @POST
    @Path("/{demandId}/merge")
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK})
    @Operation(summary = "Close a demand as a duplicate of another", description = "submitted or listed → merged")
    public DemandResponse merge(@PathParam("demandId") String demandId, @RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = MergeDemandRequest.class))) byte[] body) throws JsonProcessingException {
        requireWritable(demandId);
        MergeDemandRequest request = bodies.require(body, MergeDemandRequest.class);
        curation.merge(demandId, request.duplicateOf(), caller.actor());
        return answer(demandId);
    }

    @POST
    @Path("/{demandId}/amend")
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK})
    @Operation(summary = "Amend a demand's details", description = "While submitted or listed")
    public DemandResponse amend(@PathParam("demandId") String demandId, @RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = AmendDemandRequest.class))) byte[] body) throws JsonProcessingException {
        requireWritable(demandId);
        AmendDemandRequest request = bodies.require(body, AmendDemandRequest.class);
        curation.amend(demandId, request.details(), request.resident() == null ? null : request.resident().toDomain(),
                caller.actor());
        return answer(demandId);
    }

    @POST
    @Path("/{demandId}/withdraw")
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK})
    @Operation(summary = "Withdraw a demand", description = "submitted, listed, held by a Party group with no slip open (409 while one is: recall it first), or matched → withdrawn")
    public DemandResponse withdraw(@PathParam("demandId") String demandId, @RequestBody(required = false, content = @Content(schema = @Schema(
            implementation = ReasonRequest.class))) byte[] body) throws JsonProcessingException {
        requireWritable(demandId);
        ReasonRequest request = bodies.optional(body, ReasonRequest.class);
        curation.withdraw(demandId, request == null ? null : request.reason(), caller.actor());
        return answer(demandId);
    }

    @POST
    @Path("/{demandId}/route")
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK, Roles.MEMBER})
    @Operation(summary = "Route a listed demand to a building Party group, or send it back to the joint meeting",
            description = "listed → in Party group (PARTY_GROUP, with groupId); in Party group → listed (JOINT_MEETING, "
                    + "also by the group's leader; not while a slip is open)")
    public DemandResponse route(@PathParam("demandId") String demandId, @RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = RouteDemandRequest.class))) byte[] body) throws JsonProcessingException {
        access.requireMayRoute(queries.require(demandId));
        RouteDemandRequest request = bodies.require(body, RouteDemandRequest.class);
        access.requireMayRouteTo(request.lane());
        routing.route(demandId, request.lane(), request.groupId(), request.reason(), caller.actor());
        return answer(demandId);
    }

    @POST
    @Path("/{demandId}/reject")
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK})
    @Operation(summary = "Reject a demand, saying why", description = "submitted or listed → rejected")
    public DemandResponse reject(@PathParam("demandId") String demandId, @RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = RejectDemandRequest.class))) byte[] body) throws JsonProcessingException {
        requireWritable(demandId);
        RejectDemandRequest request = bodies.require(body, RejectDemandRequest.class);
        curation.reject(demandId, request.reason(), caller.actor());
        return answer(demandId);
    }

    @DELETE
    @Path("/{demandId}/resident")
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK})
    @Operation(summary = "Erase the resident's personal data",
            description = "Destroys the demand's personal-data key: every stored copy becomes unreadable; the history stays")
    public DemandResponse eraseResident(@PathParam("demandId") String demandId) {
        requireWritable(demandId);
        curation.eraseResident(demandId, caller.actor());
        return answer(demandId);
    }

    /** The caller may change the demand: checked before its body is even looked at. */
    private void requireWritable(String demandId) {
        DemandView demand = queries.require(demandId);
        access.requireWrite(demand.streetCode, demand.communityCode);
    }

    /** The state a change left, as the caller may see it. */
    private DemandResponse answer(String demandId) {
        return render(queries.require(demandId));
    }

    private DemandResponse render(DemandView demand) {
        ContactDisclosure.Entitlement entitled = access.entitlement(demand);
        return DemandResponse.of(demand, disclosure.disclose(demand, entitled), entitled.ticketText());
    }

    private static Instant instant(String name, String value, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        Instant parsed;
        try {
            parsed = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
        if (!RecordDates.holds(parsed)) {
            throw ProblemException.invalid(name, "must be between " + RecordDates.EARLIEST + " and "
                    + RecordDates.LATEST);
        }
        return parsed;
    }
}
