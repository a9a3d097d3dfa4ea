package org.threelists.matchmaker.matching.solve;

import static org.threelists.matchmaker.matching.model.Profits.componentProfit;
import static org.threelists.matchmaker.matching.model.Profits.scaledTotal;

import org.threelists.matchmaker.matching.MatchingEngine;
import org.threelists.matchmaker.matching.Scoring;
import org.threelists.matchmaker.matching.model.Deadline;
import org.threelists.matchmaker.matching.model.Problem;
import org.threelists.matchmaker.matching.model.Trace;
import org.threelists.matchmaker.matching.relaxation.Relaxation;
import org.threelists.matchmaker.matching.search.StartPlan;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the engine spends its time on a problem, component by component (services/matchmaker/engine/README.md, "How"):
 * <ol>
 *   <li><b>Start</b> ({@link ComponentSearch}): the LP relaxation as a min-cost flow ({@link Relaxation}) when it
 *       should end before the deadline, else a quick bound; the demands the flow does not split, a greedy fill and
 *       single-demand moves ({@link StartPlan}).</li>
 *   <li><b>Local search</b>, exact dynamic-programming re-packs ({@link org.threelists.matchmaker.matching.search.Repack}):
 *       of one resource at a time from all its candidate demands, pulling them from other resources, until none
 *       gains; chain steps, which also count what the resource a demand leaves gains by refilling its room; then
 *       of two neighbouring resources at a time until none gains; then kicks from that local optimum, each repaired
 *       by the one-resource re-packs and kept only if it gains ({@link org.threelists.matchmaker.matching.search.Kicks}).</li>
 *   <li><b>Bound</b>: a Lagrangian bound with one exact knapsack per resource, started from the LP's prices.</li>
 *   <li><b>CP-SAT.</b> Components of up to {@value #EXACT_MAX_PAIRS} pairs are solved exactly ({@link org.threelists.matchmaker.matching.exact.ComponentCpSat},
 *       usually proven optimal); on larger ones, CP-SAT re-solves neighbourhoods of a few resources
 *       ({@link org.threelists.matchmaker.matching.search.Lns}) until the time limit, or until the gap to the
 *       bound is at most the target gap.</li>
 * </ol>
 * Steps 1, 2 and 4 run per component on every core, in time slices: the starts first (largest first), then the
 * component with the largest open gap ({@link Slices}); the budget goes where the gap is, and the plan is the best
 * found at the deadline, with its proven gap.
 * "cp-sat:OPTIMAL" means every component is proven optimal by CP-SAT.
 */
public final class Solver {

    /** Components up to this many pairs are solved exactly by CP-SAT (from the local-search plan as a hint). */
    public static final int EXACT_MAX_PAIRS = 400;

    private final MatchingEngine.Options options;

    public Solver(MatchingEngine.Options options) {
        this.options = options;
    }

