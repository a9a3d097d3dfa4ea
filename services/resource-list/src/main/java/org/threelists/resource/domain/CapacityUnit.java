package org.threelists.resource.domain;

/** The unit a resource's capacity is counted in. */
public enum CapacityUnit {
    VOLUNTEER_HOURS("志愿时长(小时)"),
    VENUE_HOURS("场地时长(小时)"),
    YUAN("元"),
    ITEMS("件"),
    SERVICE_HOURS("服务时长(小时)");

    private final String zh;

    CapacityUnit(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
