package org.threelists.matchmaker.matching.model;

import java.util.Arrays;

/** A growable list of (demand, resource, scaled score) triples. */
final class PairList {
    int size;
    int[] demand = new int[1024];
    int[] resource = new int[1024];
    long[] scaled = new long[1024];

    void add(int d, int r, long score) {
        if (size == demand.length) {
            demand = Arrays.copyOf(demand, size * 2);
            resource = Arrays.copyOf(resource, size * 2);
            scaled = Arrays.copyOf(scaled, size * 2);
        }
        demand[size] = d;
        resource[size] = r;
        scaled[size] = score;
        size++;
    }

    /** Appends another list's pairs, growing once. */
    void addAll(PairList other) {
        int needed = size + other.size;
        if (needed > demand.length) {
            int length = Math.max(needed, demand.length * 2);
            demand = Arrays.copyOf(demand, length);
            resource = Arrays.copyOf(resource, length);
            scaled = Arrays.copyOf(scaled, length);
        }
        System.arraycopy(other.demand, 0, demand, size, other.size);
        System.arraycopy(other.resource, 0, resource, size, other.size);
        System.arraycopy(other.scaled, 0, scaled, size, other.size);
        size = needed;
    }
}
