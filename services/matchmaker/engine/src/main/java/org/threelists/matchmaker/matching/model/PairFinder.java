package org.threelists.matchmaker.matching.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.threelists.matchmaker.matching.DemandInput;
import org.threelists.matchmaker.matching.ResourceInput;
import org.threelists.matchmaker.matching.Scoring;
import org.threelists.matchmaker.matching.Weights;

/**
 * The feasible pairs of an instance without candidates, and their scores: exactly {@link Scoring#feasible} and
 * {@link Scoring#score}, computed once per distinct (resource, urgency, overdue, skills used, proximity), since
 * the score depends on nothing else — what keeps building 10⁶ pairs to seconds.
 */
final class PairFinder {
    private final List<ResourceInput> resources;
    private final Weights weights;
    /** The resources indexed once (a warm start finds one demand's pairs with the same index). */
    private final List<Set<String>> offered;
    private final long[] from;
    private final long[] until;
    private final long[] capacity;
    private final Map<String, List<Integer>> byCell = new HashMap<>();
    /** Scaled score + 1 per resource and key of demand properties (0: not computed yet); see {@link #cached}. */
    private final int[][] scores;

    PairFinder(List<ResourceInput> resources, Weights weights) {
        this.resources = resources;
        this.weights = weights;
        int nR = resources.size();
        offered = new ArrayList<>(nR);
        from = new long[nR];
        until = new long[nR];
        capacity = new long[nR];
        scores = new int[nR][];
        for (int r = 0; r < nR; r++) {
            ResourceInput res = resources.get(r);
            offered.add(normalized(res.skills()));
            from[r] = res.availableFrom() == null ? Long.MIN_VALUE : res.availableFrom().toEpochDay();
            until[r] = res.availableUntil() == null ? Long.MAX_VALUE : res.availableUntil().toEpochDay();
            capacity[r] = Scoring.capacityTenths(res);
            for (String category : new HashSet<>(res.categories())) {
                for (String community : new HashSet<>(res.serviceArea())) {
                    byCell.computeIfAbsent(category + "\u0000" + community, k -> new ArrayList<>()).add(r);
                }
            }
        }
    }

    /** The feasible pairs of the demands, numbered from 0 in this list, in demand order. */
    void find(List<DemandInput> demands, PairList pairs) {
        find(demands, pairs, Long.MAX_VALUE);
    }

    /**
     * The feasible pairs of the demands found before {@code deadlineNanos} ({@link System#nanoTime()};
     * {@link Long#MAX_VALUE}: all of them), numbered from 0 in this list, in demand order. Returns which demands
     * were not looked at (null: every one was): a caller's time limit bounds building the pairs too
     * (services/matchmaker/engine/README.md, "Time limit"), and such a demand stays unmatched with a bound of its own.
     */
    boolean[] find(List<DemandInput> demands, PairList pairs, long deadlineNanos) {
        // demands in chunks, one per task on every core, each with its own pairs; the chunks' pairs are joined in
        // demand order, so the pairs are the same as from one loop. The score cache is shared: a chunk of a city's
        // demands meets each resource a few times only, so a cache per chunk computed nearly every score anew
        int chunks = Math.max(1, Math.min(64, demands.size() / CHUNK));
        PairList[] parts = new PairList[chunks];
        boolean[] unexamined = new boolean[demands.size()];
        boolean[] cut = new boolean[1];
        boolean clock = deadlineNanos != Long.MAX_VALUE;
        java.util.stream.IntStream.range(0, chunks).parallel().forEach(i -> {
            PairList part = new PairList();
            int from = (int) ((long) demands.size() * i / chunks);
            int to = (int) ((long) demands.size() * (i + 1) / chunks);
            for (int d = from; d < to; d++) {
                if (clock && (d - from) % CHECK_EVERY == 0 && System.nanoTime() >= deadlineNanos) {
                    for (int rest = d; rest < to; rest++) {
                        unexamined[rest] = true;
                    }
                    cut[0] = true; // a boolean written true only: any thread's write is the same
                    break;
                }
                findFor(demands.get(d), d, part);
            }
            parts[i] = part;
        });
        for (PairList part : parts) {
            pairs.addAll(part);
        }
        return cut[0] ? unexamined : null;
    }

    /** Below this many demands per chunk, splitting the work costs more than it saves. */
    private static final int CHUNK = 500;
    /** How many demands a chunk looks at between two looks at the clock (a demand costs a few microseconds). */
    private static final int CHECK_EVERY = 32;

    private void findFor(DemandInput dem, int d, PairList pairs) {
        List<Integer> cell = byCell.get(dem.category() + "\u0000" + dem.communityCode());
        if (cell == null) {
            return;
        }
        Set<String> required = normalized(dem.requiredSkills());
        long start = dem.windowStart() == null ? Long.MIN_VALUE : dem.windowStart().toEpochDay();
        long end = dem.windowEnd() == null ? Long.MAX_VALUE : dem.windowEnd().toEpochDay();
        long tenths = Scoring.demandTenths(dem);
        for (int r : cell) {
            if (tenths > capacity[r] || Math.max(start, from[r]) > Math.min(end, until[r])
                    || !offered.get(r).containsAll(required)) {
                continue;
            }
            ResourceInput res = resources.get(r);
            boolean home = !res.serviceArea().isEmpty() && res.serviceArea().get(0).equals(dem.communityCode());
            int skillKey = required.isEmpty() ? 0 : 1 + required.size();
            long score;
            if (skillKey < 16) {
                int key = ((dem.urgency().ordinal() * 2 + (dem.overdue() ? 1 : 0)) * 16 + skillKey) * 2
                        + (home ? 1 : 0);
                score = cached(r, key, dem, res, required);
            } else {
                score = Scoring.scaled(Scoring.score(dem, res, weights, offered.get(r), required));
            }
            pairs.add(d, r, score);
        }
    }

    /**
     * The scaled score of resource r for a key of demand properties, computed once per JVM thread that first needs
     * it. Threads share the table without locks: an entry holds score + 1, so its initial 0 means "not known"
     * whatever a thread sees of another's writes (an int is written whole), and two threads computing the same
     * entry write the same value.
     */
    private int cached(int r, int key, DemandInput dem, ResourceInput res, Set<String> required) {
        int[] row = scores[r];
        if (row == null) {
            row = new int[4 * 2 * 16 * 2];
            scores[r] = row; // a row lost to another thread's only costs its entries' computation again
        }
        int known = row[key];
        if (known == 0) {
            long scaled = Scoring.scaled(Scoring.score(dem, res, weights, offered.get(r), required));
            known = (int) Math.min(Integer.MAX_VALUE, scaled + 1);
            row[key] = known;
        }
        return known - 1;
    }

    private static Set<String> normalized(List<String> tags) {
        Set<String> out = new HashSet<>();
        for (String t : tags) {
            out.add(t.trim().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
