package org.threelists.demand.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The demand lifecycle (services/demand-list/README.md): submitted → listed (verified by the community) → matched (to a project)
 * → in progress → fulfilled → rated; or withdrawn, rejected, or merged into another demand as a duplicate.
 * A project cancelled, a claim expired or a low rating (1–2) reopens the demand: it is listed again. A listed demand
 * may be routed to a building Party group instead of the joint meeting (in Party group), and sent back (listed).
 */
public enum DemandStatus {
    /**
     * Awaiting the community's check (核实) before it is listed: named as people read it in the console and in
     * refusals (console/web/src/labels.js, libs/platform problems.zh-CN.tsv; {@code DemandStatusLabelsTest}).
     */
    SUBMITTED("待核实"),
    LISTED("已入清单"),
    /** Routed to a building Party group (the second lane): the joint meeting and the matchmaker leave it alone. */
    IN_PARTY_GROUP("党小组办理中"),
    MATCHED("已匹配"),
    IN_PROGRESS("服务中"),
    FULFILLED("已完成"),
    RATED("已评价"),
    WITHDRAWN("已撤回"),
    REJECTED("已驳回"),
    MERGED("已合并");

    /** States in which the demand is still open for the community to change or the desk to act on. */
    public static final Set<DemandStatus> EDITABLE = EnumSet.of(SUBMITTED, LISTED);
    /** States that units may see: the demand has been vetted by its community and is or was on the list. */
    public static final Set<DemandStatus> PUBLIC = EnumSet.of(LISTED, MATCHED, IN_PROGRESS, FULFILLED, RATED);
    /**
     * States in which the units holding the demand's project serve it: only then may they read the resident's
     * contact. Once the service is delivered they need it no more (data minimisation); the community follows up.
     */
    public static final Set<DemandStatus> BEING_SERVED = EnumSet.of(MATCHED, IN_PROGRESS);

    private final String zh;

    DemandStatus(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
