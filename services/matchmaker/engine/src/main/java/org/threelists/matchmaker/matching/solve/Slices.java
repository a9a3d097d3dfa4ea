package org.threelists.matchmaker.matching.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.threelists.matchmaker.matching.model.Deadline;

/**
 * Spends a time budget on the components where the gap is: every worker thread (one per core) first starts the
 * components (largest first: their flows cost the most), then takes the component with the largest open gap
 * (bound − plan) that no other thread works on, runs its search for a slice of time ({@link #sliceNanos}), and puts
 * it back; finished
 * components leave, as do those whose own gap reached the target in the neighbourhood search, and all stop at the
 * deadline or once the whole plan's gap reaches the target. Slicing keeps one large component from taking the whole budget while the others
 * wait; a thread whose last start is done searches while the other still starts.
 */
final class Slices {

    /** A slice: long enough that a re-pack sweep or a few CP-SAT neighbourhoods get done, short enough to share. */
    private static final long SLICE_NANOS = 100_000_000L;
    /** The shortest slice: a few two-resource re-packs of a street. */
    private static final long MIN_SLICE_NANOS = 5_000_000L;

    /**
     * The slice for a time limit: 100 ms, or a twentieth of a shorter limit (at least 5 ms). A sweep's first re-packs
     * are its most promising (the resources with the most room left), so at 0.2 s every component of a street gets
     * its first ones, where 100 ms slices gave two or three components all of the time and the others none.
     */
    static long sliceNanos(double timeLimitSeconds) {
        return Math.max(MIN_SLICE_NANOS, Math.min(SLICE_NANOS, (long) (timeLimitSeconds * 1e9 / 20)));
    }

    private final long slice;

    private final ComponentSearch[] searches;
    private final boolean[] busy;
    private final Gap gap;
    private final double targetGap;

    /** The whole plan's gap, from the components' bounds and plans. */
    interface Gap {
        boolean reached();
    }

    Slices(ComponentSearch[] searches, Gap gap, double targetGap, long slice) {
        this.searches = searches;
        this.slice = slice;
        this.busy = new boolean[searches.length];
        this.gap = gap;
        this.targetGap = targetGap;
    }

    /**
     * Runs until every component's step is {@code until} or later or the deadline; the neighbourhood search (up to
     * {@code DONE}) also stops at the target gap. Every component is started, deadline or not: a plan needs a start.
     */
    void run(ComponentSearch.Step until, long deadline) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), searches.length));
        if (threads == 1) {
            work(until, deadline);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "matching-search");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads - 1; i++) {
                workers.add(pool.submit(() -> work(until, deadline)));
            }
            work(until, deadline);
            for (Future<?> w : workers) {
                w.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void work(ComponentSearch.Step until, long deadline) {
        while (true) {
            ComponentSearch next = take(until, Deadline.before(deadline));
            if (next == null) {
                return;
            }
            try {
                next.runSlice(Math.min(deadline, System.nanoTime() + slice), deadline);
            } finally {
                release(next);
            }
        }
    }

    /** The next component to work on: one not started (largest first), else the largest open gap; null: stop. */
    private synchronized ComponentSearch take(ComponentSearch.Step until, boolean timeLeft) {
        ComponentSearch best = null;
        for (int c = 0; c < searches.length; c++) {
            ComponentSearch s = searches[c];
            if (!busy[c] && s.step == ComponentSearch.Step.START && (best == null || s.pairs > best.pairs)) {
                best = s;
            }
        }
        if (best == null && timeLeft && !(until == ComponentSearch.Step.DONE && gap.reached())) {
            // a component whose re-packs are not done comes before any that kicks: the re-packs gain more per
            // millisecond (DOMINANT_UNIT 1k×100 at 0.2 s lost 0.1 % when a kick could take a thread from them), and
            // a thread kicks only when no such component is free (10k×1k's small streets while the largest
            // re-packs: 0.9958 of the LP at 10 s, 0.9943 when the kicks waited for every re-pack)
            boolean repacking = false;
            for (int c = 0; c < searches.length; c++) {
                repacking |= !busy[c] && searches[c].step.compareTo(ComponentSearch.Step.KICK) < 0;
            }
            // the target gap stops the neighbourhood search, the whole plan's or a component's own; the re-packs
            // and the exact step always run (a component at its target skips the two-resource re-packs)
            for (int c = 0; c < searches.length; c++) {
                ComponentSearch s = searches[c];
                boolean atTarget = s.step == ComponentSearch.Step.LNS && s.reachedTarget(targetGap);
                boolean waits = repacking && s.step == ComponentSearch.Step.KICK;
                if (!busy[c] && s.step.compareTo(until) < 0 && !atTarget && !waits
                        && (best == null || s.openGap() > best.openGap())) {
                    best = s;
                }
            }
        }
        if (best != null) {
            busy[best.component] = true;
        }
        return best;
    }

    private synchronized void release(ComponentSearch s) {
        busy[s.component] = false;
    }
}
