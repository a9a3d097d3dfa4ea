package org.threelists.contracts;

/** How urgent a demand is; urgent and overdue demands weigh more in matching and have shorter deadlines. */
public enum Urgency {
    LOW("一般"),
    NORMAL("普通"),
    HIGH("紧急"),
    CRITICAL("特急");

    private final String zh;

    Urgency(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
