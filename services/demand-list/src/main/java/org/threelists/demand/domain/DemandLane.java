package org.threelists.demand.domain;

/** Where a listed demand is served: the joint meeting's projects (the first lane) or a building Party group's slips. */
public enum DemandLane {
    JOINT_MEETING("联席会议"),
    PARTY_GROUP("楼栋党小组");

    private final String zh;

    DemandLane(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
