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
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.threelists.contracts.Category;
import org.threelists.matchmaker.deadline.DeadlinePolicy;
import org.threelists.matchmaker.domain.ProjectCommands.CancelProject;
import org.threelists.matchmaker.domain.ProjectCommands.ClaimProject;
import org.threelists.matchmaker.domain.ProjectCommands.ConfirmCompletion;
import org.threelists.matchmaker.domain.ProjectCommands.PledgeToProject;
import org.threelists.matchmaker.domain.ProjectCommands.ProposeProject;
import org.threelists.matchmaker.domain.ProjectCommands.PublishProject;
import org.threelists.matchmaker.domain.ProjectCommands.RateProject;
import org.threelists.matchmaker.domain.ProjectCommands.ReleaseClaim;
import org.threelists.matchmaker.domain.ProjectCommands.ReportDelivery;
import org.threelists.matchmaker.domain.ProjectCommands.ScheduleProject;
import org.threelists.matchmaker.domain.ProjectStatus;
import org.threelists.matchmaker.domain.ProjectValues.Calendar;
import org.threelists.matchmaker.domain.ProjectValues.DeliveryReport;
import org.threelists.matchmaker.domain.ProjectValues.Mode;
import org.threelists.matchmaker.domain.ProjectValues.Need;
import org.threelists.matchmaker.domain.ProjectValues.Origin;
import org.threelists.matchmaker.domain.ProjectValues.VolunteerHours;
import org.threelists.matchmaker.planning.Proposals;
import org.threelists.matchmaker.projection.AvailableResource;
import org.threelists.matchmaker.projection.MemberUnit;
import org.threelists.matchmaker.projection.OpenDemand;
import org.threelists.matchmaker.projection.ProjectClaimView;
import org.threelists.matchmaker.projection.ProjectQueries;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.matchmaker.api.ProjectResponses.ClaimAccepted;
import org.threelists.matchmaker.api.ProjectResponses.Project;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.problem.RequestParameters;
import org.threelists.platform.security.Caller;
import org.threelists.platform.security.Roles;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.threelists.platform.problem.RequestParameters.enumValue;

/**
 * The project list (项目清单) over REST. The desk reviews the engine's proposals, publishes, assigns, takes back and
 * cancels; units take published projects (claim or pledge), schedule them and report delivery; the community confirms
 * completion and records the residents' ratings. A claim or pledge waits for resource-list to reserve its capacity
 * (202, claimStatus PENDING) and is confirmed or reverted when it answers. Residents appear only through demand ids:
 * their personal data stays in demand-list. Writes run in one transaction with the events and the read models, so
 * every answer shows the state the command left. A body is checked only once the caller may act on the project, so
 * that a caller outside its scope learns nothing from a 400.
 */
