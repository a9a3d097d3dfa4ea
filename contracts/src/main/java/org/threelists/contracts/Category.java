package org.threelists.contracts;

/**
 * The shared taxonomy of needs and offers, drawn from the practice (the seeds' demand and resource lists).
 * Demands carry one category; resources offer several. The zh-CN label is what residents and units read.
 */
public enum Category {
    ELDER_CARE("养老服务"),
    CHILD_CARE("托育看护"),
    HEALTH("健康医疗"),
    LEGAL_ADVICE("法律咨询"),
    POLICY_CONSULTATION("政策咨询"),
    SANITATION("环境卫生"),
    FACILITY_REPAIR("设施维修"),
    SAFETY("平安巡防"),
    DISPUTE_MEDIATION("矛盾调解"),
    HARDSHIP_HELP("困难帮扶"),
    CULTURE_FESTIVALS("文化节庆"),
    EMPLOYMENT("就业服务"),
    OTHER("其他");

    private final String zh;

    Category(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
