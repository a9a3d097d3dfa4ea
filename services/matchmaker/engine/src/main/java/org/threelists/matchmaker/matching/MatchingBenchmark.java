package org.threelists.matchmaker.matching;

/**
 * Prints solve time, objective, bounds and gap on generated instances.
 * {@code java -cp … org.threelists.matchmaker.matching.MatchingBenchmark [demands resources [timeLimitSeconds [seed]]]}
 * (default: 1000×100 and 10000×1000, 30 s).
 */
public final class MatchingBenchmark {

    private MatchingBenchmark() {
    }

    public static void main(String[] args) {
        double limit = args.length > 2 ? Double.parseDouble(args[2]) : 30;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        int[][] sizes = args.length >= 2
                ? new int[][] {{Integer.parseInt(args[0]), Integer.parseInt(args[1])}}
                : new int[][] {{1000, 100}, {10_000, 1000}};
        for (int[] size : sizes) {
            System.out.println(run(seed, size[0], size[1], limit));
        }
    }

    public static String run(long seed, int demands, int resources, double timeLimitSeconds) {
        long g = System.nanoTime();
        MatchingInstance instance = new InstanceGenerator(seed, demands, resources).generate();
        long genMillis = (System.nanoTime() - g) / 1_000_000;
        int pairs = MatchingEngine.pairCounts(instance).get("pairs");
        StringBuilder out = new StringBuilder();
        out.append(String.format("%d×%d seed %d: %d feasible pairs (%.1f per demand), generated in %d ms%n",
                demands, resources, seed, pairs, pairs / (double) Math.max(1, demands), genMillis));
        MatchingPlan flow = new MatchingEngine(new MatchingEngine.Options(0, 1, false)).plan(instance);
        out.append(String.format("  flow-rounding: %6d ms  objective %.4f  flow bound %.4f  gap %.4f%%  matched %d%n",
                flow.solveMillis(), flow.objective(), flow.flowBound(), 100 * flow.gap(), flow.assignments().size()));
        MatchingPlan plan = new MatchingEngine(new MatchingEngine.Options(timeLimitSeconds, 8, true)).plan(instance);
        out.append(String.format("  %s: %6d ms  objective %.4f  bound %.4f (flow bound %.4f)  gap %.4f%%  matched %d"
                        + "  projects %d",
                plan.method(), plan.solveMillis(), plan.objective(), plan.upperBound(), plan.flowBound(),
                100 * plan.gap(), plan.assignments().size(), plan.projects().size()));
        return out.toString();
    }
}
