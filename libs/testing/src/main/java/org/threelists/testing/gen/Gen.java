package org.threelists.testing.gen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * A generator of random values for property-based tests: seeded, so a failing case is reproduced from the seed its
 * test prints, and biased towards the edges (empty, the bounds) where contracts and code disagree most often. Plain
 * JUnit runs the properties ({@link Properties#check}); no property-testing engine is needed.
 */
@FunctionalInterface
public interface Gen<T> {

    T next(Random random);

    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        return random -> mapper.apply(next(random));
    }

    /** Draws until a value passes; the predicate must accept most values. */
    default Gen<T> filter(Predicate<? super T> accepted) {
        return random -> {
            for (int attempt = 0; attempt < 1000; attempt++) {
                T value = next(random);
                if (accepted.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("the filter refused 1000 values in a row");
        };
    }

    /** A list of this generator's values, its size between the bounds (often at a bound). */
    default Gen<List<T>> list(int minSize, int maxSize) {
        Gen<Integer> size = integers(minSize, maxSize);
        return random -> {
            int n = size.next(random);
            List<T> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                values.add(next(random));
            }
            return values;
        };
    }

    /** A list of values distinct from each other, its size between the bounds (often at a bound). */
    default Gen<List<T>> uniqueList(int minSize, int maxSize) {
        return uniqueList(minSize, maxSize, Function.identity());
    }

    /**
     * A list of values whose {@code key}s are distinct, its size between the bounds (often at a bound); this generator
     * must offer at least {@code maxSize} distinct keys, drawn often enough that a few hundred draws per element find
     * them.
     */
    default Gen<List<T>> uniqueList(int minSize, int maxSize, Function<? super T, ?> key) {
        Gen<Integer> size = integers(minSize, maxSize);
        return random -> {
            int n = size.next(random);
            List<T> values = new ArrayList<>(n);
            Set<Object> keys = new HashSet<>();
            for (int attempt = 0; values.size() < n; attempt++) {
                if (attempt == 1000 * n) {
                    throw new IllegalStateException("found " + values.size() + " distinct values of " + n
                            + " in " + attempt + " draws");
                }
                T value = next(random);
                if (keys.add(key.apply(value))) {
                    values.add(value);
                }
            }
            return values;
        };
    }

    static <T> Gen<T> just(T value) {
        return random -> value;
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        List<T> choices = Arrays.asList(values);
        return random -> choices.get(random.nextInt(choices.size()));
    }

    static <E extends Enum<E>> Gen<E> of(Class<E> type) {
        return of(type.getEnumConstants());
    }

    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
        return random -> generators[random.nextInt(generators.length)].next(random);
    }

    /** Weighted choice: {@code weights[i]} for {@code generators[i]}. */
    static <T> Gen<T> frequency(int[] weights, List<Gen<? extends T>> generators) {
        int total = IntStream.of(weights).sum();
        return random -> {
            int pick = random.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                pick -= weights[i];
                if (pick < 0) {
                    return generators.get(i).next(random);
                }
            }
            throw new IllegalStateException("unreachable");
        };
    }

    /** An int in [min, max], one in five times at a bound. */
    static Gen<Integer> integers(int min, int max) {
        return random -> switch (random.nextInt(10)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + (int) (random.nextDouble() * ((long) max - min + 1));
        };
    }

    /** A decimal in [min, max] with the given scale, one in five times at a bound. */
    static Gen<BigDecimal> decimals(BigDecimal min, BigDecimal max, int scale) {
        return random -> switch (random.nextInt(10)) {
            case 0 -> min.setScale(scale, RoundingMode.UNNECESSARY);
            case 1 -> max.setScale(scale, RoundingMode.UNNECESSARY);
            default -> min.add(max.subtract(min).multiply(BigDecimal.valueOf(random.nextDouble())))
                    .setScale(scale, RoundingMode.DOWN).max(min).min(max);
        };
    }

    /** A string of code points drawn from {@code codePoints}, its length (in code points) between the bounds. */
    static Gen<String> text(Gen<Integer> codePoints, int minLength, int maxLength) {
        return codePoints.list(minLength, maxLength)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
    }

    /** One of the code points of {@code chars}, each as likely: the alphabet of {@link #text} as a plain string. */
    static Gen<Integer> codePointsOf(String chars) {
        int[] codePoints = chars.codePoints().toArray();
        return random -> codePoints[random.nextInt(codePoints.length)];
    }

    /** A string of characters drawn from {@code alphabet}, its length (in code points) between the bounds. */
    static Gen<String> strings(String alphabet, int minLength, int maxLength) {
        return text(codePointsOf(alphabet), minLength, maxLength);
    }
}
