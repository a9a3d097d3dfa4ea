package org.threelists.resource.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.threelists.contracts.Category;
import org.threelists.platform.problem.Problem;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.problem.RequestParameters;
import org.threelists.platform.security.Roles;
import org.threelists.resource.domain.ResourceStatus;
import org.threelists.resource.domain.ResourceType;
import org.threelists.resource.projection.MemberUnitView;
import org.threelists.resource.projection.ReservationView;
import org.threelists.resource.projection.ResourceListQueries;
import org.threelists.resource.projection.ResourceView;
import org.threelists.resource.service.Reservations;
import org.threelists.resource.service.ResourceOffers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import static org.threelists.platform.problem.RequestParameters.enumValue;

/**
 * The offers on the resource list (资源清单) and their capacity, at {@code /resources}; REST resource classes are
 * named {@code <what they serve>Resource}, hence the double name. Offers go through {@link ResourceOffers},
 * reservations through {@link Reservations}; this class parses, authorises and maps. The reservation endpoints are
 * not {@code @Transactional}: capacity commands run in Axon's own transaction, one at a time per resource, so that
 * many claims at once neither overbook nor fail for the wrong reason.
 */
@Path("/resources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Resources", description = "资源清单 — what units offer, and its capacity")
public class ResourceResource {

    private final ResourceOffers offers;
    private final Reservations reservations;
    private final ResourceListQueries queries;
    private final ResourceListAccess access;

