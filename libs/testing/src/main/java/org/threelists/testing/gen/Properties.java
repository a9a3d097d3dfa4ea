package org.threelists.testing.gen;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Runs a property over generated values: {@code tries} values from one seed (the system property
 * {@code threelists.properties.seed}, else a fixed default so CI is reproducible); a failure names the seed and the
 * try, and the value, so that the case can be run again alone.
 */
public final class Properties {

    public static final long DEFAULT_SEED = 20261204L;
    public static final String SEED_PROPERTY = "threelists.properties.seed";

    private Properties() {
    }

    /** The seed of this run: {@value #SEED_PROPERTY} if set, else {@link #DEFAULT_SEED}. */
    public static long seed() {
        return Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
    }

    public static <T> void check(int tries, Gen<T> generator, Consumer<T> property) {
        long seed = seed();
        Random random = new Random(seed);
        for (int i = 1; i <= tries; i++) {
            T value = generator.next(random);
            try {
                property.accept(value);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property failed at try " + i + " of " + tries + " (seed " + seed
                        + ", -Dthreelists.properties.seed=" + seed + ") for " + value + ": " + e.getMessage(), e);
            }
        }
    }
}
