package org.threelists.demand.domain.slip;

/**
 * Where the hours a slip credits come from (services/demand-list/README.md, "Check-in and check-out"): the time
 * between the member's check-in and check-out, or — for a member who could not check in — the group leader's
 * confirmation. A member's own figure is kept beside them, never credited by itself.
 */
public enum HoursSource {
    CHECKED("签到签退"),
    CONFIRMED_BY_LEADER("组长确认");

    private final String zh;

    HoursSource(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
