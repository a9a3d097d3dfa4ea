package org.threelists.resource.api;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.problem.RequestParameters;
import org.threelists.platform.security.Roles;
import org.threelists.resource.domain.MembershipStatus;
import org.threelists.resource.projection.MemberUnitView;
import org.threelists.resource.projection.ResourceListQueries;
import org.threelists.resource.projection.VolunteerView;
import org.threelists.resource.service.VolunteerRegistry;

import java.time.Instant;

import static org.threelists.platform.problem.RequestParameters.enumValue;

/**
 * Dual-registered volunteers (双报到). A unit registers and manages its own; the desk those of its street's units;
 * a community sees the volunteers who call it home. Only the unit and the desk see who they are. Registration and
 * the volunteer's personal data are {@link VolunteerRegistry}'s; this class parses, authorises and maps.
 */
@Path("/volunteers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Volunteers", description = "双报到党员 — dual-registered volunteers")
public class VolunteerResource {

    private final VolunteerRegistry registry;
    private final ResourceListQueries queries;
    private final ResourceListAccess access;

    VolunteerResource(VolunteerRegistry registry, ResourceListQueries queries, ResourceListAccess access) {
        this.registry = registry;
        this.queries = queries;
        this.access = access;
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.UNIT, Roles.DESK})
    @Operation(summary = "Register a dual-registered volunteer of a unit", description = "Only with the volunteer's consent")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = VolunteerResponses.VolunteerResponse.class)))
    public Response register(@Valid @NotNull VolunteerRequests.Register request, UriInfo uri) {
        MemberUnitView unit = access.requireManaged(queries.unit(request.unitId()), request.unitId());
        String volunteerId = registry.register(unit, request.homeCommunity(), request.skills(),
                request.person().toDomain(), Instant.now(), access.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(volunteerId).build()).entity(render(load(volunteerId)))
                .build();
    }

    @GET
    @Path("/{volunteerId}")
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK, Roles.UNIT, Roles.AUDITOR})
    @Operation(summary = "Read a volunteer")
    public VolunteerResponses.VolunteerResponse get(@PathParam("volunteerId") String volunteerId) {
        VolunteerView volunteer = load(volunteerId);
        if (!mayRead(volunteer)) {
            throw ProblemException.forbidden("You may not read volunteer " + volunteerId);
        }
        return render(volunteer);
    }

    @GET
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK, Roles.UNIT, Roles.AUDITOR})
    @Operation(summary = "List volunteers", description = "A unit its own; the desk and auditors their street's; "
            + "a community those who call it home")
    public VolunteerResponses.Page list(@QueryParam("unit") String unitId, @QueryParam("homeCommunity") String homeCommunity,
            @QueryParam("skill") String skill, @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        RequestParameters.checkPage(page, size);
        var caller = access.caller();
        String street = null;
        String unit = unitId;
        String community = homeCommunity;
        if (caller.hasRole(Roles.UNIT)) {
            unit = caller.unit().orElseThrow(() -> ProblemException.forbidden("Your token carries no 'unit' claim"));
            if (unitId != null && !unitId.equals(unit)) {
                throw ProblemException.forbidden("A unit lists only its own volunteers");
            }
        } else if (caller.hasRole(Roles.COMMUNITY)) {
            community = caller.community().orElseThrow(() -> ProblemException.forbidden("Your token carries no 'community' claim"));
            if (homeCommunity != null && !homeCommunity.equals(community)) {
                throw ProblemException.forbidden("A community lists only the volunteers who call it home");
            }
        } else {
            street = access.street();
        }
        var filter = new ResourceListQueries.VolunteerFilter(street, unit, community, skill,
                enumValue(MembershipStatus.class, "status", status));
        var result = queries.volunteers(filter, page, size);
        return new VolunteerResponses.Page(result.items().stream().map(this::render).toList(), page, size, result.total());
    }

    @POST
    @Path("/{volunteerId}/amend")
    @Transactional
    @RolesAllowed({Roles.UNIT, Roles.DESK})
    @Operation(summary = "Amend a volunteer's home community and skills")
    public VolunteerResponses.VolunteerResponse amend(@PathParam("volunteerId") String volunteerId,
            @Valid @NotNull VolunteerRequests.Amend request) {
        manageable(volunteerId);
        registry.amend(volunteerId, request.homeCommunity(), request.skills(), access.actor());
        return render(load(volunteerId));
    }

    @POST
    @Path("/{volunteerId}/leave")
    @Transactional
    @RolesAllowed({Roles.UNIT, Roles.DESK})
    @Operation(summary = "Record that a volunteer left", description = "active → left")
    public VolunteerResponses.VolunteerResponse leave(@PathParam("volunteerId") String volunteerId, @RequestBody(required = false) @Valid Reason request) {
        manageable(volunteerId);
        registry.leave(volunteerId, Reason.of(request), access.actor());
        return render(load(volunteerId));
    }

    @DELETE
    @Path("/{volunteerId}/personal-data")
    @Transactional
    @RolesAllowed({Roles.UNIT, Roles.DESK})
    @Operation(summary = "Erase the volunteer's personal data",
            description = "Destroys the volunteer's key: every stored copy becomes unreadable; the masked name and history stay")
    public VolunteerResponses.VolunteerResponse erase(@PathParam("volunteerId") String volunteerId) {
        manageable(volunteerId);
        registry.erasePersonalData(volunteerId, access.actor());
        return render(load(volunteerId));
    }

    private boolean mayRead(VolunteerView volunteer) {
        var caller = access.caller();
        if (caller.hasRole(Roles.UNIT)) {
            return access.isUnit(volunteer.unitId);
        }
        if (caller.hasRole(Roles.COMMUNITY)) {
            return caller.community().filter(volunteer.homeCommunity::equals).isPresent();
        }
        return access.street().equals(volunteer.streetCode);
    }

    private void manageable(String volunteerId) {
        access.requireManage(queries.unit(load(volunteerId).unitId).orElseThrow());
    }

    private VolunteerView load(String volunteerId) {
        return queries.volunteer(volunteerId).orElseThrow(() -> ProblemException.notFound("Volunteer", volunteerId));
    }

    private VolunteerResponses.VolunteerResponse render(VolunteerView volunteer) {
        boolean entitled = access.isUnit(volunteer.unitId) || access.isDesk(volunteer.streetCode);
        VolunteerRequests.Person person = entitled
                ? registry.person(volunteer).map(VolunteerRequests.Person::of).orElse(null)
                : null;
        return VolunteerResponses.VolunteerResponse.of(volunteer, person);
    }
}
