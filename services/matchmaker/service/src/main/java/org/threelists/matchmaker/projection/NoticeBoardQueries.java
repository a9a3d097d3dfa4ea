package org.threelists.matchmaker.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.matchmaker.domain.ProjectStatus;
import org.threelists.platform.projection.jdbc.SqlWhere;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads of the public notice board (公示) over the project list's read models. Only what the desk has published is
 * ever read: a project counts from its publication (the joint meeting's decision, {@code decidedAt}), so a proposal
 * the desk never published — or cancelled before publishing — is not on the board (services/matchmaker/service/README.md,
 * "Notice board").
 */
@ApplicationScoped
public class NoticeBoardQueries {

    /** The lists of the board; each holds projects published in the year asked for. */
    public enum Section {
        /** Published and under way: open for claims, claimed, scheduled or delivered. A cancelled project leaves it. */
        OPEN(EnumSet.of(ProjectStatus.PUBLISHED, ProjectStatus.CLAIM_PENDING, ProjectStatus.CLAIMED,
                ProjectStatus.SCHEDULED, ProjectStatus.DELIVERED)),
        /** Completed: the community confirmed the delivery; rated or not yet. */
        COMPLETED(EnumSet.of(ProjectStatus.COMPLETED, ProjectStatus.RATED)),
        /** The year's record: everything published in it, cancelled projects included. */
        YEAR(EnumSet.complementOf(EnumSet.of(ProjectStatus.PROPOSED)));

        private final Set<ProjectStatus> statuses;

        Section(Set<ProjectStatus> statuses) {
            this.statuses = statuses;
        }
    }

    /** The published projects of a street (and community, when given) of one section, published in [from, to). */
    public ProjectQueries.Result<ProjectView> published(String street, String community, Instant from, Instant to,
            Section section, int page, int size) {
        SqlWhere where = new SqlWhere()
                .equal("street_code", street)
                .equal("community_code", community)
                .when(from, "decided_at >= ?")
                .when(to, "decided_at < ?")
                .when(section.statuses, "status = any(?)");
        return ProjectQueries.page(ProjectView.TABLE, where, "decided_at DESC, project_id", page, size);
    }

    /** The public names of the units, by id; a unit the matchmaker has not heard of is left out. */
    public Map<String, String> unitNames(Collection<String> unitIds) {
        Map<String, String> names = new HashMap<>();
        if (!unitIds.isEmpty()) {
            MemberUnitView.TABLE.where("unit_id = any(?)", unitIds).forEach(u -> names.put(u.unitId, u.name));
        }
        return names;
    }

    /** When each project's holders asked for it: the earliest claim or pledge of each project that was confirmed. */
    public Map<String, Instant> claimedAt(Collection<String> projectIds) {
        Map<String, Instant> claimed = new HashMap<>();
        if (!projectIds.isEmpty()) {
            List<ProjectClaimView> held = ProjectClaimView.TABLE.where("project_id = any(?) AND status = any(?)",
                    projectIds, List.of(ProjectClaimView.Status.CONFIRMED, ProjectClaimView.Status.CONSUMED));
            held.forEach(c -> claimed.merge(c.projectId, c.requestedAt, (a, b) -> a.isBefore(b) ? a : b));
        }
        return claimed;
    }
}
