package org.threelists.demand.domain;

/** Who put the demand on the list (communities, grid workers, building Party groups, the 12345 hotline). */
public enum DemandSource {
    COMMUNITY_WORKER("社区工作者"),
    GRID_WORKER("网格员"),
    BUILDING_PARTY_GROUP("楼栋党小组"),
    MUNICIPAL_PLATFORM("12345市民热线");

    private final String zh;

    DemandSource(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
