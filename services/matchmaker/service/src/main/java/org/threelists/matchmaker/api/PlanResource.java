package org.threelists.matchmaker.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.MatchingPlan;
import org.threelists.matchmaker.planning.Planner;
import org.threelists.matchmaker.planning.Proposals;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.security.Caller;
import org.threelists.platform.security.Roles;

/**
 * Planning for the coordination desk (联席会): the optimal assignment of open demands to available resources, for a
 * given matching instance (offline planning: nothing is stored) or for the desk's whole street from the read models
 * (its bundles become Project proposals for the desk to review).
 */
@Path("/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "项目清单 — optimal matching of open demands to available resources")
public class PlanResource {

    private final Planner planner;
    private final Proposals proposals;
    private final Caller caller;

    PlanResource(Planner planner, Proposals proposals, Caller caller) {
        this.planner = planner;
        this.proposals = proposals;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DESK)
    @Operation(summary = "Plan a matching instance",
            description = "Takes demands, resources, optionally the candidate pairs with their scores and the score "
                    + "weights (contracts/matching-instance.schema.json) and returns the assignment, its objective, a "
                    + "proven upper bound with the gap, the solve time and the proposed projects")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = MatchingInstance.class)))
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(schema = @Schema(implementation = MatchingPlan.class)))
    public MatchingPlan plan(JsonNode body) {
        return planner.plan(MatchingInstanceSchema.read(body));
    }

    @POST
    @Path("/street")
    @RolesAllowed(Roles.DESK)
    @Operation(summary = "Re-plan the caller's whole street and propose projects",
            description = "Plans the street's LISTED demands that no active project serves against the ACTIVE offers "
                    + "(counted in hours) of its ACTIVE member units, with what is left of their capacity this month "
                    + "(MONTHLY) or in total (TOTAL) less what open proposals would draw; every bundle becomes a Project "
                    + "proposal (PROPOSED, origin ENGINE) with its score, explanation and alternatives. Proposals not yet "
                    + "published whose demand, offer or unit is gone are superseded (cancelled) first")
    @APIResponse(responseCode = "200", description = "The plan and the proposals it created",
            content = @Content(schema = @Schema(implementation = StreetPlan.class)))
    public StreetPlan planStreet() {
        String street = caller.street().orElseThrow(() -> ProblemException.forbidden("Your token names no street"));
        return StreetPlan.of(proposals.replan(street, caller.actor()));
    }
}
