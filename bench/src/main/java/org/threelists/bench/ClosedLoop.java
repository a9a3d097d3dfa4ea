package org.threelists.bench;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load: {@code clients} threads, each sending its next request as soon as the previous one answered.
 * A warm-up phase is not recorded; only requests started inside the measured window count. Bounded in time
 * (warm-up + measured window, plus one request timeout), in count ({@code maxOps}) and in errors.
 */
final class ClosedLoop {

    private static final long MAX_ERRORS = 1_000;
    /** Latencies in microseconds, up to 60 s, 3 significant digits. */
    private static final long HIGHEST_MICROS = 60_000_000L;

    /** One request; true if it was acknowledged as it should be. */
    interface Op {
        boolean call() throws Exception;

        default String lastError() {
            return null;
        }
    }

    /** Makes each worker's op (its own connection, its own counter). */
    interface OpFactory {
        Op create(int worker) throws Exception;
    }

    /**
     * @param ok       acknowledged requests started in the measured window
     * @param okInAll  acknowledged requests, warm-up included
     */
    record Result(String name, int clients, long ok, long okInAll, long errors, double seconds, double perSecond,
                  double p50Ms, double p99Ms, double maxMs, String firstError, CpuMeter.Usage cpu) {
    }

    private ClosedLoop() {
    }

    static Result run(String name, int clients, Duration warmup, Duration measure, long maxOps, OpFactory factory,
                      CpuMeter meter) throws Exception {
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            ops.add(factory.create(i));
        }
        long begin = System.nanoTime();
        long measureStart = begin + warmup.toNanos();
        long measureEnd = measureStart + measure.toNanos();
        AtomicLong issued = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong okInAll = new AtomicLong();
        AtomicLong lastFinish = new AtomicLong(measureStart);
        AtomicReference<String> firstError = new AtomicReference<>();
        Histogram[] histograms = new Histogram[clients];
        Thread[] threads = new Thread[clients];
        for (int i = 0; i < clients; i++) {
            Histogram histogram = histograms[i] = new Histogram(HIGHEST_MICROS, 3);
            Op op = ops.get(i);
            threads[i] = new Thread(() -> {
                long finish = 0;
                while (true) {
                    long started = System.nanoTime();
                    if (started >= measureEnd || issued.incrementAndGet() > maxOps || errors.get() > MAX_ERRORS) {
                        break;
                    }
                    boolean success;
                    String error = null;
                    try {
                        success = op.call();
                        if (!success) {
                            error = op.lastError();
                        }
                    } catch (Exception e) {
                        success = false;
                        error = e.toString();
                    }
                    finish = System.nanoTime();
                    if (success) {
                        okInAll.incrementAndGet();
                    }
                    if (started >= measureStart) {
                        if (success) {
                            histogram.recordValue(Math.min(HIGHEST_MICROS, (finish - started) / 1_000));
                            ok.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                    if (!success && error != null) {
                        firstError.compareAndSet(null, error);
                    }
                }
                long last = finish;
                lastFinish.accumulateAndGet(last, Math::max);
            }, name + "-" + i);
            threads[i].setDaemon(true);
        }
        for (Thread thread : threads) {
            thread.start();
        }
        sleepUntil(measureStart);
        CpuMeter.Sample before = meter.sample();
        long hardStop = measureEnd + Duration.ofSeconds(30).toNanos();
        for (Thread thread : threads) {
            long left = Math.max(1, (hardStop - System.nanoTime()) / 1_000_000);
            thread.join(left);
        }
        CpuMeter.Sample after = meter.sample();
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                throw new IllegalStateException(name + ": a client did not finish within 30 s of the end");
            }
        }
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        for (Histogram histogram : histograms) {
            all.add(histogram);
        }
        double seconds = Math.max(1e-9, (lastFinish.get() - measureStart) / 1e9);
        long count = ok.get();
        return new Result(name, clients, count, okInAll.get(), errors.get(), seconds, count / seconds,
                all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(99) / 1000.0, all.getMaxValue() / 1000.0,
                firstError.get(), meter.usage(before, after, count));
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }
}
