package org.threelists.matchmaker.matching.model;

/**
 * Whether a search loop may go on: its deadline ({@link System#nanoTime()}) is not past, and the engine is not
 * stopping. Stopping ({@link org.threelists.matchmaker.matching.RunningSolves#stopAll()}) ends every search loop
 * early, so that a stopping service is not held up by a plan in progress; it lasts until {@link #resume()}.
 */
public final class Deadline {

    private static volatile boolean stopping;

    private Deadline() {
    }

    /** Not past the deadline, and the engine not stopping. */
    public static boolean before(long deadlineNanos) {
        return !stopping && System.nanoTime() < deadlineNanos;
    }

    public static boolean stopping() {
        return stopping;
    }

    public static void stopAll() {
        stopping = true;
    }

    public static void resume() {
        stopping = false;
    }
}
