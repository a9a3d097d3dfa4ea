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
}
