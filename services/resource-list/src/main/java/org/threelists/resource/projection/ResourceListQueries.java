package org.threelists.resource.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.contracts.Category;
import org.threelists.platform.projection.jdbc.Jdbc;
import org.threelists.platform.projection.jdbc.SqlWhere;
import org.threelists.platform.projection.jdbc.ViewTable;
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
        return Optional.ofNullable(ReservationView.findById(resourceId, projectId));
    }

    public boolean hasReservation(String resourceId, String projectId) {
        return ReservationView.TABLE.count("resource_id = ? AND project_id = ?", resourceId, projectId) > 0;
    }

    public List<ReservationView> reservations(String resourceId) {
        return ReservationView.TABLE.where("resource_id = ? ORDER BY updated_at", resourceId);
    }

    public List<Usage> usage(String resourceId) {
        return Jdbc.list("SELECT period,"
                        + " sum(CASE WHEN status = 'RESERVED' THEN amount ELSE 0 END),"
                        + " sum(CASE WHEN status = 'CONSUMED' THEN amount ELSE 0 END)"
                        + " FROM reservation_view WHERE resource_id = ? AND status <> 'RELEASED'"
                        + " GROUP BY period ORDER BY period",
                row -> new Usage(row.getString(1), row.getBigDecimal(2), row.getBigDecimal(3)), resourceId);
    }

    // The array filters are "column @> {value}" rather than "value = any(column)": the same rows, and the GIN indexes
    // of resource_view's categories and service area (V1) serve it.

    public Result<MemberUnitView> units(UnitFilter filter, int page, int size) {
        SqlWhere where = new SqlWhere()
                .equal("street_code", filter.street())
                .equal("kind", filter.kind())
                .equal("status", filter.status())
                .when(one(filter.community()), "communities @> ?");
        return page(MemberUnitView.TABLE, where, "name, unit_id", page, size);
    }

    public Result<ResourceView> resources(ResourceFilter filter, int page, int size) {
        SqlWhere where = new SqlWhere()
                .equal("street_code", filter.street())
                .equal("unit_id", filter.unitId())
                .equal("type", filter.type())
                .equal("status", filter.status())
                .when(filter.category() == null ? null : one(filter.category().name()), "categories @> ?")
                .when(one(filter.community()), "service_area @> ?")
                .when(filter.availableTo(), "available_from <= ?")
                .when(filter.availableFrom(), "(available_until IS NULL OR available_until >= ?)");
        return page(ResourceView.TABLE, where, "offered_at DESC, resource_id", page, size);
    }

    public Result<VolunteerView> volunteers(VolunteerFilter filter, int page, int size) {
        SqlWhere where = new SqlWhere()
                .equal("street_code", filter.street())
                .equal("unit_id", filter.unitId())
                .equal("home_community", filter.homeCommunity())
                .equal("status", filter.status())
                .when(one(filter.skill()), "skills @> ?");
        return page(VolunteerView.TABLE, where, "registered_at DESC, volunteer_id", page, size);
    }

    /** The array of one value, or null (no filter) when there is none. */
    private static String[] one(String value) {
        return value == null ? null : new String[] {value};
    }

    private static <T> Result<T> page(ViewTable<T> table, SqlWhere where, String orderBy, int page, int size) {
        return new Result<>(table.page(where, orderBy, page, size), table.count(where));
    }
}
