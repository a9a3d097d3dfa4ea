package org.threelists.resource.domain;

/** An offer is active until its unit withdraws it; reservations made before stay until released or consumed. */
public enum ResourceStatus {
    ACTIVE("可用"),
    WITHDRAWN("已撤回");

    private final String zh;

    ResourceStatus(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
