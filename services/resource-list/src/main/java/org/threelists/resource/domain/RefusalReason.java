package org.threelists.resource.domain;

/** Why a reservation asked for by the project list was refused; {@link #code()} is the published reason. */
public enum RefusalReason {
    CAPACITY_EXHAUSTED("capacity-exhausted"),
    RESOURCE_WITHDRAWN("resource-withdrawn"),
    UNIT_NOT_ACTIVE("unit-not-active"),
    WRONG_UNIT("wrong-unit"),
    PERIOD_MISMATCH("period-mismatch"),
    ALREADY_RESERVED("already-reserved");

    private final String code;

    RefusalReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
