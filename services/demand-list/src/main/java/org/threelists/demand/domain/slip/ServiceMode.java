package org.threelists.demand.domain.slip;

/** How the member served: answered online (电话、微信) or ran the errand on site (上门). */
public enum ServiceMode {
    ONLINE("线上"),
    ON_SITE("上门");

    private final String zh;

    ServiceMode(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
