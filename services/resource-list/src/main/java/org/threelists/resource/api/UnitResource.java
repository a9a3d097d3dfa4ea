package org.threelists.resource.api;

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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.threelists.platform.problem.Problem;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.problem.RequestParameters;
import org.threelists.platform.security.Roles;
import org.threelists.resource.domain.MembershipStatus;
import org.threelists.resource.domain.UnitKind;
import org.threelists.resource.projection.MemberUnitView;
import org.threelists.resource.projection.ResourceListQueries;
import org.threelists.resource.service.UnitMembership;

import static org.threelists.platform.problem.RequestParameters.enumValue;

/**
 * Alliance member units (共建单位): the desk registers them; a unit keeps its profile; everyone reads their street's.
 * The membership's rules are {@link UnitMembership}'s; this class parses, authorises and maps.
 */
@Path("/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Units", description = "共建单位 — alliance member units")
public class UnitResource {

    private final UnitMembership membership;
    private final ResourceListQueries queries;
    private final ResourceListAccess access;

    UnitResource(UnitMembership membership, ResourceListQueries queries, ResourceListAccess access) {
        this.membership = membership;
        this.queries = queries;
        this.access = access;
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.DESK)
    @Operation(summary = "Register a unit in the street's alliance", description = "By the desk of the street")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = UnitResponses.UnitResponse.class)))
    @APIResponse(responseCode = "409", description = "The unit id is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull UnitRequests.Register request, UriInfo uri) {
        String street = access.street();
        access.requireDesk(street);
        membership.register(request.unitId(), street, request.profile(), access.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(request.unitId()).build())
                .entity(response(load(request.unitId()))).build();
    }

    @GET
    @Path("/{unitId}")
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK, Roles.UNIT, Roles.AUDITOR})
    @Operation(summary = "Read a unit")
    @APIResponse(responseCode = "404", description = "No such unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UnitResponses.UnitResponse get(@PathParam("unitId") String unitId) {
        MemberUnitView unit = load(unitId);
        access.requireReadStreet(unit.streetCode);
        return response(unit);
    }

    @GET
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK, Roles.UNIT, Roles.AUDITOR})
    @Operation(summary = "List the units of the caller's street", description = "By name")
    public UnitResponses.Page list(@QueryParam("community") String community, @QueryParam("kind") String kind,
            @QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        RequestParameters.checkPage(page, size);
        var filter = new ResourceListQueries.UnitFilter(access.street(), community, enumValue(UnitKind.class, "kind", kind),
                enumValue(MembershipStatus.class, "status", status));
        var result = queries.units(filter, page, size);
        return new UnitResponses.Page(result.items().stream().map(this::response).toList(), page, size, result.total());
    }

    @POST
    @Path("/{unitId}/amend")
    @Transactional
    @RolesAllowed({Roles.DESK, Roles.UNIT})
    @Operation(summary = "Amend a unit's profile", description = "By the unit itself or its street's desk")
    public UnitResponses.UnitResponse amend(@PathParam("unitId") String unitId, @Valid @NotNull UnitRequests.Amend request) {
        MemberUnitView unit = load(unitId);
        access.requireManage(unit);
        membership.amend(unit, request.profile(), access.actor());
        return response(load(unitId));
    }

    @POST
    @Path("/{unitId}/leave")
    @Transactional
    @RolesAllowed({Roles.DESK, Roles.UNIT})
    @Operation(summary = "A unit leaves the alliance", description = "active → left; its open reservations stay")
    public UnitResponses.UnitResponse leave(@PathParam("unitId") String unitId, @RequestBody(required = false) @Valid Reason request) {
        MemberUnitView unit = load(unitId);
        access.requireManage(unit);
        membership.leave(unitId, Reason.of(request), access.actor());
        return response(load(unitId));
    }

    @POST
    @Path("/{unitId}/rejoin")
    @Transactional
    @RolesAllowed(Roles.DESK)
    @Operation(summary = "A unit that left rejoins the alliance", description = "left → active; by the desk")
    public UnitResponses.UnitResponse rejoin(@PathParam("unitId") String unitId) {
        MemberUnitView unit = load(unitId);
        access.requireDesk(unit.streetCode);
        membership.rejoin(unitId, access.actor());
        return response(load(unitId));
    }

    private MemberUnitView load(String unitId) {
        return queries.unit(unitId).orElseThrow(() -> ProblemException.notFound("Unit", unitId));
    }

    private UnitResponses.UnitResponse response(MemberUnitView unit) {
        return UnitResponses.UnitResponse.of(unit, access.seesContactOf(unit));
    }
}
