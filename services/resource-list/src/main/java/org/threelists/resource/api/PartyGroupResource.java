package org.threelists.resource.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.threelists.platform.security.Roles;
import org.threelists.resource.projection.PartyGroupQueries;
import org.threelists.resource.projection.PartyGroupView;
import org.threelists.resource.service.PartyGroups;

import java.util.List;

/**
 * Building Party groups (楼栋党小组). The community worker keeps the groups of their own community; the desk and
 * auditors read their street's; a group's leader (组长) reads their own group's roster, to dispatch its slips
 * (README "Party groups"). A resident member's person is shown only to their community's worker. Membership
 * rules are {@link PartyGroups}' and the aggregate's; this class parses, authorises and maps.
 */
@Path("/party-groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Party groups", description = "楼栋党小组 — building Party groups and their members")
public class PartyGroupResource {

    private final PartyGroups partyGroups;
    private final PartyGroupQueries queries;
    private final ResourceListAccess access;

    PartyGroupResource(PartyGroups partyGroups, PartyGroupQueries queries, ResourceListAccess access) {
        this.partyGroups = partyGroups;
        this.queries = queries;
        this.access = access;
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.COMMUNITY)
    @Operation(summary = "Create a building Party group in the caller's community")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = PartyGroupResponses.Group.class)))
    public Response create(@Valid @NotNull PartyGroupRequests.Create request, UriInfo uri) {
        String groupId = partyGroups.create(ownCommunity(), request.name(), blankToNull(request.compound()),
                request.buildings(), access.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(groupId).build()).entity(render(load(groupId))).build();
    }

    @GET
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK, Roles.AUDITOR})
    @Operation(summary = "List Party groups", description = "A community its own; the desk and auditors their street's")
    public PartyGroupResponses.Groups list(@QueryParam("community") String community) {
        String street = access.street();
        String scope = community;
        if (access.caller().hasRole(Roles.COMMUNITY)) {
            scope = ownCommunity();
            if (community != null && !community.equals(scope)) {
                throw ProblemException.forbidden("A community lists only its own Party groups");
            }
        }
        return new PartyGroupResponses.Groups(queries.groups(street, scope).stream().map(this::render).toList());
    }

    @GET
    @Path("/{groupId}")
    @RolesAllowed({Roles.COMMUNITY, Roles.DESK, Roles.AUDITOR, Roles.MEMBER})
    @Operation(summary = "Read a Party group and its members",
            description = "A community its own; the desk and auditors their street's; a member only the group they "
                    + "lead (its roster, masked names, to dispatch its slips)")
    public PartyGroupResponses.Group get(@PathParam("groupId") String groupId) {
        PartyGroupView group = load(groupId);
        boolean mayRead = access.caller().hasRole(Roles.COMMUNITY) ? isOwnCommunity(group)
                : access.caller().hasRole(Roles.MEMBER) ? leads(group)
                : access.street().equals(group.streetCode);
        if (!mayRead) {
            throw ProblemException.forbidden("You may not read Party group " + groupId);
        }
        return render(group);
    }

    @POST
    @Path("/{groupId}/members")
    @Transactional
    @RolesAllowed(Roles.COMMUNITY)
    @Operation(summary = "Add a member", description = "A volunteer registered at the community (双报到) or a resident Party member")
    public PartyGroupResponses.Group addMember(@PathParam("groupId") String groupId,
            @Valid @NotNull PartyGroupRequests.AddMember request) {
        PartyGroupView group = manageable(groupId);
        if (request.volunteerId() != null) {
            partyGroups.addVolunteer(group, request.volunteerId(), access.actor());
        } else {
            partyGroups.addResident(group, request.person().toDomain(),
                    request.skills() == null ? List.of() : request.skills(), access.actor());
        }
        return render(load(groupId));
    }

    @POST
    @Path("/{groupId}/members/{memberId}/remove")
    @Transactional
    @RolesAllowed(Roles.COMMUNITY)
    @Operation(summary = "Remove a member", description = "Not the leader: name another leader first")
    public PartyGroupResponses.Group removeMember(@PathParam("groupId") String groupId,
            @PathParam("memberId") String memberId, @RequestBody(required = false) @Valid Reason request) {
        manageable(groupId);
        partyGroups.remove(groupId, memberId, Reason.of(request), access.actor());
        return render(load(groupId));
    }

    @POST
    @Path("/{groupId}/leader")
    @Transactional
    @RolesAllowed(Roles.COMMUNITY)
    @Operation(summary = "Name the group's leader (组长)", description = "One of its members")
    public PartyGroupResponses.Group nameLeader(@PathParam("groupId") String groupId,
            @Valid @NotNull PartyGroupRequests.NameLeader request) {
        manageable(groupId);
        partyGroups.nameLeader(groupId, request.memberId(), access.actor());
        return render(load(groupId));
    }

    private PartyGroupView manageable(String groupId) {
        PartyGroupView group = load(groupId);
        if (!isOwnCommunity(group)) {
            throw ProblemException.forbidden("Only the worker of community " + group.communityCode + " may do this");
        }
        return group;
    }

    private boolean isOwnCommunity(PartyGroupView group) {
        return access.caller().hasRole(Roles.COMMUNITY)
                && access.caller().community().filter(group.communityCode::equals).isPresent();
    }

    /**
     * The member the group's leader is now (resource-list names leaders: a new leader reads the roster at once, the
     * former one no longer), in the group's street: the token's subject is the member id, as in demand-list.
     */
    private boolean leads(PartyGroupView group) {
        return access.caller().subject().equals(group.leaderId) && access.street().equals(group.streetCode);
    }

    private String ownCommunity() {
        return access.caller().community()
                .orElseThrow(() -> ProblemException.forbidden("Your token carries no 'community' claim"));
    }

    private PartyGroupView load(String groupId) {
        return queries.group(groupId).orElseThrow(() -> ProblemException.notFound("Party group", groupId));
    }

    private PartyGroupResponses.Group render(PartyGroupView group) {
        boolean entitled = isOwnCommunity(group);
        var members = queries.members(group.groupId).stream().map(m -> PartyGroupResponses.Member.of(m, group.leaderId,
                entitled ? partyGroups.residentPerson(m).map(VolunteerRequests.Person::of).orElse(null) : null)).toList();
        return PartyGroupResponses.Group.of(group, members);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
