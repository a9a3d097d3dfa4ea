package org.threelists.matchmaker.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.threelists.contracts.Category;
import org.threelists.matchmaker.domain.ProjectStatus;
import org.threelists.matchmaker.domain.ProjectValues.Need;
import org.threelists.matchmaker.domain.ProjectValues.VolunteerHours;
import org.threelists.matchmaker.projection.ProjectQueries;
import org.threelists.matchmaker.service.DeskAssignment;
import org.threelists.matchmaker.service.ProjectClaims;
import org.threelists.matchmaker.service.ProjectLifecycle;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.matchmaker.api.ProjectResponses.ClaimAccepted;
import org.threelists.matchmaker.api.ProjectResponses.Project;
import org.threelists.platform.axon.RetriedOnConcurrentChange;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.problem.RequestParameters;
import org.threelists.platform.security.Caller;
import org.threelists.platform.security.Roles;

import java.util.List;

import static org.threelists.platform.problem.RequestParameters.enumValue;

/**
 * The project list (项目清单) over REST. The desk reviews the engine's proposals, publishes, assigns, takes back and
 * cancels; units take published projects (claim or pledge), schedule them and report delivery; the community confirms
 * completion and records the residents' ratings. A claim or pledge waits for resource-list to reserve its capacity
 * (202, claimStatus PENDING) and is confirmed or reverted when it answers. Residents appear only through demand ids:
 * their personal data stays in demand-list. Writes run in one transaction with the events and the read models, so
 * every answer shows the state the command left. A body is checked only once the caller may act on the project, so
 * that a caller outside its scope learns nothing from a 400. Writes that meet another request's writes on the same
 * project run again on the project as the other left it, instead of answering 409 (libs/platform/README.md, "Commands").
 */