    ResourceResource(ResourceOffers offers, Reservations reservations, ResourceListQueries queries,
            ResourceListAccess access) {
        this.offers = offers;
        this.reservations = reservations;
        this.queries = queries;
        this.access = access;
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.UNIT, Roles.DESK})
    @Operation(summary = "Offer a resource", description = "By the unit itself, or its street's desk on its behalf")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ResourceResponses.ResourceResponse.class)))
    public Response offer(@Valid @NotNull ResourceRequests.Offer request, UriInfo uri) {
        MemberUnitView unit = access.requireManaged(queries.unit(request.unitId()), request.unitId());
        String resourceId = offers.offer(unit, request.type(), request.details(), access.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(resourceId).build()).entity(render(load(resourceId))).build();
    }

    @GET
    @Path("/{resourceId}")
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK, Roles.UNIT, Roles.AUDITOR})
    @Operation(summary = "Read a resource with its capacity", description = "Reservations only for the unit itself and the desk")
    public ResourceResponses.ResourceResponse get(@PathParam("resourceId") String resourceId) {
        ResourceView resource = load(resourceId);
        access.requireReadStreet(resource.streetCode);
        return render(resource);
    }

    @GET
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK, Roles.UNIT, Roles.AUDITOR})
    @Operation(summary = "Search the resources of the caller's street",
            description = "By unit, type, category, community served, availability window (ISO dates) and status; newest first")
    public ResourceResponses.Page list(@QueryParam("unit") String unitId, @QueryParam("type") String type,
            @QueryParam("category") String category, @QueryParam("community") String community,
            @QueryParam("availableFrom") String availableFrom, @QueryParam("availableTo") String availableTo,
            @QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        RequestParameters.checkPage(page, size);
        LocalDate from = date("availableFrom", availableFrom);
        LocalDate to = date("availableTo", availableTo);
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("availableTo", "is before availableFrom");
        }
        var filter = new ResourceListQueries.ResourceFilter(access.street(), unitId,
                enumValue(ResourceType.class, "type", type), enumValue(Category.class, "category", category), community,
                from, to, enumValue(ResourceStatus.class, "status", status));
        var result = queries.resources(filter, page, size);
        return new ResourceResponses.Page(result.items().stream().map(this::render).toList(), page, size, result.total());
    }

    @POST
    @Path("/{resourceId}/amend")
    @Transactional
    @RolesAllowed({Roles.UNIT, Roles.DESK})
    @Operation(summary = "Amend an offer", description = "Capacity cannot drop below what is reserved or consumed")
    public ResourceResponses.ResourceResponse amend(@PathParam("resourceId") String resourceId,
            @Valid @NotNull ResourceRequests.Amend request) {
        ResourceView resource = manageable(resourceId);
        offers.amend(resource, request.details(), access.actor());
        return render(load(resourceId));
    }

    @POST
    @Path("/{resourceId}/withdraw")
    @Transactional
    @RolesAllowed({Roles.UNIT, Roles.DESK})
    @Operation(summary = "Withdraw an offer", description = "No new reservations; open ones stay until released or consumed")
    public ResourceResponses.ResourceResponse withdraw(@PathParam("resourceId") String resourceId, @RequestBody(required = false) @Valid Reason request) {
        manageable(resourceId);
        offers.withdraw(resourceId, Reason.of(request), access.actor());
        return render(load(resourceId));
    }

    @POST
    @Path("/{resourceId}/reservations")
    @RolesAllowed({Roles.UNIT, Roles.DESK})
    @Operation(summary = "Reserve capacity for a project",
            description = "201 when reserved now; 200 when the project already held exactly this reservation; "
                    + "409 capacity-exhausted when not enough is left")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ResourceResponses.ReservationResponse.class)))
    @APIResponse(responseCode = "409", description = "Not enough capacity left, or the project holds another reservation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reserve(@PathParam("resourceId") String resourceId, @Valid @NotNull ResourceRequests.Reserve request,
            UriInfo uri) {
        manageable(resourceId);
        String projectId = request.projectId().strip();
        boolean reservedNow = reservations.reserve(resourceId, projectId, request.amount(), request.period(),
                access.actor());
        ResourceResponses.ReservationResponse body = reservation(resourceId, projectId);
        return reservedNow
                ? Response.created(uri.getAbsolutePathBuilder().path(projectId).build()).entity(body).build()
                : Response.ok(body).build();
    }

    @GET
    @Path("/{resourceId}/reservations/{projectId}")
    @RolesAllowed({Roles.UNIT, Roles.DESK})
    @Operation(summary = "Read a project's reservation of a resource")
    public ResourceResponses.ReservationResponse getReservation(@PathParam("resourceId") String resourceId,
            @PathParam("projectId") String projectId) {
        manageable(resourceId);
        return reservation(resourceId, projectId);
    }

    @DELETE
    @Path("/{resourceId}/reservations/{projectId}")
    @RolesAllowed({Roles.UNIT, Roles.DESK})
    @Operation(summary = "Release a project's reservation", description = "Releasing twice changes nothing")
    public ResourceResponses.ReservationResponse release(@PathParam("resourceId") String resourceId,
            @PathParam("projectId") String projectId,
            // bounded so that a reason always fits the request line (a longer URL is refused with 414 by the server)
            @QueryParam("reason") @Size(max = 200) String reason) {
        manageable(resourceId);
        reservations.release(resourceId, projectId, reason, access.actor());
        return reservation(resourceId, projectId);
    }

    @POST
    @Path("/{resourceId}/reservations/{projectId}/consume")
    @RolesAllowed({Roles.UNIT, Roles.DESK})
    @Operation(summary = "Record what a delivery used of a reservation", description = "The unused rest returns to the capacity")
    public ResourceResponses.ReservationResponse consume(@PathParam("resourceId") String resourceId,
            @PathParam("projectId") String projectId, @Valid @NotNull ResourceRequests.Consume request) {
        manageable(resourceId);
        reservations.consume(resourceId, projectId, request.amount(), access.actor());
        return reservation(resourceId, projectId);
    }

    private ResourceView manageable(String resourceId) {
        ResourceView resource = load(resourceId);
        access.requireManage(queries.unit(resource.unitId).orElseThrow());
        return resource;
    }

    private ResourceView load(String resourceId) {
        return queries.resource(resourceId).orElseThrow(() -> ProblemException.notFound("Resource", resourceId));
    }

    private ResourceResponses.ReservationResponse reservation(String resourceId, String projectId) {
        ReservationView reservation = queries.reservation(resourceId, projectId)
                .orElseThrow(() -> ProblemException.notFound("Reservation of project", projectId));
        BigDecimal capacity = load(resourceId).capacityAmount;
        BigDecimal remaining = queries.usage(resourceId).stream()
                .filter(u -> u.period().equals(reservation.period))
                .map(u -> u.remaining(capacity))
                .findFirst().orElse(capacity);
        return ResourceResponses.ReservationResponse.of(reservation, remaining);
    }

    private ResourceResponses.ResourceResponse render(ResourceView resource) {
        boolean mayManage = access.isUnit(resource.unitId) || access.isDesk(resource.streetCode);
        return ResourceResponses.ResourceResponse.of(resource, queries.usage(resource.resourceId),
                mayManage ? queries.reservations(resource.resourceId) : null);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "'" + value + "' is not a date like 2026-12-01");
        }
    }
}
