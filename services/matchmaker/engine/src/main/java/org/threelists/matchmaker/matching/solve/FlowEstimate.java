package org.threelists.matchmaker.matching.solve;

/**
 * How long a component's min-cost flow will take, from its pairs: OR-Tools' solve cannot be stopped, so a flow is
 * begun only when it should end before the deadline (services/matchmaker/engine/README.md, "Time limit"). The rate
 * is what this machine measured until the solve's first flow of some size ends, then the slowest rate seen in this
 * solve, so a busy machine gets a more careful estimate.
 */
final class FlowEstimate {

    /**
     * Wall time per pair of a flow, network built and solved: 2.1 µs of CPU per pair on 10k×1k (0.48 s for 225,589
     * pairs), with room for the JIT of a first plan.
     */
    static final long PRIOR_NANOS_PER_PAIR = 2_500;

    private long nanosPerPair = PRIOR_NANOS_PER_PAIR;
    private boolean measured;

    /** Whether a flow of this many pairs begun now should end before the deadline. */
    synchronized boolean fits(int pairs, long deadline) {
        return System.nanoTime() + pairs * nanosPerPair < deadline;
    }

    /** A flow took this long: the rate of the next estimates is at least this one. */
    synchronized void observed(int pairs, long nanos) {
        if (pairs >= 1000) { // small networks cost their set-up more than their pairs
            nanosPerPair = measured ? Math.max(nanosPerPair, nanos / pairs) : nanos / pairs;
            measured = true;
        }
    }
}
