package org.threelists.demand.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.DemandNotFoundException;
import org.threelists.demand.domain.DemandStatus;
import org.threelists.platform.projection.jdbc.SqlWhere;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads of the demand list. They never load the aggregate: only the read model. */
@ApplicationScoped
public class DemandQueries {

    /**
     * What to list. {@code streets}/{@code communities} are the caller's scope (null = unrestricted);
     * {@code statuses} limits what the caller may see; {@code ledBy} (a group leader's member id) to the demands
     * held by the groups they lead; the rest are the caller's own filters.
     */
    public record Filter(String street, String community, Collection<DemandStatus> statuses, String ledBy,
            DemandStatus status, Category category, Urgency urgency) {
    }

    public record Result(List<DemandView> items, long total) {
    }

    private final WrittenRows written;

    DemandQueries(WrittenRows written) {
        this.written = written;
    }

    /** A demand this transaction has submitted or changed is its row as written; any other is read from the database. */
    public Optional<DemandView> find(String demandId) {
        return Optional.ofNullable(written.find(DemandView.TABLE, demandId));
    }

    /** The demands of these ids that exist, by id, in one read (the slips of a page name their demands). */
    public Map<String, DemandView> byId(Collection<String> demandIds) {
        if (demandIds.isEmpty()) {
            return Map.of();
        }
        written.flush();
        return DemandView.TABLE.where("demand_id = any(?)", Set.copyOf(demandIds)).stream()
                .collect(Collectors.toMap(d -> d.demandId, d -> d));
    }

    /** The demand, or a refusal that names it: it is not on the demand list. */
    public DemandView require(String demandId) {
        return find(demandId).orElseThrow(() -> new DemandNotFoundException(demandId));
    }

    public Result list(Filter filter, int page, int size) {
        written.flush();
        SqlWhere where = new SqlWhere()
                .equal("street_code", filter.street())
                .equal("community_code", filter.community())
                .equal("status", filter.status())
                .equal("category", filter.category())
                .equal("urgency", filter.urgency())
                .when(filter.statuses(), "status = any(?)")
                .when(filter.ledBy(), "party_group_id IN (SELECT group_id FROM party_group WHERE leader_id = ?)");
        return new Result(DemandView.TABLE.page(where, "submitted_at DESC, demand_id", page, size),
                DemandView.TABLE.count(where));
    }
}
