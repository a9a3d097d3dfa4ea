package org.threelists.matchmaker.matching.search;

import static org.threelists.matchmaker.matching.model.Profits.componentProfit;

import java.util.Random;
import org.threelists.matchmaker.matching.model.Deadline;
import org.threelists.matchmaker.matching.model.Problem;

/**
 * Iterated local search from the re-packs' local optimum: a kick moves one assigned demand to another of its
 * resources (ejecting from there the least profitable demands per hour until it fits; kicking unmatched demands in
 * as well gained less on LONG_TAIL 1k×100: 461.62 against 461.90 when the kicks gave up), the one-resource re-packs
 * with pulls and chain steps then repair the plan, and the result is kept only when the component's profit rose;
 * otherwise every demand goes back to its pair. On a sparse street (LONG_TAIL: about four candidates per demand) the
 * optimum differs from the re-packs' local optimum by ejection chains through ten or more resources, which no one-
 * or two-resource re-pack reaches (services/matchmaker/engine/README.md, "LONG_TAIL: what bounds it"); a kick
 * crosses one step of such a chain and the re-packs follow it where it gains. Seeded, so the same component gives
 * the same sequence; it runs in slices and goes on where it stopped.
 */
public final class Kicks {

    /** Kicks in a row without a gain, per demand of the component, after which this search gives up. */
    private static final int FRUITLESS_PER_DEMAND = 3;

    private final Problem p;
    private final int[] choice;
    private final Repack repack;
    private final int component;
    private final Random rnd;
    private final int[] saved;
    private int sinceGain;
    private int moves;
    private int tries;
    private boolean exhausted;

    public Kicks(Problem p, int[] choice, Repack repack, int component) {
        this.p = p;
        this.choice = choice;
        this.repack = repack;
        this.component = component;
        this.rnd = new Random(31L * component + 7);
        this.saved = new int[p.componentDemands[component].length];
    }

    /** Kicks until the deadline or until many in a row gained nothing (then true: exhausted). */
    public boolean run(long deadlineNanos) {
        int[] demands = p.componentDemands[component];
        int[] resources = p.componentResources[component];
        while (!exhausted && Deadline.before(deadlineNanos)) {
            if (sinceGain > FRUITLESS_PER_DEMAND * demands.length) {
                exhausted = true;
                break;
            }
            int d = demands[rnd.nextInt(demands.length)];
            int[] pairs = p.byDemand[d];
            if (choice[d] < 0 || pairs.length < 2) {
                sinceGain++;
                continue;
            }
            int k = pairs[rnd.nextInt(pairs.length)];
            if (k == choice[d] || p.hours[d] > p.capacity[p.pairResource[k]]) {
                sinceGain++;
                continue;
            }
            tries++;
            long before = componentProfit(p, choice, component);
            for (int i = 0; i < demands.length; i++) {
                saved[i] = choice[demands[i]];
            }
            kick(d, k);
            // the repair runs to its end: a kick half repaired is worth less than the plan it came from
            repack.pullUntilStable(resources, Long.MAX_VALUE);
            repack.chainUntilStable(resources, Long.MAX_VALUE);
            if (componentProfit(p, choice, component) > before) {
                moves++;
                sinceGain = 0;
            } else {
                // the moved demands back: off their new pairs first, so no resource is ever over its capacity
                for (int i = 0; i < demands.length; i++) {
                    if (choice[demands[i]] != saved[i]) {
                        repack.assign(demands[i], -1);
                    }
                }
                for (int i = 0; i < demands.length; i++) {
                    repack.assign(demands[i], saved[i]);
                }
                sinceGain++;
            }
        }
        return exhausted;
    }

    /** Moves d to pair k, ejecting from k's resource its least profitable demands per hour until d fits. */
    private void kick(int d, int k) {
        int r = p.pairResource[k];
        repack.assign(d, -1);
        while (repack.residual(r) < p.hours[d]) {
            int worst = -1;
            double worstDensity = Double.MAX_VALUE;
            for (int k2 : p.byResource[r]) {
                int d2 = p.pairDemand[k2];
                if (choice[d2] == k2) {
                    double density = p.pairProfit[k2] / (double) p.hours[d2];
                    if (density < worstDensity) {
                        worstDensity = density;
                        worst = d2;
                    }
                }
            }
            repack.assign(worst, -1);
        }
        repack.assign(d, k);
    }

    public int moves() {
        return moves;
    }

    public int tries() {
        return tries;
    }

    public boolean exhausted() {
        return exhausted;
    }
}
