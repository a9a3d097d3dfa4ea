package org.threelists.matchmaker.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.contracts.Category;
import org.threelists.matchmaker.domain.ProjectStatus;
import org.threelists.platform.projection.jdbc.Jdbc;
import org.threelists.platform.projection.jdbc.SqlWhere;
import org.threelists.platform.projection.jdbc.ViewTable;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads of the project list. They never load the aggregate: only the read models. */
@ApplicationScoped
public class ProjectQueries {

    /** What to list: the caller's scope (street, community) and its own filters; null means any. */
    public record Filter(String street, String community, ProjectStatus status, Category category,
            Boolean hoursDiffer) {

        public Filter(String street, String community, ProjectStatus status, Category category) {
            this(street, community, status, category, null);
        }
    }

    /** The states of a claim or pledge in which its unit holds the project, or waits to. */
    private static final List<ProjectClaimView.Status> HOLDING = List.of(ProjectClaimView.Status.PENDING,
            ProjectClaimView.Status.CONFIRMED);

    public record Result<T>(List<T> items, long total) {
    }

    public Optional<ProjectView> find(String projectId) {
        return Optional.ofNullable(ProjectView.findById(projectId));
    }

    public Result<ProjectView> list(Filter filter, int page, int size) {
        SqlWhere where = new SqlWhere()
                .equal("street_code", filter.street())
                .equal("community_code", filter.community())
                .equal("status", filter.status())
                .equal("category", filter.category())
                .equal("hours_differ", filter.hoursDiffer());
        return page(ProjectView.TABLE, where, "proposed_at DESC, project_id", page, size);
    }

    /** Page {@code page} of the rows of {@code table} that match {@code where}, and how many match in all. */
    static <T> Result<T> page(ViewTable<T> table, SqlWhere where, String orderBy, int page, int size) {
        return new Result<>(table.page(where, orderBy, page, size), table.count(where));
    }

    /** What {@code unitId} can take: in the communities it serves while it is an active member unit, else nothing. */
    public Result<ProjectView> claimable(String street, String unitId, int page, int size) {
        MemberUnitView unit = MemberUnitView.findById(unitId);
        List<String> communities = unit == null || !MemberUnitView.ACTIVE.equals(unit.status) ? List.of()
                : List.of(unit.communities);
        return claimable(street, unitId, communities, page, size);
    }

    /**
     * The published projects of a street that a unit can take: open for claims (or for more pledges) in a community
     * the unit serves, and not already asked for by this unit.
     */
    public Result<ProjectView> claimable(String street, String unitId, Collection<String> communities, int page, int size) {
        SqlWhere where = new SqlWhere()
                .equal("street_code", street)
                .equal("status", ProjectStatus.PUBLISHED)
                .when(communities, "community_code = any(?)")
                .and("project_id NOT IN (SELECT c.project_id FROM project_claim c WHERE c.unit_id = ?"
                        + " AND c.status = any(?))", unitId, HOLDING);
        return page(ProjectView.TABLE, where, "claim_deadline, project_id", page, size);
    }

    public List<ProjectClaimView> claims(String projectId) {
        return ProjectClaimView.TABLE.where("project_id = ? ORDER BY requested_at, claim_id", projectId);
    }

    public Optional<ProjectClaimView> claim(String claimId) {
        return Optional.ofNullable(ProjectClaimView.findById(claimId));
    }

    public Result<EscalationView> escalations(String street, String deadline, int page, int size) {
        SqlWhere where = new SqlWhere().equal("street_code", street).equal("deadline", deadline);
        return page(EscalationView.TABLE, where, "escalated_at DESC, escalation_id", page, size);
    }

    /**
     * Where each of the projects stands now, in one read: an escalation in the desk's queue says what passed, this
     * whether it is still to be handled (a delivery still unconfirmed, say).
     */
    public Map<String, ProjectStatus> statuses(Collection<String> projectIds) {
        Map<String, ProjectStatus> statuses = new HashMap<>();
        if (!projectIds.isEmpty()) {
            Jdbc.list("SELECT project_id, status FROM project_view WHERE project_id = any(?)",
                    row -> statuses.put(row.getString(1), ProjectStatus.valueOf(row.getString(2))),
                    List.copyOf(new HashSet<>(projectIds)));
        }
        return statuses;
    }

    /** The demands among {@code demandIds} that an active project (proposed up to delivered) already serves. */
    public Set<String> taken(Collection<String> demandIds) {
        return new HashSet<>(activeServing("d", demandIds));
    }

    /** The active projects (proposed up to delivered) that serve any of {@code demandIds}, in one read. */
    public List<ProjectView> serving(Collection<String> demandIds) {
        List<String> ids = activeServing("p.project_id", demandIds);
        return ids.isEmpty() ? List.of() : ProjectView.TABLE.where("project_id = any(?) ORDER BY project_id", ids);
    }

    /** {@code column} (a served demand {@code d} or the project {@code p.project_id}) of active projects serving any of {@code demandIds}. */
    private static List<String> activeServing(String column, Collection<String> demandIds) {
        if (demandIds.isEmpty()) {
            return List.of();
        }
        // the overlap (&&) lets the GIN index on demand_ids find the few projects; without it every active
        // project's demands were unnested, a read that grew with the project list on every re-plan
        return Jdbc.list("SELECT DISTINCT " + column + " FROM project_view p, unnest(p.demand_ids) d"
                        + " WHERE p.demand_ids && ? AND p.status = any(?) AND d = any(?)", row -> row.getString(1),
                demandIds, ProjectView.ACTIVE, demandIds);
    }

    /** Every demand of the street that an active project serves. */
    public Set<String> takenInStreet(String street) {
        return new HashSet<>(Jdbc.list("SELECT DISTINCT d FROM project_view p, unnest(p.demand_ids) d"
                + " WHERE p.street_code = ? AND p.status = any(?)", row -> row.getString(1), street, ProjectView.ACTIVE));
    }
}
