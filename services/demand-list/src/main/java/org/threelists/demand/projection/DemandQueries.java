package org.threelists.demand.projection;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.DemandStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the demand list. They never load the aggregate: only the read model. */
@ApplicationScoped
public class DemandQueries {

    /**
     * What to list. {@code streets}/{@code communities} are the caller's scope (null = unrestricted);
     * {@code statuses} limits what the caller may see; the rest are the caller's own filters.
     */
    public record Filter(String street, String community, Collection<DemandStatus> statuses, DemandStatus status,
            Category category, Urgency urgency) {
    }

    public record Result(List<DemandView> items, long total) {
    }

    public Optional<DemandView> find(String demandId) {
        return Optional.ofNullable(DemandView.findById(demandId));
    }

    public Result list(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        condition(where, params, "streetCode", filter.street());
        condition(where, params, "communityCode", filter.community());
        condition(where, params, "status", filter.status());
        condition(where, params, "category", filter.category());
        condition(where, params, "urgency", filter.urgency());
        if (filter.statuses() != null) {
            where.add("status in :statuses");
            params.put("statuses", filter.statuses());
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        PanacheQuery<DemandView> found = DemandView.find(query, Sort.descending("submittedAt").and("demandId"), params);
        return new Result(found.page(Page.of(page, size)).list(), found.count());
    }

    private static void condition(List<String> where, Map<String, Object> params, String field, Object value) {
        if (value != null) {
            where.add(field + " = :" + field);
            params.put(field, value);
        }
    }
}
