package org.threelists.matchmaker.api;

import jakarta.enterprise.context.RequestScoped;
import org.threelists.matchmaker.domain.ProjectStatus;
import org.threelists.matchmaker.projection.ProjectClaimView;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.problem.ProblemType;
import org.threelists.platform.security.Caller;
import org.threelists.platform.security.Roles;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may do what with a project (README "Roles"), from the token's role and scope: the desk everything inside its
 * street; an auditor reads its street; a community worker reads its community's projects, confirms their completion
 * and records ratings; a unit of the street reads the projects open for claims and the ones it asked for or holds,
 * claims, pledges, and — as a holder — schedules, reports delivery and gives the project back. Only holders among
 * the units see who holds a project, who acted on it and the delivery report.
 */
@RequestScoped
public class ProjectAccess {

    private final Caller caller;

    ProjectAccess(Caller caller) {
        this.caller = caller;
    }

    public boolean isDesk() {
        return caller.hasRole(Roles.DESK);
    }

    public boolean isUnit() {
        return caller.hasRole(Roles.UNIT);
    }

    public String street() {
        return claim(caller.street(), Caller.STREET_CLAIM);
    }

    public String community() {
        return claim(caller.community(), Caller.COMMUNITY_CLAIM);
    }

    public String unit() {
        return claim(caller.unit(), Caller.UNIT_CLAIM);
    }

    public void requireRead(ProjectView project, List<ProjectClaimView> claims) {
        if (!mayRead(project, claims)) {
            throw ProblemException.forbidden("You may not read project " + project.projectId);
        }
    }

    /** The desk of the project's street. */
    public void requireDesk(ProjectView project) {
        if (!(isDesk() && street().equals(project.streetCode))) {
            throw ProblemException.forbidden("Only the desk of street " + project.streetCode + " may do this");
        }
    }

    /** A unit of the project's street (to claim or pledge). */
    public void requireUnitOfStreet(ProjectView project) {
        if (!(isUnit() && street().equals(project.streetCode))) {
            throw ProblemException.forbidden("Project " + project.projectId + " is not on the list of your street");
        }
    }

    /**
     * A unit that holds the project. A unit whose claim or pledge still awaits its reservation is told so (409
     * claim-pending, it may retry once confirmed) rather than that it does not hold the project.
     */
    public void requireHolder(ProjectView project) {
        if (isUnit() && project.heldBy(unit())) {
            return;
        }
        if (isUnit() && ProjectClaimView.TABLE.count("project_id = ? AND unit_id = ? AND status = ?", project.projectId,
                unit(), ProjectClaimView.Status.PENDING) > 0) {
            throw new ProblemException(ProblemType.CLAIM_PENDING, "Your unit's claim on project " + project.projectId
                    + " still awaits the reservation of its capacity", Map.of("projectId", project.projectId));
        }
        throw ProblemException.forbidden("Only the units holding project " + project.projectId + " may do this");
    }

    /** The community worker of the project's community. */
    public void requireCommunity(ProjectView project) {
        if (!(caller.hasRole(Roles.COMMUNITY) && community().equals(project.communityCode))) {
            throw ProblemException.forbidden("Only community " + project.communityCode + " may do this");
        }
    }

    /** The desk of the project's street or the community worker of its community (approving a 揭榜). */
    public void requireDeskOrCommunity(ProjectView project) {
        boolean desk = isDesk() && street().equals(project.streetCode);
        boolean community = caller.hasRole(Roles.COMMUNITY) && community().equals(project.communityCode);
        if (!(desk || community)) {
            throw ProblemException.forbidden("Only the desk of street " + project.streetCode + " or community "
                    + project.communityCode + " may do this");
        }
    }

    /**
     * Whether the caller sees the project whole — the holders, every claim, the schedule, the delivery report, who
     * proposed, published and last changed it and why its state changed: everyone but units that do not hold it.
     */
    public boolean seesWhole(ProjectView project) {
        return !isUnit() || project.heldBy(caller.unit().orElse(null));
    }

    private boolean mayRead(ProjectView project, List<ProjectClaimView> claims) {
        if (caller.hasRole(Roles.DESK) || caller.hasRole(Roles.AUDITOR)) {
            return street().equals(project.streetCode);
        }
        if (caller.hasRole(Roles.COMMUNITY)) {
            return community().equals(project.communityCode);
        }
        if (isUnit() && street().equals(project.streetCode)) {
            String unit = unit();
            return project.status == ProjectStatus.PUBLISHED || project.status == ProjectStatus.CLAIM_PENDING
                    || project.heldBy(unit) || claims.stream().anyMatch(c -> c.unitId.equals(unit));
        }
        return false;
    }

    private static String claim(Optional<String> value, String name) {
        return value.orElseThrow(() -> ProblemException.forbidden("Your token carries no '" + name + "' claim"));
    }
}
