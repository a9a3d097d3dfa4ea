package org.threelists.matchmaker.domain;

/** Where a project stands on the project list, with the label the desk and the units read. */
public enum ProjectStatus {
    PROPOSED("待审议"),
    /** Open for a claim or for pledges (pending ones included) until the claim deadline. */
    PUBLISHED("已发布"),
    /** A unit's claim waits for resource-list to reserve its capacity. */
    CLAIM_PENDING("认领确认中"),
    CLAIMED("已认领"),
    SCHEDULED("已排期"),
    DELIVERED("已交付"),
    COMPLETED("已完成"),
    RATED("已评价"),
    CANCELLED("已取消");

    private final String zh;

    ProjectStatus(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
