package org.threelists.resource.domain;

/** What a unit offers, and the unit its capacity is counted in. */
public enum ResourceType {
    VOLUNTEER_SERVICE("志愿服务", CapacityUnit.VOLUNTEER_HOURS),
    VENUE("阵地场地", CapacityUnit.VENUE_HOURS),
    FUNDS("资金", CapacityUnit.YUAN),
    MATERIALS("物资", CapacityUnit.ITEMS),
    PROFESSIONAL_SERVICE("专业服务", CapacityUnit.SERVICE_HOURS);

    private final String zh;
    private final CapacityUnit capacityUnit;

    ResourceType(String zh, CapacityUnit capacityUnit) {
        this.zh = zh;
        this.capacityUnit = capacityUnit;
    }

    public String zh() {
        return zh;
    }

    public CapacityUnit capacityUnit() {
        return capacityUnit;
    }
}
