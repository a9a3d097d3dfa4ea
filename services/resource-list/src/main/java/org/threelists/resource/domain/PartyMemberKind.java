package org.threelists.resource.domain;

/**
 * Who a building Party group's member is: a dual-registered volunteer (双报到) of a unit, whose hours also count for
 * that unit, or a Party member who lives in the community and belongs to no unit of the alliance.
 */
public enum PartyMemberKind {
    VOLUNTEER("双报到党员"),
    RESIDENT("居民党员");

    private final String zh;

    PartyMemberKind(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
