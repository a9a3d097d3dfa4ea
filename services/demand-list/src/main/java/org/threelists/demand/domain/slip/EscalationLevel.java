package org.threelists.demand.domain.slip;

/** Who an overdue slip is brought to: first the group's leader, then the community. */
public enum EscalationLevel {
    GROUP_LEADER("党小组组长"),
    COMMUNITY("社区");

    private final String zh;

    EscalationLevel(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
