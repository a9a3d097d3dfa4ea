package org.threelists.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a request that failed because the service was overloaded — no pooled connection within the pool's acquisition
 * time-out, the transaction timed out and was rolled back, the database cancelled a statement or ran out of
 * connections — from a defect. Every one of these ends the transaction with a rollback before anything commits, so the
 * client may send the same request again (libs/platform/README.md, "Overload"); the answer is 503 with Retry-After, not
 * a 500 that says nothing.
 */
final class Overload {

    /** Long enough for a queue of a few seconds to drain; a client may wait longer, never shorter. */
    static final int RETRY_AFTER_SECONDS = 2;

    /**
     * 53 insufficient resources (too many connections, out of memory), 57014 statement cancelled (a statement or the
     * transaction reaper's time-out), 40001 / 40P01 serialization failure and deadlock (the transaction was rolled
     * back), 55P03 lock not available (lock_timeout). PostgreSQL, Appendix A.
     */
    private static final Set<String> STATES = Set.of("57014", "40001", "40P01", "55P03");
    private static final String RESOURCES_CLASS = "53";

    private Overload() {
    }

    static boolean isOverload(Throwable failure) {
        return cause(failure) != null;
    }

    /** The cause that says it, as "SQLException: Sorry, acquisition timeout!", for the log and the detail. */
    static String describe(Throwable failure) {
        Throwable cause = cause(failure);
        return cause == null ? "" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static Throwable cause(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 50; cause = cause.getCause(), depth++) {
            if (says(cause)) {
                return cause;
            }
        }
        return null;
    }

    private static boolean says(Throwable cause) {
        // Not any TimeoutException: one can come from work after a commit, and this answer says nothing was changed.
        if (cause instanceof SQLTransientException || cause instanceof jakarta.transaction.RollbackException) {
            return true;
        }
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state == null) {
                // Agroal's pool time-outs carry no SQLSTATE: "Sorry, acquisition timeout!" and "Acquisition timeout
                // while waiting for new connection".
                return sql.getMessage() != null && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
            }
            return STATES.contains(state) || state.startsWith(RESOURCES_CLASS);
        }
        return false;
    }
}
