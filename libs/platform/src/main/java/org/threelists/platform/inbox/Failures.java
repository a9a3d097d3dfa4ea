package org.threelists.platform.inbox;

import org.apache.kafka.common.errors.RetriableException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a failure that will pass (the database or broker unreachable, failing over, read-only, a lock or statement
 * time-out, a serialization failure or an optimistic-concurrency clash with another replica) from one that will
 * happen again on every attempt. The first kind is retried until it applies; the second is dead-lettered.
 * The SQLSTATE classes are PostgreSQL's (Appendix A, "PostgreSQL Error Codes").
 */
final class Failures {

    enum Kind {
        /** Will pass without any change to the message: retry for as long as it takes. */
        TRANSIENT,
        /** Can never apply (a data exception: a value the database cannot store): dead-letter now. */
        PERMANENT,
        /** Neither known to pass nor known to last (a bug, an unknown reference not there yet): retry a few times. */
        UNKNOWN
    }

    /** 08 connection, 40 rollback (serialization, deadlock), 53 resources, 57 operator intervention (shutdown). */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57");
    /** 25006 read-only transaction (a fail-over to a standby), 55P03 lock not available, 55006 object in use. */
    private static final Set<String> TRANSIENT_STATES = Set.of("25006", "55P03", "55006");

    private Failures() {
    }

    /** The deepest cause that says what it is decides: a wrapper knows less than what it wraps. */
    static Kind classify(Throwable failure) {
        Kind kind = Kind.UNKNOWN;
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 50; cause = cause.getCause(), depth++) {
            Kind own = own(cause);
            if (own != Kind.UNKNOWN) {
                kind = own;
            }
        }
        return kind;
    }

    private static Kind own(Throwable cause) {
        if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                || cause instanceof RetriableException || cause instanceof ConcurrencyException
                || cause instanceof java.util.concurrent.TimeoutException
                || cause instanceof jakarta.transaction.RollbackException) {
            return Kind.TRANSIENT;
        }
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state == null || state.length() != 5) {
                // The pool's acquisition time-out and the driver's I/O failures carry no SQLSTATE.
                return Kind.TRANSIENT;
            }
            if (TRANSIENT_STATES.contains(state) || TRANSIENT_CLASSES.contains(state.substring(0, 2))) {
                return Kind.TRANSIENT;
            }
            if (state.startsWith("22")) {
                return Kind.PERMANENT;
            }
        }
        return Kind.UNKNOWN;
    }
}
