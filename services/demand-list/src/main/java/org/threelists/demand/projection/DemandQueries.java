package org.threelists.demand.projection;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.DemandNotFoundException;
import org.threelists.demand.domain.DemandStatus;
import org.threelists.platform.projection.Where;

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

    private final NewDemandRows newRows;

    DemandQueries(NewDemandRows newRows) {
        this.newRows = newRows;
    }

    /** A demand this transaction has just submitted is its row as inserted; any other is read from the database. */
    public Optional<DemandView> find(String demandId) {
        DemandView written = newRows.written(demandId);
        return Optional.ofNullable(written != null ? written : DemandView.findById(demandId));
    }

    /** The demands of these ids that exist, by id, in one read (the slips of a page name their demands). */
    public Map<String, DemandView> byId(Collection<String> demandIds) {
        if (demandIds.isEmpty()) {
            return Map.of();
        }
        return DemandView.<DemandView>list("demandId in ?1", Set.copyOf(demandIds)).stream()
                .collect(Collectors.toMap(d -> d.demandId, d -> d));
    }

    /** The demand, or a refusal that names it: it is not on the demand list. */
    public DemandView require(String demandId) {
        return find(demandId).orElseThrow(() -> new DemandNotFoundException(demandId));
    }

    public Result list(Filter filter, int page, int size) {
        Where where = new Where()
                .equal("streetCode", filter.street())
                .equal("communityCode", filter.community())
                .equal("status", filter.status())
                .equal("category", filter.category())
                .equal("urgency", filter.urgency())
                .when(filter.statuses(), "status in :statuses", "statuses")
                .when(filter.ledBy(), "partyGroupId in (select g.groupId from PartyGroupRef g where g.leaderId = :ledBy)",
                        "ledBy");
        PanacheQuery<DemandView> found = DemandView.find(where.query(), Sort.descending("submittedAt").and("demandId"),
                where.parameters());
        return new Result(found.page(Page.of(page, size)).list(), found.count());
    }
}
