package org.threelists.resource.projection;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.contracts.Category;
import org.threelists.platform.projection.Where;
import org.threelists.resource.domain.MembershipStatus;
import org.threelists.resource.domain.ResourceStatus;
import org.threelists.resource.domain.ResourceType;
import org.threelists.resource.domain.UnitKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Reads of the resource list: only read models, never aggregates. */
@ApplicationScoped
public class ResourceListQueries {

    public record Result<T>(List<T> items, long total) {
    }

    public record UnitFilter(String street, String community, UnitKind kind, MembershipStatus status) {
    }

    /** {@code availableFrom}/{@code availableTo}: the offer can be used on some day of that window. */
    public record ResourceFilter(String street, String unitId, ResourceType type, Category category, String community,
            LocalDate availableFrom, LocalDate availableTo, ResourceStatus status) {
    }

    public record VolunteerFilter(String street, String unitId, String homeCommunity, String skill,
            MembershipStatus status) {
    }

    /** What a period of a resource's capacity holds: reserved, consumed, and what is left. */
    public record Usage(String period, BigDecimal reserved, BigDecimal consumed) {

        /** What is left of {@code capacity} in this period. */
        public BigDecimal remaining(BigDecimal capacity) {
            return capacity.subtract(reserved).subtract(consumed);
        }
    }

    public Optional<MemberUnitView> unit(String unitId) {
        return Optional.ofNullable(MemberUnitView.findById(unitId));
    }

    public Optional<ResourceView> resource(String resourceId) {
        return Optional.ofNullable(ResourceView.findById(resourceId));
    }

    public Optional<VolunteerView> volunteer(String volunteerId) {
        return Optional.ofNullable(VolunteerView.findById(volunteerId));
    }

    public Optional<ReservationView> reservation(String resourceId, String projectId) {
        return Optional.ofNullable(ReservationView.findById(new ReservationView.Key(resourceId, projectId)));
    }

    public boolean hasReservation(String resourceId, String projectId) {
        return ReservationView.count("key.resourceId = ?1 and key.projectId = ?2", resourceId, projectId) > 0;
    }

    public List<ReservationView> reservations(String resourceId) {
        return ReservationView.list("key.resourceId = ?1 order by updatedAt", resourceId);
    }

    public List<Usage> usage(String resourceId) {
        return ReservationView.getEntityManager().createQuery(
                        "select new org.threelists.resource.projection.ResourceListQueries$Usage(r.period, "
                                + "sum(case when r.status = 'RESERVED' then r.amount else 0 end), "
                                + "sum(case when r.status = 'CONSUMED' then r.amount else 0 end)) "
                                + "from ReservationView r where r.key.resourceId = :resource and r.status <> 'RELEASED' "
                                + "group by r.period order by r.period", Usage.class)
                .setParameter("resource", resourceId)
                .getResultList();
    }

    public Result<MemberUnitView> units(UnitFilter filter, int page, int size) {
        Where where = new Where()
                .equal("streetCode", filter.street())
                .equal("kind", filter.kind())
                .equal("status", filter.status())
                .when(filter.community(), "array_contains(communities, :community)", "community");
        return page(MemberUnitView.find(where.query(), Sort.by("name").and("unitId"), where.parameters()), page, size);
    }

    public Result<ResourceView> resources(ResourceFilter filter, int page, int size) {
        Where where = new Where()
                .equal("streetCode", filter.street())
                .equal("unitId", filter.unitId())
                .equal("type", filter.type())
                .equal("status", filter.status())
                .when(filter.category() == null ? null : filter.category().name(),
                        "array_contains(categories, :category)", "category")
                .when(filter.community(), "array_contains(serviceArea, :community)", "community")
                .when(filter.availableTo(), "availableFrom <= :availableTo", "availableTo")
                .when(filter.availableFrom(), "(availableUntil is null or availableUntil >= :availableFrom)", "availableFrom");
        return page(ResourceView.find(where.query(), Sort.descending("offeredAt").and("resourceId"), where.parameters()),
                page, size);
    }

    public Result<VolunteerView> volunteers(VolunteerFilter filter, int page, int size) {
        Where where = new Where()
                .equal("streetCode", filter.street())
                .equal("unitId", filter.unitId())
                .equal("homeCommunity", filter.homeCommunity())
                .equal("status", filter.status())
                .when(filter.skill(), "array_contains(skills, :skill)", "skill");
        return page(VolunteerView.find(where.query(), Sort.descending("registeredAt").and("volunteerId"),
                where.parameters()), page, size);
    }

    private static <T> Result<T> page(PanacheQuery<T> query, int page, int size) {
        return new Result<>(query.page(Page.of(page, size)).list(), query.count());
    }
}
