package org.threelists.demand.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.threelists.platform.problem.Problem;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.problem.RequestParameters;
import org.threelists.platform.security.Caller;
import org.threelists.platform.security.Roles;

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

    DemandResource(CommandGateway commands, DemandQueries queries, DemandAccess access, ResidentContacts contacts,
            Caller caller) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.contacts = contacts;
        this.caller = caller;
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK})
    @Operation(summary = "Submit a demand", description = "A community worker for their community, or the desk for its street")
    @APIResponse(responseCode = "201", description = "Submitted",
            content = @Content(schema = @Schema(implementation = DemandResponse.class)))
    public Response submit(@Valid @NotNull DemandRequests.Submit request, UriInfo uri) {
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
                source, null, sealed, caller.actor()));
        return Response.created(uri.getAbsolutePathBuilder().path(demandId).build()).entity(render(load(demandId))).build();
    }

    @GET
    @Path("/{demandId}")
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

    @POST
    @Path("/{demandId}/verify")
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK})
    @Operation(summary = "Verify a demand and put it on the list", description = "submitted → listed")
    public DemandResponse verify(@PathParam("demandId") String demandId) {
        return change(demandId, id -> new VerifyDemand(id, caller.actor()));
    }

    @POST
    @Path("/{demandId}/merge")
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK})
    @Operation(summary = "Close a demand as a duplicate of another", description = "submitted or listed → merged")
    public DemandResponse merge(@PathParam("demandId") String demandId, @Valid @NotNull DemandRequests.Merge request) {
        DemandView demand = load(demandId);
        access.requireWrite(demand.streetCode, demand.communityCode);
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
    public DemandResponse amend(@PathParam("demandId") String demandId, @Valid @NotNull DemandRequests.Amend request) {
        return change(demandId, id -> new AmendDemand(id, request.details(),
                request.resident() == null ? null : contacts.seal(id, request.resident().toDomain()), caller.actor()));
    }

    @POST
    @Path("/{demandId}/withdraw")
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK})
    @Operation(summary = "Withdraw a demand", description = "submitted, listed or matched → withdrawn")
    public DemandResponse withdraw(@PathParam("demandId") String demandId, @Valid DemandRequests.Reason request) {
        return change(demandId, id -> new WithdrawDemand(id, request == null ? null : request.reason(), caller.actor()));
    }

    @POST
    @Path("/{demandId}/reject")
    @Transactional
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK})
    @Operation(summary = "Reject a demand, saying why", description = "submitted or listed → rejected")
    public DemandResponse reject(@PathParam("demandId") String demandId, @Valid @NotNull DemandRequests.Reject request) {
        return change(demandId, id -> new RejectDemand(id, request.reason(), caller.actor()));
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
        DemandView demand = load(demandId);
        access.requireWrite(demand.streetCode, demand.communityCode);
        return change(demand, command);
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
        return DemandResponse.of(demand, resident);
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
