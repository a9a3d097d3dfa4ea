package org.threelists.demand.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
import org.threelists.demand.domain.DemandCommands.AmendDemand;
import org.threelists.demand.domain.DemandCommands.EraseResidentData;
import org.threelists.demand.domain.DemandCommands.MergeDemand;
import org.threelists.demand.domain.DemandCommands.RejectDemand;
import org.threelists.demand.domain.DemandCommands.SubmitDemand;
import org.threelists.demand.domain.DemandCommands.VerifyDemand;
import org.threelists.demand.domain.DemandCommands.WithdrawDemand;
import org.threelists.demand.domain.DemandSource;
import org.threelists.demand.domain.DemandStatus;
import org.threelists.demand.domain.ResidentContacts;
import org.threelists.demand.projection.DemandQueries;
import org.threelists.demand.projection.DemandView;
import org.threelists.demand.reveal.ContactReveals;
import org.threelists.platform.problem.Problem;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.problem.RequestParameters;
import org.threelists.platform.security.Caller;
import org.threelists.platform.security.Roles;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.UUID;
import java.util.function.Function;

import static org.threelists.platform.problem.RequestParameters.enumValue;

/**
 * The demand list (需求清单) over REST: communities and the desk submit and curate demands; units and auditors read.
 * Writes run in one transaction with the events and the read model, so the response shows the stored outcome.
 */
@Path("/demands")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Demands", description = "需求清单 — residents' needs")
public class DemandResource {

    private static final String DEMAND = "Demand";

    private final CommandGateway commands;
    private final DemandQueries queries;
    private final DemandAccess access;
    private final ResidentContacts contacts;
    private final Caller caller;
    private final ValidBodies bodies;
    private final ContactReveals reveals;

