package org.threelists.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Races one call per input: a thread each, all released together once every one is ready, so that the calls reach the
 * service as close to the same instant as threads allow. The concurrency tests use it to show what a race leaves.
 */
public final class AllAtOnce {

    private AllAtOnce() {
    }

    /** The answers, in the order of the inputs; each call may take up to two minutes. */
    public static <T, R> List<R> call(List<T> inputs, Function<T, R> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(inputs.size());
        try {
            CountDownLatch ready = new CountDownLatch(inputs.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<R>> futures = new ArrayList<>();
            for (T input : inputs) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return call.apply(input);
                }));
            }
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not every thread was ready within 30 s");
            }
            start.countDown();
            List<R> answers = new ArrayList<>();
            for (Future<R> future : futures) {
                answers.add(future.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
