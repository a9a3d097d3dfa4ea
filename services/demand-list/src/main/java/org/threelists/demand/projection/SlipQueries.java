package org.threelists.demand.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.demand.domain.SlipNotFoundException;
import org.threelists.demand.domain.slip.SlipStatus;
import org.threelists.platform.projection.jdbc.SqlWhere;

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

    private final WrittenRows written;

    SlipQueries(WrittenRows written) {
        this.written = written;
    }

    /** A slip this transaction has changed is its row as written (the answer to a command); any other is read. */
    public Optional<SlipView> find(String slipId) {
        return Optional.ofNullable(written.find(SlipView.TABLE, slipId));
    }

    public SlipView require(String slipId) {
        return find(slipId).orElseThrow(() -> new SlipNotFoundException(slipId));
    }

    public Result list(Filter filter, int page, int size) {
        written.flush();
        SqlWhere where = new SqlWhere()
                .equal("street_code", filter.street())
                .equal("community_code", filter.community());
        if (filter.member() != null) {
            // the member's own slips and their groups' (two parameters, both the member)
            where.and("(member_id = ? OR group_id IN (SELECT group_id FROM party_group WHERE leader_id = ?))",
                    filter.member(), filter.member());
        }
        where.equal("group_id", filter.groupId())
                .equal("demand_id", filter.demandId())
                .equal("status", filter.status());
        return new Result(SlipView.TABLE.page(where, "dispatched_at DESC, slip_id", page, size),
                SlipView.TABLE.count(where));
    }
}
