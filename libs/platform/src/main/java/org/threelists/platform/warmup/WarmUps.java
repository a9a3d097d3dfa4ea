package org.threelists.platform.warmup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;

import java.util.function.Supplier;

/**
 * What a service's warm-ups share: a made-up request run for real in a transaction that is rolled back, so the first
 * real one after a start finds its code loaded and nothing of the made-up one stays; and the warm-up timed and logged,
 * a failure only logged (only the first request's time is at stake). A warm-up observes
 * {@code @ObservesAsync HttpServerStart}, as the console's first page does: it runs once the service can answer,
 * off the event loop and off the start's path (bench/README.md, "After the merges of 2026-12-06 early morning").
 */
public final class WarmUps {

    private WarmUps() {
    }

    /** Runs {@code work}, logging how long it took and what it did, or why it did not. */
    public static void timed(Logger log, String what, Supplier<String> work) {
        long begun = System.nanoTime();
        try {
            String done = work.get();
            log.infof("%s warmed in %d ms (%s)", what, (System.nanoTime() - begun) / 1_000_000, done);
        } catch (RuntimeException e) {
            log.warnf("%s not warmed: %s", what, e.getMessage());
        }
    }

    /** Runs {@code work} in a transaction of its own and rolls it back, whatever it wrote; returns what it returned. */
    public static <T> T rolledBack(Supplier<T> work) {
        Object[] result = new Object[1];
        try {
            // a thrown marker, not setRollbackOnly: QuarkusTransaction.run answers a transaction marked rollback-only
            // with a RollbackException (ARJUNA016053)
            QuarkusTransaction.requiringNew().run(() -> {
                result[0] = work.get();
                throw new RolledBack();
            });
        } catch (RuntimeException e) {
            if (!isRolledBack(e)) {
                throw e;
            }
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    private static boolean isRolledBack(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RolledBack) {
                return true;
            }
        }
        return false;
    }

    /** Ends a warm-up's transaction with a rollback. */
    private static final class RolledBack extends RuntimeException {
        RolledBack() {
            super("warm-up rolled back", null, false, false);
        }
    }
}