    /**
     * Plans every component of the problem (see the class comment) and stops searching at {@code deadline}
     * ({@link System#nanoTime()}). Every component gets a start, deadline or not (a plan needs one): its flow when the
     * flow should end before the deadline (OR-Tools' flow cannot be interrupted), else a quick bound and a greedy
     * plan; everything after the starts runs only while time is left.
     */
    public Solution solve(Problem p, long deadline) {
        int components = p.componentCount();
        Relaxation relaxation = new Relaxation(p);
        int[] choice = new int[p.demands.size()];
        Arrays.fill(choice, -1);
        FlowEstimate flows = new FlowEstimate();
        long[] bound = relaxation.componentBound; // profit units, tightened below
        long[] primal = new long[components];
        ComponentSearch[] searches = new ComponentSearch[components];
        for (int c = 0; c < components; c++) {
            searches[c] = new ComponentSearch(p, c, choice, relaxation, flows, options);
        }
        Slices slices = new Slices(searches, () -> gapOf(p, searches) <= options.targetGap(), options.targetGap(),
                Slices.sliceNanos(options.timeLimitSeconds()));
        // the starts (largest first), then the cheap one-resource re-packs on every component: most of the gain, for
        // a few milliseconds each
        slices.run(ComponentSearch.Step.CHAIN, deadline);
        int flowsSolved = 0;
        for (ComponentSearch s : searches) {
            flowsSolved += s.flowSolved ? 1 : 0;
        }
        Trace.log("starts (%d/%d flows) and pulls: %.4f, gap %.4f%%", flowsSolved, components,
                scaledTotal(p, choice) / (double) Scoring.SCALE, 100 * gapOf(p, searches));
        slices.run(ComponentSearch.Step.REPACK, deadline);
        Trace.log("chains: %.4f, gap %.4f%%", scaledTotal(p, choice) / (double) Scoring.SCALE, 100 * gapOf(p, searches));
        if (Trace.on()) {
            long free = 0;
            long total = 0;
            long[] load = new long[p.resources.size()];
            for (int d = 0; d < choice.length; d++) {
                if (choice[d] >= 0) {
                    load[p.pairResource[choice[d]]] += p.hours[d];
                }
            }
            for (int r = 0; r < load.length; r++) {
                if (p.resourceComponent[r] >= 0) {
                    free += p.capacity[r] - load[r];
                    total += p.capacity[r];
                }
            }
            Trace.log("capacity left free after the chains: %.2f %% of %d tenths", 100.0 * free / total, total);
        }
        slices.run(ComponentSearch.Step.LNS, deadline);
        long tried = 0;
        long pruned = 0;
        for (ComponentSearch s : searches) {
            tried += s.repackTries()[0];
            pruned += s.repackTries()[1];
        }
        int kicked = 0;
        for (ComponentSearch s : searches) {
            kicked += s.kickMoves();
        }
        Trace.log("repack and kicks: %.4f (%d moves; %d two-resource re-packs tried, %d of them settled by the merged"
                + " bound; %d kicks gained), gap %.4f%%", scaledTotal(p, choice) / (double) Scoring.SCALE,
                repackMoves(searches), tried, pruned, kicked, 100 * gapOf(p, searches));
        String lagrangian = "";
        if (gapOf(p, searches) > options.targetGap() && Deadline.before(deadline)) {
            for (int c = 0; c < components; c++) {
                bound[c] = searches[c].bound;
                primal[c] = searches[c].primal;
            }
            // a quarter of what is left at most: the bound is for the proof, the rest is for the plan
            long budget = (long) ((deadline - System.nanoTime()) * 0.25);
            int rounds = relaxation.lagrangian(primal, System.nanoTime() + Math.max(0, budget), 60);
            for (int c = 0; c < components; c++) {
                searches[c].bound = Math.min(searches[c].bound, bound[c]);
            }
            lagrangian = rounds > 0 ? "+lagrangian(" + rounds + " rounds)" : "";
            Trace.log("lagrangian: %d rounds, gap %.4f%%", rounds, 100 * gapOf(p, searches));
        }
        if (options.useCpSat()) {
            slices.run(ComponentSearch.Step.DONE, deadline);
            Trace.log("lns: %d moves, gap %.4f%%", lnsMoves(searches), 100 * gapOf(p, searches));
        }
        if (Trace.on()) {
            traceComponents(p, choice, relaxation, searches);
        }
        boolean[] proven = new boolean[components];
        boolean[] byCpSat = new boolean[components];
        for (int c = 0; c < components; c++) {
            primal[c] = componentProfit(p, choice, c);
            bound[c] = searches[c].bound;
            proven[c] = searches[c].proven;
            byCpSat[c] = searches[c].byCpSat;
        }
        int moves = repackMoves(searches);
        int lnsMoves = lnsMoves(searches);
        long boundScaled = 0;
        long lpScaled = 0;
        long[] componentBoundScaled = new long[components];
        int provenCount = 0;
        boolean allByCpSat = true;
        for (int c = 0; c < components; c++) {
            long b = Math.max(bound[c], primal[c]);
            if (b == primal[c]) {
                proven[c] = true;
            }
            componentBoundScaled[c] = b / p.m;
            boundScaled += b / p.m;
            lpScaled += relaxation.componentLpBound[c] / p.m;
            if (proven[c]) {
                provenCount++;
            }
            allByCpSat &= byCpSat[c];
        }
        // the demands whose pairs the time limit left unexamined: unmatched, bounded by their best conceivable score
        boundScaled += p.unexaminedBoundScaled();
        lpScaled += p.unexaminedBoundScaled();
        String cut = p.complete() ? "" : "; time limit: pairs of " + (p.demands.size() - p.unexaminedCount()) + "/"
                + p.demands.size() + " demands found, the rest unmatched";
        String method;
        if (!p.complete()) {
            method = (flowsSolved == components ? "lp-rounding"
                    : "lp-rounding on " + flowsSolved + "/" + components + " components, greedy on the rest")
                    + "+repack(" + moves + " moves)" + lagrangian
                    + (options.useCpSat() ? "+lns(cp-sat, " + lnsMoves + " moves)" : "")
                    + "; " + provenCount + "/" + components + " components proven optimal" + cut;
        } else if (provenCount == components && allByCpSat) {
            method = "cp-sat:OPTIMAL";
        } else if (provenCount == components) {
            method = "exact:OPTIMAL(" + components + " components; dp re-pack"
                    + (options.useCpSat() ? ", cp-sat" : "") + ")";
        } else {
            String start = flowsSolved == components ? "lp-rounding"
                    : "lp-rounding on " + flowsSolved + "/" + components + " components, greedy on the rest (time limit)";
            method = start + "+repack(" + moves + " moves)" + lagrangian
                    + (options.useCpSat() ? "+lns(cp-sat, " + lnsMoves + " moves)" : "")
                    + "; " + provenCount + "/" + components + " components proven optimal" + cut;
        }
        boolean[] pullStable = new boolean[p.resources.size()];
        for (int c = 0; c < components; c++) {
            for (int r : p.componentResources[c]) {
                pullStable[r] = searches[c].pullStable(r);
            }
        }
        return new Solution(choice, boundScaled, lpScaled, method, provenCount, components, componentBoundScaled,
                pullStable);
    }