@Path("/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "项目清单 — projects pairing demands with the units' offers")
public class ProjectResource {

    static final String PROJECT = "Project";

    private final CommandGateway commands;
    private final ProjectQueries queries;
    private final ProjectAccess access;
    private final ProjectCommandsSupport support;
    private final DeadlinePolicy policy;
    private final Caller caller;
    private final RequestValidation validation;
    private final DeliveryVolunteers deliveryVolunteers;

    ProjectResource(CommandGateway commands, ProjectQueries queries, ProjectAccess access,
            ProjectCommandsSupport support, DeadlinePolicy policy, Caller caller, RequestValidation validation,
            DeliveryVolunteers deliveryVolunteers) {
        this.deliveryVolunteers = deliveryVolunteers;
        this.validation = validation;
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.support = support;
        this.policy = policy;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.DESK, Roles.AUDITOR, Roles.COMMUNITY})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "List the projects", description = "Newest first, within the caller's street (desk, auditor) or "
            + "community; status=PROPOSED is the desk's queue of proposals to review")
    public ProjectResponses.Page list(@QueryParam("status") String status, @QueryParam("community") String community,
            @QueryParam("category") String category,
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
            filter = new ProjectQueries.Filter(null, access.community(), wanted, name(wantedCategory));
        } else {
            filter = new ProjectQueries.Filter(access.street(), community, wanted, name(wantedCategory));
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
        String unitId = access.unit();
        MemberUnit unit = MemberUnit.findById(unitId);
        List<String> communities = unit == null || !MemberUnit.ACTIVE.equals(unit.status) ? List.of()
                : List.of(unit.communities);
        ProjectQueries.Result<ProjectView> result = queries.claimable(access.street(), unitId, communities, page, size);
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
        String street = access.street();
        List<String> demandIds = List.copyOf(new LinkedHashSet<>(request.demandIds()));
        Proposals.lockStreet(street);
        List<OpenDemand> demands = new ArrayList<>();
        for (String demandId : demandIds) {
            OpenDemand demand = OpenDemand.findById(demandId);
            if (demand == null) {
                throw ProblemException.invalid("demandIds", "no demand " + demandId + " on the demand list");
            }
            if (!demand.streetCode.equals(street)) {
                throw ProblemException.forbidden("Demand " + demandId + " is outside your street");
            }
            demands.add(demand);
        }
        OpenDemand first = demands.get(0);
        if (demands.stream().anyMatch(d -> !d.communityCode.equals(first.communityCode) || !d.category.equals(first.category))) {
            throw ProblemException.invalid("demandIds", "a project serves demands of one community and one category");
        }
        support.requireAssignable(demands);
        MemberUnit unit = MemberUnit.findById(request.unitId());
        if (unit == null || !unit.streetCode.equals(street) || !MemberUnit.ACTIVE.equals(unit.status)) {
            throw ProblemException.invalid("unitId", "no active member unit " + request.unitId() + " in street " + street);
        }
        AvailableResource offer = support.offerOf(unit.unitId, request.resourceId());
        support.requireOffers(offer, first.category);
        Need need = support.need(request.need(), offer, demands);
        String period = support.period(offer, request.period());
        String urgency = support.urgency(demands);
        String title = request.title() != null ? request.title()
                : Proposals.title(first.communityCode, first.category, demands.size());
        String projectId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        String actor = caller.actor();
        commands.sendAndWait(new ProposeProject(projectId, Origin.DESK, street, first.communityCode, first.category,
                urgency, title, demandIds, need, unit.unitId, offer.resourceId, null, null, List.of(), actor));
        commands.sendAndWait(new PublishProject(projectId, Mode.CLAIM, request.note(), now,
                policy.claimDeadline(urgency, now), actor));
        commands.sendAndWait(new ClaimProject(projectId, UUID.randomUUID().toString(), unit.unitId, offer.resourceId,
                need.amount(), period, actor));
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
        ProjectView project = load(projectId);
        access.requireDesk(project);
        checkIfGiven(request);
        Mode mode = request == null || request.mode() == null ? Mode.CLAIM : request.mode();
        Instant now = Instant.now();
        return change(project, id -> new PublishProject(id, mode, request == null ? null : request.note(), now,
                policy.claimDeadline(project.urgency, now), caller.actor()));
    }

    @POST
    @Path("/{projectId}/cancel")
    @Transactional
    @RolesAllowed(Roles.DESK)
    @Operation(summary = "Cancel a project", description = "Until it is delivered; reserved capacity is released and "
            + "its demands go back to the desk")
    @RequestBody(required = true)
    public Project cancel(@PathParam("projectId") String projectId, ProjectRequests.Reason request) {
        ProjectView project = load(projectId);
        access.requireDesk(project);
        validation.check(request);
        return change(project, id -> new CancelProject(id, request.reason(), caller.actor()));
    }

    @POST
    @Path("/{projectId}/release")
    @Transactional
    @RolesAllowed({Roles.DESK, Roles.UNIT})
    @Operation(summary = "Give a project back, or take it back from its holders",
            description = "A holding (or claiming) unit gives back its own claim or pledge, or the desk takes the "
                    + "project back from every holder to reassign it: the released capacity is given back and the "
                    + "project is open for claims (or more pledges) again with a new claim deadline; other units' "
                    + "pledges stay")
    public Project release(@PathParam("projectId") String projectId,
            @RequestBody(required = false) ProjectRequests.Release request) {
        ProjectView project = load(projectId);
        String reason = request == null ? null : request.reason();
        if (access.isDesk()) {
            access.requireDesk(project);
            reason = reason == null ? "taken back by the desk" : reason;
        } else {
            String unit = access.unit();
            boolean claimant = queries.claims(projectId).stream().anyMatch(c -> c.unitId.equals(unit)
                    && (c.status == ProjectClaimView.Status.PENDING || c.status == ProjectClaimView.Status.CONFIRMED));
            if (!claimant) {
                throw ProblemException.forbidden("Only a unit holding or claiming project " + projectId + " may give it back");
            }
            reason = reason == null ? "given back by " + unit : reason;
        }
        checkIfGiven(request);
        String why = reason;
        String releasing = access.isDesk() ? null : access.unit();
        Instant deadline = policy.claimDeadline(project.urgency, Instant.now());
        return change(project, id -> new ReleaseClaim(id, releasing, why, deadline, caller.actor()));
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
        ProjectView target = loadForClaims(projectId, request);
        return ask(target, request.resourceId(), request.period(), (project, claimId, unit, resourceId, period) ->
                new ClaimProject(projectId, claimId, unit, resourceId, project.needAmount, period, caller.actor()));
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
        ProjectView target = loadForClaims(projectId, request);
        return ask(target, request.resourceId(), request.period(), (project, claimId, unit, resourceId, period) ->
                new PledgeToProject(projectId, claimId, unit, resourceId, request.amount(), period, caller.actor()));
    }

    /** What a claim and a pledge share: a unit of the street asks with one of its offers, under a new claim id. */
    private Response ask(ProjectView project, String resourceId, String requestedPeriod, ClaimCommand command) {
        String projectId = project.projectId;
        String unit = access.unit();
        AvailableResource offer = support.offerOf(unit, resourceId, project);
        String period = support.period(offer, requestedPeriod);
        String claimId = UUID.randomUUID().toString();
        commands.sendAndWait(command.of(project, claimId, unit, offer.resourceId, period));
        return accepted(claimId, projectId);
    }

    /** The project a unit of its street asks for, once the caller may ask and the request is valid. */
    private ProjectView loadForClaims(String projectId, Object request) {
        ProjectView project = load(projectId);
        access.requireUnitOfStreet(project);
        validation.check(request);
        return project;
    }

    @FunctionalInterface
    private interface ClaimCommand {
        Object of(ProjectView project, String claimId, String unit, String resourceId, String period);
    }

    @POST
    @Path("/{projectId}/schedule")
    @Transactional
    @RolesAllowed(Roles.UNIT)
    @Operation(summary = "Schedule the service", description = "By a holder: claimed or scheduled → scheduled")
    @RequestBody(required = true)
    public Project schedule(@PathParam("projectId") String projectId, ProjectRequests.Schedule request) {
        ProjectView project = load(projectId);
        access.requireHolder(project);
        validation.check(request);
        return change(project, id -> new ScheduleProject(id, request.date(), request.place(), caller.actor()));
    }

    @POST
    @Path("/{projectId}/delivery")
    @Transactional
    @RolesAllowed(Roles.UNIT)
    @Operation(summary = "Report the delivery (三联单)",
            description = "By a holder: who served how long (volunteers by id and masked name), residents served, notes; "
                    + "resource-list then consumes the holders' reservations. Volunteers must be active volunteers of a "
                    + "holding unit (recorded for the unit they serve with), at most 24 hours each; the date is not in "
                    + "the future nor before the project was published; a unit sets only its own claim's use")
    @RequestBody(required = true)
    public Project deliver(@PathParam("projectId") String projectId, ProjectRequests.Delivery request) {
        ProjectView project = load(projectId);
        access.requireHolder(project);
        validation.check(request);
        String unit = access.unit();
        List<VolunteerHours> volunteers = deliveryVolunteers.of(project, request.volunteers());
        DeliveryReport report = new DeliveryReport(request.date(), request.place(), volunteers, request.residentsServed(),
                request.notes());
        Map<String, BigDecimal> used = request.usedByClaim() == null ? Map.of() : request.usedByClaim();
        Calendar calendar = new Calendar(LocalDate.now(support.zone()), support.zone());
        return change(project, id -> new ReportDelivery(id, report, used, unit, calendar, caller.actor()));
    }

    @POST
    @Path("/{projectId}/completion")
    @Transactional
    @RolesAllowed(Roles.COMMUNITY)
    @Operation(summary = "Confirm the delivery (completion)", description = "By the project's community: delivered → completed")
    public Project complete(@PathParam("projectId") String projectId) {
        ProjectView project = load(projectId);
        access.requireCommunity(project);
        return change(project, id -> new ConfirmCompletion(id, caller.actor()));
    }

    @POST
    @Path("/{projectId}/ratings")
    @Transactional
    @RolesAllowed(Roles.COMMUNITY)
    @Operation(summary = "Record a resident's rating", description = "By the project's community, once per demand: 1 to 5 "
            + "stars; the project is RATED when every demand is rated. A rating of 1 or 2 reopens the demand for the desk")
    @RequestBody(required = true)
    public Project rate(@PathParam("projectId") String projectId, ProjectRequests.Rating request) {
        ProjectView project = load(projectId);
        access.requireCommunity(project);
        validation.check(request);
        return change(project, id -> new RateProject(id, request.demandId(), request.score(), request.comment(),
                caller.actor()));
    }

    /** An optional body is checked when it is there (after the caller was authorised: see {@link RequestValidation}). */
    private void checkIfGiven(Object request) {
        if (request != null) {
            validation.check(request);
        }
    }

    private Response accepted(String claimId, String projectId) {
        ProjectView project = load(projectId);
        ProjectClaimView claim = ProjectClaimView.findById(claimId);
        return Response.accepted(new ClaimAccepted(claimId, claim.kind, claim.status, project.status, render(project)))
                .build();
    }

    private Project change(ProjectView project, Function<String, Object> command) {
        commands.sendAndWait(command.apply(project.projectId));
        return render(load(project.projectId));
    }

    private ProjectView load(String projectId) {
        return queries.find(projectId).orElseThrow(() -> ProblemException.notFound(PROJECT, projectId));
    }

    private Project render(ProjectView project) {
        return support.render(project);
    }

    private static String name(Category category) {
        return category == null ? null : category.name();
    }
}
