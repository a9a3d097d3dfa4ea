package org.threelists.resource.domain;

/** What kind of organisation an alliance member unit is (the seeds: courts, kindergartens, agencies, institutes…). */
public enum UnitKind {
    GOVERNMENT_BODY("机关"),
    PUBLIC_INSTITUTION("事业单位"),
    ENTERPRISE("企业"),
    SOCIAL_ORGANISATION("社会组织"),
    SCHOOL("学校"),
    HOSPITAL("医院"),
    RESEARCH_INSTITUTE("科研院所"),
    OTHER("其他");

    private final String zh;

    UnitKind(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