    /**
     * Per component, largest LP gap first: its size, the step it reached, the thread CPU of each step (ms) and what
     * its plan leaves against its own LP bound (the profile of where a limit's time and the missing gap are).
     */
    private static void traceComponents(Problem p, int[] choice, Relaxation relaxation, ComponentSearch[] searches) {
        Integer[] order = new Integer[searches.length];
        double[] lost = new double[searches.length];
        for (int c = 0; c < searches.length; c++) {
            order[c] = c;
            lost[c] = (relaxation.componentLpBound[c] - componentProfit(p, choice, c)) / (double) p.m;
        }
        Arrays.sort(order, (a, b) -> Double.compare(lost[b], lost[a]));
        StringBuilder out = new StringBuilder("| component | demands | resources | pairs | flow | step | cpu ms:");
        for (ComponentSearch.Step s : ComponentSearch.Step.values()) {
            out.append(' ').append(s.name().toLowerCase(Locale.ROOT));
        }
        out.append(" | gain: pull chain repack kick | LP − plan | plan ÷ LP | kicks gained |\n");
        for (int c : order) {
            ComponentSearch s = searches[c];
            double lp = relaxation.componentLpBound[c] / (double) p.m;
            out.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %s | %s |", c,
                    p.componentDemands[c].length, p.componentResources[c].length, s.pairs, s.flowSolved, s.step));
            for (long ns : s.cpuByStep) {
                out.append(String.format(Locale.ROOT, " %.1f", ns / 1e6));
            }
            out.append(" |");
            for (int i = ComponentSearch.Step.PULL.ordinal(); i <= ComponentSearch.Step.KICK.ordinal(); i++) {
                double gain = s.gainByStep[i] / (double) p.m / Scoring.SCALE;
                out.append(String.format(Locale.ROOT, " %.3f", gain));
            }
            out.append(String.format(Locale.ROOT, " | %.4f | %.5f | %d |%n", lost[c] / Scoring.SCALE,
                    lp <= 0 ? 1 : (lp - lost[c]) / lp, s.kickMoves()));
        }
        Trace.log("components, largest LP − plan first:%n%s", out);
    }

    private static double gapOf(Problem p, ComponentSearch[] searches) {
        long b = 0;
        long o = 0;
        for (ComponentSearch s : searches) {
            if (s.step == ComponentSearch.Step.START) {
                return 1; // not started: no bound yet
            }
            long primal = s.primal;
            b += Math.max(s.bound, primal) / p.m;
            o += primal / p.m;
        }
        return b <= 0 ? 0 : (b - o) / (double) b;
    }

    private static int repackMoves(ComponentSearch[] searches) {
        int moves = 0;
        for (ComponentSearch s : searches) {
            moves += s.repackMoves();
        }
        return moves;
    }

    private static int lnsMoves(ComponentSearch[] searches) {
        int moves = 0;
        for (ComponentSearch s : searches) {
            moves += s.lnsMoves();
        }
        return moves;
    }
}
