package org.threelists.platform.checkin;

/** What a check-in code is for: the start of the service (签到) or its end (签退). A code opens only its own. */
public enum CheckInPurpose {
    CHECK_IN("签到"),
    CHECK_OUT("签退");

    private final String zh;

    CheckInPurpose(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
