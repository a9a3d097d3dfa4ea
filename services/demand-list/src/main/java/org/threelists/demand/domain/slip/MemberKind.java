package org.threelists.demand.domain.slip;

/**
 * Who a Party group's member is, as resource-list publishes it: a volunteer registered at the community through
 * 双报到 (with a home unit, which their hours also count for), or a Party member living there.
 */
public enum MemberKind {
    VOLUNTEER("双报到党员"),
    RESIDENT("居住地党员");

    private final String zh;

    MemberKind(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
