package org.threelists.demand.domain.slip;

/**
 * A slip's lifecycle (services/demand-list/README.md, "The slip"): dispatched to a member → accepted → reported →
 * closed once the resident's satisfaction is recorded; declined ends it (the leader dispatches another), and so does
 * recalled (撤回派单: the leader, or once escalated to it the community, takes back a slip nobody answers). A low
 * satisfaction reopens it: accepted again, with a new resolution time.
 */
public enum SlipStatus {
    DISPATCHED("已派单"),
    ACCEPTED("已接单"),
    DECLINED("已退单"),
    REPORTED("已反馈"),
    CLOSED("已办结"),
    RECALLED("已撤回");

    private final String zh;

    SlipStatus(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
