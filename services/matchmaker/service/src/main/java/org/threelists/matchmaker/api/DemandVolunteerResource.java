package org.threelists.matchmaker.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.threelists.matchmaker.api.ProjectResponses.ClaimAccepted;
import org.threelists.matchmaker.domain.ProjectCommands.ClaimProject;
import org.threelists.matchmaker.domain.ProjectCommands.ProposeProject;
import org.threelists.matchmaker.domain.ProjectValues.Need;
import org.threelists.matchmaker.domain.ProjectValues.Origin;
import org.threelists.matchmaker.planning.Proposals;
import org.threelists.matchmaker.projection.AvailableResource;
import org.threelists.matchmaker.projection.OpenDemand;
import org.threelists.matchmaker.projection.ProjectClaimView;
import org.threelists.matchmaker.projection.ProjectQueries;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.security.Caller;
import org.threelists.platform.security.Roles;

import java.util.List;
import java.util.UUID;

/**
 * 揭榜: a unit volunteers for a listed demand of its street that no project serves yet. The project is created with
 * origin VOLUNTEERED and claimed for the unit's offer at once; the desk's joint meeting does not have to publish it
 * first (the unit answered the list itself), and if resource-list refuses the reservation the project goes back to the
 * desk's proposals.
 */
@Path("/demands")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects")
public class DemandVolunteerResource {

    private final CommandGateway commands;
    private final ProjectQueries queries;
    private final ProjectAccess access;
    private final ProjectCommandsSupport support;
    private final Caller caller;

    DemandVolunteerResource(CommandGateway commands, ProjectQueries queries, ProjectAccess access,
            ProjectCommandsSupport support, Caller caller) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.support = support;
        this.caller = caller;
    }

    @POST
    @Path("/{demandId}/volunteer")
    @Transactional
    @RolesAllowed(Roles.UNIT)
    @Operation(summary = "Volunteer for a listed demand (揭榜)",
            description = "Your unit takes a listed demand of your street with one of its offers counted in hours: a "
                    + "project of origin VOLUNTEERED is created and claimed for you; the claim waits for resource-list "
                    + "to reserve the capacity")
    @APIResponse(responseCode = "201", description = "Created; the claim waits for the reservation",
            content = @Content(schema = @Schema(implementation = ClaimAccepted.class)))
    public Response volunteer(@PathParam("demandId") String demandId, @Valid @NotNull ProjectRequests.Volunteer request) {
        OpenDemand demand = OpenDemand.findById(demandId);
        if (demand == null) {
            throw ProblemException.notFound("Demand", demandId);
        }
        String street = access.street();
        if (!demand.streetCode.equals(street)) {
            throw ProblemException.forbidden("Demand " + demandId + " is outside your street");
        }
        String unit = access.unit();
        Proposals.lockStreet(street);
        support.requireAssignable(List.of(demand));
        AvailableResource offer = support.offerOf(unit, request.resourceId());
        support.requireOffers(offer, demand.category);
        Need need = support.need(null, offer, List.of(demand));
        String period = support.period(offer, request.period());
        String projectId = UUID.randomUUID().toString();
        String claimId = UUID.randomUUID().toString();
        String actor = caller.actor();
        commands.sendAndWait(new ProposeProject(projectId, Origin.VOLUNTEERED, street, demand.communityCode,
                demand.category, demand.urgency, Proposals.title(demand.communityCode, demand.category, 1),
                List.of(demandId), need, unit, offer.resourceId, null, request.note(), List.of(), actor));
        commands.sendAndWait(new ClaimProject(projectId, claimId, unit, offer.resourceId, need.amount(), period, actor));
        ProjectView project = queries.find(projectId).orElseThrow();
        ProjectClaimView claim = ProjectClaimView.findById(claimId);
        return Response.created(UriBuilder.fromPath("/projects/{id}").build(projectId))
                .entity(new ClaimAccepted(claimId, claim.kind, claim.status, project.status, support.render(project)))
                .build();
    }
}