    DemandResource(CommandGateway commands, DemandQueries queries, DemandAccess access, ResidentContacts contacts,
            Caller caller, ValidBodies bodies, ContactReveals reveals) {
        this.reveals = reveals;
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.contacts = contacts;
        this.caller = caller;
        this.bodies = bodies;
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK})
    @Operation(summary = "Submit a demand", description = "A community worker for their community, or the desk for its street")
    @APIResponse(responseCode = "201", description = "Submitted",
            content = @Content(schema = @Schema(implementation = DemandResponse.class)))
    public Response submit(@RequestBody(required = true, content = @Content(schema = @Schema(
            implementation = DemandRequests.Submit.class))) byte[] body, UriInfo uri) throws JsonProcessingException {
        JsonNode tree = bodies.tree(body);
        access.requireMaySubmit(tree == null ? null : tree.path("communityCode").asText(null));
        DemandRequests.Submit request = bodies.require(body, DemandRequests.Submit.class);
        var community = CommunityDirectory.standard().find(request.communityCode())
                .orElseThrow(() -> ProblemException.invalid("communityCode", "unknown community '" + request.communityCode() + "'"));
        access.requireWrite(community.streetCode(), community.code());
        DemandSource source = request.source() == null ? DemandSource.COMMUNITY_WORKER : request.source();
        if (source == DemandSource.MUNICIPAL_PLATFORM) {
            throw ProblemException.invalid("source", "MUNICIPAL_PLATFORM is reserved for the 12345 intake");
        }
        String demandId = UUID.randomUUID().toString();
        String sealed = request.resident() == null ? null : contacts.seal(demandId, request.resident().toDomain());
        commands.sendAndWait(new SubmitDemand(demandId, community.streetCode(), community.code(), request.details(),
                source, null, sealed, null, caller.actor()));
        return Response.created(uri.getAbsolutePathBuilder().path(demandId).build()).entity(render(load(demandId))).build();
    }

    @GET
    @Path("/{demandId}")
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK, Roles.UNIT, Roles.AUDITOR})
    @Operation(summary = "Read a demand", description = "The resident's contact is included for the demand's community, "
            + "its street's desk, and the member units serving it while it is matched or in progress")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DemandResponse.class)))
    @APIResponse(responseCode = "404", description = "No such demand",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DemandResponse get(@PathParam("demandId") String demandId) {
        DemandView demand = load(demandId);
        access.requireRead(demand);
        return render(demand);
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK, Roles.UNIT, Roles.AUDITOR})
    @Operation(summary = "List demands", description = "Newest first, within the caller's community or street; "
            + "units see the vetted (listed and later) demands")
    public DemandPage list(@QueryParam("community") String community, @QueryParam("status") String status,
            @QueryParam("category") String category, @QueryParam("urgency") String urgency,
            @QueryParam("page") @DefaultValue("0") @Parameter(description = "0-based") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "1 to 100") int size) {
        RequestParameters.checkPage(page, size);
        DemandAccess.Scope scope = access.listingScope();
        if (community != null && !inScope(scope, community)) {
            throw ProblemException.forbidden("Community " + community + " is outside your scope");
        }
        var filter = new DemandQueries.Filter(scope.street(), community != null ? community : scope.community(),
                scope.statuses(), enumValue(DemandStatus.class, "status", status),
                enumValue(Category.class, "category", category), enumValue(Urgency.class, "urgency", urgency));
        DemandQueries.Result result = queries.list(filter, page, size);
        return new DemandPage(result.items().stream().map(this::render).toList(), page, size, result.total());
    }

    @GET
    @Path("/contact-reveals")
    @RolesAllowed({Roles.DESK, Roles.AUDITOR})
    @Operation(summary = "List the showings of residents' contacts to member units",
            description = "Within the caller's street, newest first: who read which demand's contact, for which unit, "
                    + "when. from (inclusive) and to (exclusive) are ISO-8601 instants; by default the last 30 days")
    public ContactRevealPage contactReveals(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") @Parameter(description = "0-based") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "1 to 100") int size) {
        String street = access.listingScope().street();
        RequestParameters.checkPage(page, size);
        Instant until = instant("to", to, Instant.now());
        Instant since = instant("from", from, until.minus(Duration.ofDays(30)));
        ContactReveals.Found found = reveals.list(street, since, until, page, size);
        return new ContactRevealPage(found.items().stream().map(ContactRevealPage.Item::of).toList(), page, size,
                found.total());
    }

    @POST
    @Path("/{demandId}/verify")
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK})
    @Operation(summary = "Verify a demand and put it on the list", description = "submitted → listed")
    public DemandResponse verify(@PathParam("demandId") String demandId, @RequestBody(required = false, content = @Content(schema = @Schema(
            implementation = DemandRequests.Verify.class))) byte[] body) throws JsonProcessingException {
        DemandView demand = loadForWrite(demandId);
        DemandRequests.Verify request = bodies.optional(body, DemandRequests.Verify.class);
        return change(demand, id -> new VerifyDemand(id, request == null ? null : request.description(), caller.actor()));
    }

    @POST
    @Path("/{demandId}/merge")
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK})
    @Operation(summary = "Close a demand as a duplicate of another", description = "submitted or listed → merged")
    public DemandResponse merge(@PathParam("demandId") String demandId, @RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = DemandRequests.Merge.class))) byte[] body) throws JsonProcessingException {
        DemandView demand = loadForWrite(demandId);
        DemandRequests.Merge request = bodies.require(body, DemandRequests.Merge.class);
        DemandView target = queries.find(request.duplicateOf())
                .orElseThrow(() -> ProblemException.invalid("duplicateOf", "no demand " + request.duplicateOf()));
        if (!target.communityCode.equals(demand.communityCode)) {
            throw ProblemException.invalid("duplicateOf", "must be a demand of the same community");
        }
        if (!EnumSet.of(DemandStatus.SUBMITTED, DemandStatus.LISTED, DemandStatus.MATCHED, DemandStatus.IN_PROGRESS)
                .contains(target.status)) {
            throw ProblemException.invalid("duplicateOf", "demand " + target.demandId + " is " + target.status
                    + " and cannot absorb duplicates");
        }
        return change(demand, id -> new MergeDemand(id, request.duplicateOf(), caller.actor()));
    }

    @POST
    @Path("/{demandId}/amend")
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK})
    @Operation(summary = "Amend a demand's details", description = "While submitted or listed")
    public DemandResponse amend(@PathParam("demandId") String demandId, @RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = DemandRequests.Amend.class))) byte[] body) throws JsonProcessingException {
        DemandView demand = loadForWrite(demandId);
        DemandRequests.Amend request = bodies.require(body, DemandRequests.Amend.class);
        return change(demand, id -> new AmendDemand(id, request.details(),
                request.resident() == null ? null : contacts.seal(id, request.resident().toDomain()), caller.actor()));
    }

    @POST
    @Path("/{demandId}/withdraw")
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK})
    @Operation(summary = "Withdraw a demand", description = "submitted, listed or matched → withdrawn")
    public DemandResponse withdraw(@PathParam("demandId") String demandId, @RequestBody(required = false, content = @Content(schema = @Schema(
            implementation = DemandRequests.Reason.class))) byte[] body) throws JsonProcessingException {
        DemandView demand = loadForWrite(demandId);
        DemandRequests.Reason request = bodies.optional(body, DemandRequests.Reason.class);
        return change(demand, id -> new WithdrawDemand(id, request == null ? null : request.reason(), caller.actor()));
    }

    @POST
    @Path("/{demandId}/reject")
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK})
    @Operation(summary = "Reject a demand, saying why", description = "submitted or listed → rejected")
    public DemandResponse reject(@PathParam("demandId") String demandId, @RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = DemandRequests.Reject.class))) byte[] body) throws JsonProcessingException {
        DemandView demand = loadForWrite(demandId);
        DemandRequests.Reject request = bodies.require(body, DemandRequests.Reject.class);
        return change(demand, id -> new RejectDemand(id, request.reason(), caller.actor()));
    }

    @DELETE
    @Path("/{demandId}/resident")
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK})
    @Operation(summary = "Erase the resident's personal data",
            description = "Destroys the demand's personal-data key: every stored copy becomes unreadable; the history stays")
    public DemandResponse eraseResident(@PathParam("demandId") String demandId) {
        return change(demandId, id -> {
            contacts.erase(id, caller.actor());
            return new EraseResidentData(id, caller.actor());
        });
    }

    private DemandResponse change(String demandId, Function<String, Object> command) {
        return change(loadForWrite(demandId), command);
    }

    /** The demand, once the caller is known to be allowed to change it: before its body is even looked at. */
    private DemandView loadForWrite(String demandId) {
        DemandView demand = load(demandId);
        access.requireWrite(demand.streetCode, demand.communityCode);
        return demand;
    }

    /** For a demand already loaded and checked: send the command, answer with the state it left. */
    private DemandResponse change(DemandView demand, Function<String, Object> command) {
        commands.sendAndWait(command.apply(demand.demandId));
        return render(load(demand.demandId));
    }

    private DemandView load(String demandId) {
        return queries.find(demandId).orElseThrow(() -> ProblemException.notFound(DEMAND, demandId));
    }

    private DemandResponse render(DemandView demand) {
        ResidentContactDto resident = access.maySeeResident(demand) && !demand.residentErased
                ? contacts.open(demand.demandId, demand.sealedResident).map(ResidentContactDto::of).orElse(null)
                : null;
        if (resident != null) {
            access.servingUnit(demand).ifPresent(unit -> reveals.record(demand.demandId, demand.streetCode,
                    demand.communityCode, unit, caller.subject()));
        }
        String ticketText = access.mayReviewTicket(demand) && !demand.residentErased
                ? contacts.openTicketText(demand.demandId, demand.sealedTicketText).orElse(null)
                : null;
        return DemandResponse.of(demand, resident, ticketText);
    }

    private static Instant instant(String name, String value, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }

    private static boolean inScope(DemandAccess.Scope scope, String community) {
        if (scope.community() != null) {
            return scope.community().equals(community);
        }
        if (scope.street() != null) {
            return CommunityDirectory.standard().find(community).map(c -> c.streetCode().equals(scope.street()))
                    .orElse(false);
        }
        return true;
    }
}
