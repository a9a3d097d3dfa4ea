package org.threelists.matchmaker.matching.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.threelists.matchmaker.matching.model.Deadline;

/**
 * Spends a time budget on the components where the gap is: every worker thread (one per core) takes the component
 * with the largest open gap (bound − plan) that no other thread works on, runs its search for a slice of time, and
 * puts it back; finished components leave, and all stop at the deadline or once the whole plan's gap reaches the
 * target. Slicing keeps one large component from taking the whole budget while the others wait.
 */
final class Slices {

    /** A slice: long enough that a re-pack sweep or a few CP-SAT neighbourhoods get done, short enough to share. */
    private static final long SLICE_NANOS = 100_000_000L;

    private final ComponentSearch[] searches;
    private final boolean[] busy;
    private final Gap gap;

    /** The whole plan's gap, from the components' bounds and plans. */
    interface Gap {
        boolean reached();
    }

    Slices(ComponentSearch[] searches, Gap gap) {
        this.searches = searches;
        this.busy = new boolean[searches.length];
        this.gap = gap;
    }

    /**
     * Runs until every component's step is {@code until} or later or the deadline; the neighbourhood search (up to
     * {@code DONE}) also stops at the target gap.
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
        while (Deadline.before(deadline)) {
            ComponentSearch next = take(until);
            if (next == null) {
                return;
            }
            try {
                next.runSlice(Math.min(deadline, System.nanoTime() + SLICE_NANOS), deadline);
            } finally {
                release(next);
            }
        }
    }

    private synchronized ComponentSearch take(ComponentSearch.Step until) {
        if (until == ComponentSearch.Step.DONE && gap.reached()) {
            return null; // the target gap stops the neighbourhood search; the re-pack and the exact step always run
        }
        ComponentSearch best = null;
        for (int c = 0; c < searches.length; c++) {
            ComponentSearch s = searches[c];
            if (!busy[c] && s.step.compareTo(until) < 0 && (best == null || s.openGap() > best.openGap())) {
                best = s;
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