@RetriedOnConcurrentChange
@Path("/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "项目清单 — projects pairing demands with the units' offers")
public class ProjectResource {

    private final ProjectQueries queries;
    private final ProjectAccess access;
    private final ProjectRendering rendering;
    private final Caller caller;
    private final RequestValidation validation;
    private final DeskAssignment assignment;
    private final ProjectClaims claims;
    private final ProjectLifecycle lifecycle;

    ProjectResource(ProjectQueries queries, ProjectAccess access, ProjectRendering rendering, Caller caller,
            RequestValidation validation, DeskAssignment assignment, ProjectClaims claims, ProjectLifecycle lifecycle) {
        this.queries = queries;
        this.access = access;
        this.rendering = rendering;
        this.caller = caller;
        this.validation = validation;
        this.assignment = assignment;
        this.claims = claims;
        this.lifecycle = lifecycle;
    }

    @GET
    @RolesAllowed({Roles.DESK, Roles.AUDITOR, Roles.COMMUNITY})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "List the projects", description = "Newest first, within the caller's street (desk, auditor) or "
            + "community; status=PROPOSED is the desk's queue of proposals to review; hoursDiffer=true the deliveries "
            + "whose reported hours differ from the volunteers' check-ins")
    public ProjectResponses.Page list(@QueryParam("status") String status, @QueryParam("community") String community,
            @QueryParam("category") String category,
            @QueryParam("hoursDiffer") @Parameter(description = "true: only deliveries with a difference between the "
                    + "reported and the checked hours") Boolean hoursDiffer,
            @QueryParam("page") @DefaultValue("0") @Parameter(description = "0-based") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "1 to 100") int size) {
        RequestParameters.checkPage(page, size);
        ProjectStatus wanted = enumValue(ProjectStatus.class, "status", status);
        Category wantedCategory = enumValue(Category.class, "category", category);
        ProjectQueries.Filter filter;
        if (caller.hasRole(Roles.COMMUNITY)) {
            if (community != null && !community.equals(access.community())) {
                throw ProblemException.forbidden("Community " + community + " is outside your scope");
            }
            filter = new ProjectQueries.Filter(null, access.community(), wanted, wantedCategory, onlyIfTrue(hoursDiffer));
        } else {
            filter = new ProjectQueries.Filter(access.street(), community, wanted, wantedCategory,
                    onlyIfTrue(hoursDiffer));
        }
        ProjectQueries.Result<ProjectView> result = queries.list(filter, page, size);
        return new ProjectResponses.Page(result.items().stream().map(this::render).toList(), page, size, result.total());
    }

    @GET
    @Path("/claimable")
    @RolesAllowed(Roles.UNIT)
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Projects your unit can take", description = "Published projects of your street, in the "
            + "communities your unit serves, open for a claim or for more pledges, that your unit has not asked for yet; "
            + "the earliest claim deadline first")
    public ProjectResponses.Page claimable(
            @QueryParam("page") @DefaultValue("0") @Parameter(description = "0-based") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "1 to 100") int size) {
        RequestParameters.checkPage(page, size);
        ProjectQueries.Result<ProjectView> result = queries.claimable(access.street(), access.unit(), page, size);
        return new ProjectResponses.Page(result.items().stream().map(this::render).toList(), page, size, result.total());
    }

    @GET
    @Path("/{projectId}")
    @RolesAllowed({Roles.DESK, Roles.AUDITOR, Roles.COMMUNITY, Roles.UNIT})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Read a project")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Project.class)))
    public Project get(@PathParam("projectId") String projectId) {
        ProjectView project = load(projectId);
        access.requireRead(project, queries.claims(projectId));
        return render(project);
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.DESK)
    @Operation(summary = "Create a project and assign it to a unit",
            description = "For listed demands of one community and category that no project serves yet: the project is "
                    + "proposed (origin DESK), published for a claim and claimed for the unit's offer in one step; the "
                    + "claim is confirmed once resource-list has reserved the capacity")
    @APIResponse(responseCode = "201", description = "Created; the claim waits for the reservation",
            content = @Content(schema = @Schema(implementation = Project.class)))
    public Response create(@Valid @NotNull ProjectRequests.Create request, UriInfo uri) {
        ProjectRequests.NeedRequest need = request.need();
        String projectId = assignment.assign(new DeskAssignment.Order(access.street(), request.demandIds(),
                request.unitId(), request.resourceId(), request.title(),
                need == null ? null : new Need(need.amount(), need.unit()), request.period(), request.note(),
                caller.actor()));
        return Response.created(uri.getAbsolutePathBuilder().path(projectId).build()).entity(render(load(projectId)))
                .build();
    }

    @POST
    @Path("/{projectId}/publish")
    @Transactional
    @RolesAllowed(Roles.DESK)
    @Operation(summary = "Publish a proposal (the joint meeting's decision)",
            description = "proposed → published: units may claim it (mode CLAIM, the default) or pledge to it (PLEDGE) "
                    + "until the claim deadline, set by the demands' urgency")
    public Project publish(@PathParam("projectId") String projectId, ProjectRequests.Publish request) {
        access.requireDesk(load(projectId));
        checkIfGiven(request);
        lifecycle.publish(projectId, request == null ? null : request.mode(), request == null ? null : request.note(),
                caller.actor());
        return render(load(projectId));
    }

    @POST
    @Path("/{projectId}/cancel")
    @Transactional
    @RolesAllowed(Roles.DESK)
    @Operation(summary = "Cancel a project", description = "Until it is delivered; reserved capacity is released and "
            + "its demands go back to the desk")
    @RequestBody(required = true)
    public Project cancel(@PathParam("projectId") String projectId, ProjectRequests.Reason request) {
        access.requireDesk(load(projectId));
        validation.check(request);
        lifecycle.cancel(projectId, request.reason(), caller.actor());
        return render(load(projectId));
    }

    @POST
    @Path("/{projectId}/release")
    @Transactional
    @RolesAllowed({Roles.DESK, Roles.UNIT})
    @Operation(summary = "Give a project back, or take it back from its holders",
            description = "A holding (or claiming) unit gives back its own claim or pledge, or the desk takes the "
                    + "project back from every holder to reassign it: the released capacity is given back and the "
                    + "project is open for claims (or more pledges) again — under the claim deadline it had when a "
                    + "unit gives back (giving back does not buy time), with a new one when the desk takes it back; "
                    + "other units' pledges stay")
    public Project release(@PathParam("projectId") String projectId,
            @RequestBody(required = false) ProjectRequests.Release request) {
        ProjectView project = load(projectId);
        String releasing = null;
        if (access.isDesk()) {
            access.requireDesk(project);
        } else {
            releasing = access.unit();
            claims.requireClaimant(projectId, releasing);
        }
        checkIfGiven(request);
        claims.release(projectId, releasing, request == null ? null : request.reason(), caller.actor());
        return render(load(projectId));
    }

    @POST
    @Path("/{projectId}/claims")
    @Transactional
    @RolesAllowed(Roles.UNIT)
    @Operation(summary = "Claim a published project (认领)",
            description = "Your unit takes the whole project with one of its offers (counted in the project's need unit). "
                    + "The claim waits for resource-list to reserve the capacity: the project is CLAIM_PENDING, then "
                    + "CLAIMED, or PUBLISHED again with the refusal's reason. Of concurrent claims exactly one is accepted; "
                    + "the others get 409")
    @APIResponse(responseCode = "202", description = "Accepted; waiting for the reservation",
            content = @Content(schema = @Schema(implementation = ClaimAccepted.class)))
    @RequestBody(required = true)
    public Response claim(@PathParam("projectId") String projectId, ProjectRequests.Claim request) {
        requireUnitOfStreet(projectId, request);
        String claimId = claims.claim(projectId, access.unit(), request.resourceId(), request.period(), caller.actor());
        return rendering.accepted(claimId, projectId);
    }

    @POST
    @Path("/{projectId}/pledges")
    @Transactional
    @RolesAllowed(Roles.UNIT)
    @Operation(summary = "Pledge a share of a published project (红色众筹)",
            description = "For a project published for pledges: your unit covers part of the need with one of its offers. "
                    + "Pending and confirmed pledges never exceed the need; the pledge counts once resource-list has "
                    + "reserved the capacity, and the project is CLAIMED when the confirmed pledges cover the need")
    @APIResponse(responseCode = "202", description = "Accepted; waiting for the reservation",
            content = @Content(schema = @Schema(implementation = ClaimAccepted.class)))
    @RequestBody(required = true)
    public Response pledge(@PathParam("projectId") String projectId, ProjectRequests.Pledge request) {
        requireUnitOfStreet(projectId, request);
        String claimId = claims.pledge(projectId, access.unit(), request.resourceId(), request.amount(),
                request.period(), caller.actor());
        return rendering.accepted(claimId, projectId);
    }

    /** A unit of the project's street may ask for it; the request is checked only then. */
    private void requireUnitOfStreet(String projectId, Object request) {
        access.requireUnitOfStreet(load(projectId));
        validation.check(request);
    }

    @POST
    @Path("/{projectId}/schedule")
    @Transactional
    @RolesAllowed(Roles.UNIT)
    @Operation(summary = "Schedule the service", description = "By a holder: claimed or scheduled → scheduled; the date"
            + " must not lie before the day the project was published, in the communities' time zone")
    @RequestBody(required = true)
    public Project schedule(@PathParam("projectId") String projectId, ProjectRequests.Schedule request) {
        access.requireHolder(load(projectId));
        validation.check(request);
        lifecycle.schedule(projectId, request.date(), request.place(), caller.actor());
        return render(load(projectId));
    }

    @POST
    @Path("/{projectId}/delivery")
    @Transactional
    @RolesAllowed(Roles.UNIT)
    @Operation(summary = "Report the delivery (三联单)",
            description = "By a holder: who served how long (volunteers by id and masked name), residents served, notes; "
                    + "resource-list then consumes the holders' reservations. Volunteers must be active volunteers of a "
                    + "holding unit (recorded for the unit they serve with), at most 24 hours each; the date is not in "
                    + "the future nor before the project was published; a unit sets only its own claim's use and "
                    + "vouches only for its own volunteers (a co-holder's volunteer only once they checked in and out)")
    @RequestBody(required = true)
    public Project deliver(@PathParam("projectId") String projectId, ProjectRequests.Delivery request) {
        access.requireHolder(load(projectId));
        validation.check(request);
        List<VolunteerHours> reported = request.volunteers().stream()
                .map(v -> new VolunteerHours(v.volunteerId(), v.unitId(), v.maskedName(), v.hours())).toList();
        lifecycle.deliver(projectId, access.unit(), request.date(), request.place(), reported,
                request.residentsServed(), request.notes(), request.usedByClaim(), caller.actor());
        return render(load(projectId));
    }

    @POST
    @Path("/{projectId}/completion")
    @Transactional
    @RolesAllowed(Roles.COMMUNITY)
    @Operation(summary = "Confirm the delivery (completion)", description = "By the project's community: delivered → completed")
    public Project complete(@PathParam("projectId") String projectId) {
        access.requireCommunity(load(projectId));
        lifecycle.complete(projectId, caller.actor());
        return render(load(projectId));
    }

    @POST
    @Path("/{projectId}/completion-on-behalf")
    @Transactional
    @RolesAllowed(Roles.DESK)
    @Operation(summary = "Confirm the delivery on the community's behalf (代为确认完成)",
            description = "By the desk of the project's street, with a reason (e.g. the desk phoned the community), "
                    + "once the delivery's confirmation wait passed unconfirmed and escalated (GET /escalations, "
                    + "deadline CONFIRMATION): delivered → completed, recorded as confirmed by the desk, and published "
                    + "as the community's confirmation is (threelists.project.completed.v1, confirmedOnBehalf), so the "
                    + "hours count. Before the wait passed, 409: the community confirms first")
    @RequestBody(required = true)
    public Project completeForCommunity(@PathParam("projectId") String projectId, ProjectRequests.Reason request) {
        access.requireDesk(load(projectId));
        validation.check(request);
        lifecycle.completeForCommunity(projectId, request.reason(), caller.actor());
        return render(load(projectId));
    }

    @POST
    @Path("/{projectId}/ratings")
    @Transactional
    @RolesAllowed(Roles.COMMUNITY)
    @Operation(summary = "Record a resident's rating", description = "By the project's community, once per demand: 1 to 5 "
            + "stars; the project is RATED when every demand is rated. A rating of 1 or 2 reopens the demand for the desk")
    @RequestBody(required = true)
    public Project rate(@PathParam("projectId") String projectId, ProjectRequests.Rating request) {
        access.requireCommunity(load(projectId));
        validation.check(request);
        lifecycle.rate(projectId, request.demandId(), request.score(), request.comment(), caller.actor());
        return render(load(projectId));
    }

    /** hoursDiffer=false lists every project, as no filter does. */
    private static Boolean onlyIfTrue(Boolean hoursDiffer) {
        return Boolean.TRUE.equals(hoursDiffer) ? Boolean.TRUE : null;
    }

    /** An optional body is checked when it is there (after the caller was authorised: see {@link RequestValidation}). */
    private void checkIfGiven(Object request) {
        if (request != null) {
            validation.check(request);
        }
    }

    private ProjectView load(String projectId) {
        return rendering.load(projectId);
    }

    private Project render(ProjectView project) {
        return rendering.render(project);
    }
}
