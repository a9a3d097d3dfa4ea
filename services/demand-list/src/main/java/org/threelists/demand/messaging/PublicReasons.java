package org.threelists.demand.messaging;

import org.threelists.demand.domain.ReopenCause;

/**
 * What a demand's reason becomes when it leaves demand-list. The words people type when they withdraw, reject, send
 * back or cancel (a community worker, the desk, a Party group's leader, a unit) are written for the community and the
 * desk, may name a resident (a neighbour, a party to a dispute), and are read here only by those entitled
 * ({@code statusReason}). Both topics are kept for as long as the system lives and the platform keeps what it is sent,
 * so words published there could not be erased with the resident's data: what leaves is a fixed text chosen here, per
 * event and cause (services/demand-list/README.md, "Reasons stay here").
 */
final class PublicReasons {

    /** {@code reason} of threelists.demand.withdrawn.v1. */
    static final String WITHDRAWN = "需求已撤回（撤回原因留在需求清单，由社区和街道协调台查看）";
    /** {@code reason} of threelists.demand.rejected.v1. */
    static final String REJECTED = "需求已驳回（驳回原因留在需求清单，由社区和街道协调台查看）";
    /** {@code reason} of threelists.demand.sent-to-joint-meeting.v1. */
    static final String SENT_TO_JOINT_MEETING = "楼栋党小组已将需求交回联席会（原因留在需求清单，由社区和街道协调台查看）";

    /** municipal.feedback.v1 {@code status_notes}: the community, which holds the resident's contact, tells why. */
    static final String WITHDRAWN_NOTE = "withdrawn by the community or the street; the community can tell the resident why";
    static final String REJECTED_NOTE = "not accepted after review by the community or the street; the community can tell "
            + "the resident why";

    private PublicReasons() {
    }

    /** {@code reason} of threelists.demand.reopened.v1; {@code cause} null for an event recorded without one. */
    static String reopened(ReopenCause cause) {
        if (cause == null) {
            return "需求重回清单";
        }
        return switch (cause) {
            case PROJECT_CANCELLED -> "服务该需求的项目已取消，需求重回清单";
            case CLAIM_RELEASED -> "认领单位已退回认领，需求重回清单";
            case CLAIM_EXPIRED -> "认领未在期限内落实，需求重回清单";
            case LOW_RATING -> "居民评价为 1–2 星，需求重回清单";
        };
    }

    /** municipal.feedback.v1 {@code status_notes} of a reopening. */
    static String reopenedNote(ReopenCause cause) {
        if (cause == null) {
            return "it is on the list again";
        }
        return switch (cause) {
            case PROJECT_CANCELLED -> "the project that was to serve it was cancelled; it is on the list again";
            case CLAIM_RELEASED -> "the unit that was to serve it gave it back; it is on the list again";
            case CLAIM_EXPIRED -> "the unit's claim lapsed before it was confirmed; it is on the list again";
            case LOW_RATING -> "the resident rated the service 1 or 2 of 5; it is on the list again";
        };
    }
}
