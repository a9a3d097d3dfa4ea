package org.threelists.demand.projection;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.demand.domain.SlipNotFoundException;
import org.threelists.demand.domain.slip.SlipStatus;
import org.threelists.platform.projection.Where;

import java.util.List;
import java.util.Optional;

/** Reads of the slips. They never load the aggregate: only the read model. */
@ApplicationScoped
public class SlipQueries {

    /**
     * What to list. {@code street}/{@code community} are the caller's scope (null = unrestricted); {@code member}
     * confines a member to the slips dispatched to them and those of the groups they lead now; the rest are filters.
     */
    public record Filter(String street, String community, String member, String groupId, String demandId,
            SlipStatus status) {
    }

    public record Result(List<SlipView> items, long total) {
    }

    public Optional<SlipView> find(String slipId) {
        return Optional.ofNullable(SlipView.findById(slipId));
    }

    public SlipView require(String slipId) {
        return find(slipId).orElseThrow(() -> new SlipNotFoundException(slipId));
    }

    public Result list(Filter filter, int page, int size) {
        Where where = new Where()
                .equal("streetCode", filter.street())
                .equal("communityCode", filter.community())
                .when(filter.member(), "(memberId = :member or groupId in "
                        + "(select g.groupId from PartyGroupRef g where g.leaderId = :member))", "member")
                .equal("groupId", filter.groupId())
                .equal("demandId", filter.demandId())
                .equal("status", filter.status());
        PanacheQuery<SlipView> found = SlipView.find(where.query(), Sort.descending("dispatchedAt").and("slipId"),
                where.parameters());
        return new Result(found.page(Page.of(page, size)).list(), found.count());
    }
}
