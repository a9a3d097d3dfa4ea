package org.threelists.resource.domain;

/** Whether a unit, or a volunteer, is in the alliance: active, or has left. */
public enum MembershipStatus {
    ACTIVE("在册"),
    LEFT("已退出");

    private final String zh;

    MembershipStatus(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
