package org.threelists.matchmaker.matching.relaxation;

import java.util.Arrays;
import org.threelists.matchmaker.matching.model.Deadline;
import org.threelists.matchmaker.matching.model.Problem;

/**
 * The Lagrangian bound with one exact knapsack per resource ({@link Relaxation}, step 2): relaxing "each demand at
 * most once" with prices u ≥ 0 leaves a knapsack per resource, and Σ u + Σ knapsack(profit − u) bounds every plan.
 */
final class LagrangianBound {

    private final Problem p;
    private final double[] lambda;
    /** The components' best bounds, tightened in place. */
    private final long[] componentBound;

    LagrangianBound(Problem p, double[] lambda, long[] componentBound) {
        this.p = p;
        this.lambda = lambda;
        this.componentBound = componentBound;
    }

    /**
     * Tightens the components' bounds with the Lagrangian knapsack bound, starting from the LP prices and taking
     * subgradient steps toward {@code primal} (the profit of the best plan known, per component) until the deadline.
     * Returns the number of knapsack rounds evaluated.
     */
    int tighten(long[] componentPrimal, long deadlineNanos, int maxRounds) {
        if (lambda == null || p.pairCount() == 0) {
            return 0;
        }
        int nD = p.demands.size();
        long[] u = new long[nD];
        for (int d = 0; d < nD; d++) {
            long best = 0;
            for (int k : p.byDemand[d]) {
                double reduced = p.pairProfit[k] - lambda[p.pairResource[k]] * p.hours[d];
                best = Math.max(best, (long) Math.ceil(reduced));
            }
            u[d] = best;
        }
        int[] picked = new int[nD];
        double[] step = new double[p.componentCount()];
        Arrays.fill(step, 1.0);
        long[] last = new long[p.componentCount()];
        Arrays.fill(last, Long.MAX_VALUE);
        int rounds = 0;
        Knapsack knapsack = new Knapsack();
        while (rounds < maxRounds && Deadline.before(deadlineNanos)) {
            rounds++;
            Arrays.fill(picked, 0);
            long[] value = new long[p.componentCount()];
            for (int d = 0; d < nD; d++) {
                if (p.demandComponent[d] >= 0) {
                    value[p.demandComponent[d]] += u[d];
                }
            }
            for (int r = 0; r < p.resources.size(); r++) {
                if (p.byResource[r].length > 0) {
                    value[p.resourceComponent[r]] += knapsack.solve(p, r, u, picked);
                }
            }
            boolean open = false;
            for (int comp = 0; comp < value.length; comp++) {
                if (value[comp] < componentBound[comp]) {
                    componentBound[comp] = value[comp];
                }
                if (value[comp] >= last[comp]) {
                    step[comp] /= 2; // no progress: shorter steps
                }
                last[comp] = value[comp];
                if (componentBound[comp] > componentPrimal[comp]) {
                    open = true;
                }
            }
            if (!open) {
                break;
            }
            // subgradient: 1 − (times picked); Polyak step toward the primal value, per component
            double[] norm = new double[p.componentCount()];
            for (int d = 0; d < nD; d++) {
                int comp = p.demandComponent[d];
                if (comp >= 0) {
                    long g = 1 - picked[d];
                    if (u[d] > 0 || g < 0) {
                        norm[comp] += g * g;
                    }
                }
            }
            for (int d = 0; d < nD; d++) {
                int comp = p.demandComponent[d];
                if (comp < 0 || norm[comp] == 0) {
                    continue;
                }
                long g = 1 - picked[d];
                double t = step[comp] * Math.max(0, value[comp] - componentPrimal[comp]) / norm[comp];
                u[d] = Math.max(0, u[d] - Math.round(t * g));
            }
        }
        return rounds;
    }
}
