package org.threelists.matchmaker.projection;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.contracts.Category;
import org.threelists.matchmaker.domain.ProjectStatus;
import org.threelists.platform.projection.Where;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
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

    public record Result<T>(List<T> items, long total) {
    }

    public Optional<ProjectView> find(String projectId) {
        return Optional.ofNullable(ProjectView.findById(projectId));
    }

    public Result<ProjectView> list(Filter filter, int page, int size) {
        Where where = new Where()
                .equal("streetCode", filter.street())
                .equal("communityCode", filter.community())
                .equal("status", filter.status())
                .equal("category", filter.category())
                .equal("hoursDiffer", filter.hoursDiffer());
        PanacheQuery<ProjectView> found = ProjectView.find(where.query(),
                Sort.descending("proposedAt").and("projectId"), where.parameters());
        return new Result<>(found.page(Page.of(page, size)).list(), found.count());
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
        PanacheQuery<ProjectView> found = ProjectView.find("streetCode = :street and status = :published"
                        + " and communityCode in :communities"
                        + " and projectId not in (select c.projectId from ProjectClaimView c where c.unitId = :unit"
                        + " and c.status in :holding)",
                Sort.ascending("claimDeadline").and("projectId"),
                io.quarkus.panache.common.Parameters.with("street", street)
                        .and("published", ProjectStatus.PUBLISHED)
                        .and("communities", communities.isEmpty() ? List.of("") : communities)
                        .and("unit", unitId)
                        .and("holding", List.of(ProjectClaimView.Status.PENDING, ProjectClaimView.Status.CONFIRMED)));
        return new Result<>(found.page(Page.of(page, size)).list(), found.count());
    }

    public List<ProjectClaimView> claims(String projectId) {
        return ProjectClaimView.list("projectId", Sort.ascending("requestedAt").and("claimId"), projectId);
    }

    public Optional<ProjectClaimView> claim(String claimId) {
        return Optional.ofNullable(ProjectClaimView.findById(claimId));
    }

    public Result<EscalationView> escalations(String street, String deadline, int page, int size) {
        Where where = new Where().equal("streetCode", street).equal("deadline", deadline);
        PanacheQuery<EscalationView> found = EscalationView.find(where.query(),
                Sort.descending("escalatedAt").and("escalationId"), where.parameters());
        return new Result<>(found.page(Page.of(page, size)).list(), found.count());
    }

    /** The demands among {@code demandIds} that an active project (proposed up to delivered) already serves. */
    public Set<String> taken(Collection<String> demandIds) {
        return new HashSet<>(activeServing("d", demandIds));
    }

    /** The active projects (proposed up to delivered) that serve any of {@code demandIds}, in one read. */
    public List<ProjectView> serving(Collection<String> demandIds) {
        List<String> ids = activeServing("p.project_id", demandIds);
        return ids.isEmpty() ? List.of()
                : ProjectView.list("projectId in ?1", Sort.ascending("projectId"), ids);
    }

    /** {@code column} (a served demand {@code d} or the project {@code p.project_id}) of active projects serving any of {@code demandIds}. */
    @SuppressWarnings("unchecked")
    private static List<String> activeServing(String column, Collection<String> demandIds) {
        if (demandIds.isEmpty()) {
            return List.of();
        }
        // the overlap (&&) lets the GIN index on demand_ids find the few projects; without it every active
        // project's demands were unnested, a read that grew with the project list on every re-plan
        return Panache.getEntityManager().createNativeQuery(
                        "select distinct " + column + " from project_view p, unnest(p.demand_ids) d"
                                + " where p.demand_ids && cast(:overlap as varchar[])"
                                + " and p.status in (:active) and d in (:ids)", String.class)
                .setParameter("overlap", demandIds.toArray(String[]::new))
                .setParameter("active", ProjectView.ACTIVE.stream().map(Enum::name).toList())
                .setParameter("ids", demandIds)
                .getResultList();
    }

    /** Every demand of the street that an active project serves. */
    @SuppressWarnings("unchecked")
    public Set<String> takenInStreet(String street) {
        List<String> found = Panache.getEntityManager().createNativeQuery(
                        "select distinct d from project_view p, unnest(p.demand_ids) d"
                                + " where p.street_code = :street and p.status in (:active)", String.class)
                .setParameter("street", street)
                .setParameter("active", ProjectView.ACTIVE.stream().map(Enum::name).toList())
                .getResultList();
        return new HashSet<>(found);
    }
}
