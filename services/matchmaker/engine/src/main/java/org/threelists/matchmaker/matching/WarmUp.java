package org.threelists.matchmaker.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

/**
 * The engine made warm before its first real plan: a JVM's first plan pays for loading the engine's classes, for
 * running them interpreted and for their JIT, more than a street's whole 0.2 s limit (services/matchmaker/engine/
 * README.md, "A warm first plan"). So the first engine a JVM constructs plans a synthetic street office — the steps
 * of a real plan: pairs, flows, greedy starts, pulls, chains, two-resource re-packs, a Lagrangian bound, bundles,
 * explanations, then new demands planned from the plan and a settlement — {@value #PLANS} times. Once per JVM, like
 * the native libraries. CP-SAT is left out: its native solver is made ready with the native libraries, and its
 * neighbourhood search would take whatever time a plan has left.
 *
 * <p>The street office is generated from a fixed seed: {@value #DEMANDS} demands in streets of the demo world's
 * sizes, about 20 candidate resources each among {@value #RESOURCES}, capacity three quarters of the hours asked, a
 * quarter of the demands requiring a skill, most with a window: the proportions of tools/matching-lab's STANDARD
 * shape, with codes of its own.
 */
final class WarmUp {

    static final int DEMANDS = 1000;
    static final int RESOURCES = 100;
    /** The communities of each street: the demo world's (contracts/reference/communities.json). */
    static final int[] STREETS = {1, 3, 1, 1, 1, 1};
    /**
     * The limit of each synthetic plan. Its search has no target gap and no CP-SAT, so it runs the pulls, chains and
     * two-resource re-packs to their local optimum (about 0.3 s of one thread, cold) and a few Lagrangian rounds,
     * then stops: the work, not the limit, ends it on a quiet machine; the limit bounds it on a loaded one.
     */
    static final double PLAN_SECONDS = 1.0;
    /**
     * Synthetic plans: in the first the JIT compiles the re-packs' loops from a profile of few tries, and some of it
     * is thrown away when a branch not yet seen is taken; after the second, a real plan runs as fast as a JVM's
     * later plans (RepackCurve, run 0 with {@code --warm-up}).
     */
    static final int PLANS = 2;
    /** Demands added one at a time after each plan: the re-plan's own path (Problem.withDemand, WarmStart). */
    static final int ADDS = 8;
    /** No synthetic plan starts after this long (a loaded machine): the warm-up is construction time. */
    static final long BUDGET_NANOS = 6_000_000_000L;

    private static final String[] CATEGORIES = {"C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C09",
        "C10", "C11", "C12", "C13"};
    private static final String[] SKILLS = {"s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"};
    private static final LocalDate START = LocalDate.of(2026, 12, 1);

    private WarmUp() {
    }

    private static final class Holder {
        static final long NANOS = run();

        static void ensure() {
            // class initialisation above: once per JVM, thread-safe; a second engine waits for the first's warm-up
        }
    }

    /** Warms the engine once per JVM (the first call runs it; later calls return at once). */
    static void ensure() {
        Holder.ensure();
    }

    private static volatile boolean done;

    /** Whether this JVM's warm-up has run. */
    static boolean done() {
        return done;
    }

    /** How long this JVM's warm-up took, in nanoseconds (runs it if it has not run). */
    static long nanos() {
        return Holder.NANOS;
    }

    private static long run() {
        long started = System.nanoTime();
        MatchingEngine engine = new MatchingEngine(new MatchingEngine.Options(PLAN_SECONDS, 2, false, 0), false);
        for (int round = 0; round < PLANS && System.nanoTime() - started < BUDGET_NANOS
                && !org.threelists.matchmaker.matching.model.Deadline.stopping(); round++) {
            MatchingInstance whole = instance(round);
            int kept = whole.demands().size() - ADDS;
            PlannedInstance planned = engine.planKeepingState(
                    new MatchingInstance(whole.demands().subList(0, kept), whole.resources()));
            read(planned.plan());
            for (DemandInput added : whole.demands().subList(kept, whole.demands().size())) {
                read(planned.addDemand(added));
            }
            List<String> settled = new ArrayList<>();
            for (Assignment a : planned.assignedPlan().assignments()) {
                if (settled.size() < DEMANDS / 10) {
                    settled.add(a.demandId());
                }
            }
            planned.settle(settled);
            read(planned.assignedPlan());
        }
        done = true;
        return System.nanoTime() - started;
    }

    /** Reads the explanations as the matchmaker does, so that the explainer warms too. */
    private static void read(MatchingPlan plan) {
        for (Assignment a : plan.assignments()) {
            a.alternatives().size();
        }
        plan.projects().size();
    }

    /**
     * The synthetic street office of a round (a different seed per round: different re-packs); the last
     * {@value #ADDS} demands are the ones added after the plan. Its streets have the demo world's numbers of
     * communities ({@link #STREETS}); a unit serves part of its own street, so each street is a component, as in a
     * real city.
     */
    static MatchingInstance instance(int round) {
        Random rnd = new Random(20261206L + round);
        List<String> communities = new ArrayList<>();
        List<String> streetOf = new ArrayList<>();
        for (int s = 0; s < STREETS.length; s++) {
            for (int c = 0; c < STREETS[s]; c++) {
                communities.add("warm-up-" + s + "-" + c);
                streetOf.add("warm-up-" + s);
            }
        }
        List<DemandInput> ds = new ArrayList<>();
        double hours = 0;
        for (int i = 0; i < DEMANDS + ADDS; i++) {
            int c = rnd.nextInt(communities.size());
            DemandInput d = demand(rnd, "warm-up-d" + i, communities.get(c), streetOf.get(c));
            hours += d.estimatedHours();
            ds.add(d);
        }
        // about 20 candidates per demand: a resource offers k of the 13 categories (tools/matching-lab's
        // InstanceGenerator); a unit, and its resources, in one street, weighted by its communities
        double k = Math.min(CATEGORIES.length, 20.0 * CATEGORIES.length / (0.85 * RESOURCES / communities.size()));
        int units = RESOURCES / 3;
        int[] unitStreet = new int[units];
        for (int u = 0; u < units; u++) {
            String street = streetOf.get(rnd.nextInt(streetOf.size()));
            unitStreet[u] = Integer.parseInt(street.substring("warm-up-".length()));
        }
        List<ResourceInput> rs = new ArrayList<>();
        for (int j = 0; j < RESOURCES; j++) {
            int u = j % units;
            List<String> area = new ArrayList<>();
            for (int c = 0; c < STREETS[unitStreet[u]]; c++) {
                area.add("warm-up-" + unitStreet[u] + "-" + c);
            }
            java.util.Collections.shuffle(area, rnd);
            area = area.subList(0, 1 + rnd.nextInt(area.size()));
            int count = Math.max(1, Math.min(CATEGORIES.length, (int) Math.floor(k + rnd.nextDouble())));
            rs.add(resource(rnd, "warm-up-r" + j, "warm-up-u" + u, area, count,
                    Math.max(8.0, 0.75 * hours / RESOURCES * (0.5 + rnd.nextDouble()))));
        }
        return new MatchingInstance(ds, rs);
    }

    private static DemandInput demand(Random rnd, String id, String community, String street) {
        double u = rnd.nextDouble();
        Urgency urgency = u < 0.2 ? Urgency.LOW : u < 0.7 ? Urgency.NORMAL : u < 0.9 ? Urgency.HIGH : Urgency.CRITICAL;
        double hours = 0.5 * (1 + rnd.nextInt(16));
        List<String> skills = rnd.nextDouble() < 0.25 ? List.of(SKILLS[rnd.nextInt(SKILLS.length)]) : List.of();
        LocalDate from = null;
        LocalDate until = null;
        if (rnd.nextDouble() < 0.7) {
            from = START.plusDays(rnd.nextInt(120));
            until = from.plusDays(rnd.nextInt(30));
        }
        boolean overdue = rnd.nextDouble() < 0.05;
        return new DemandInput(id, community, street, CATEGORIES[rnd.nextInt(CATEGORIES.length)], skills, urgency,
                hours, from, until, until == null ? null : overdue ? START.minusDays(1) : until, overdue);
    }

    private static ResourceInput resource(Random rnd, String id, String unit, List<String> area, int categories,
                                           double capacity) {
        List<String> shuffled = new ArrayList<>(List.of(CATEGORIES));
        java.util.Collections.shuffle(shuffled, rnd);
        LinkedHashSet<String> skills = new LinkedHashSet<>();
        for (int s = rnd.nextInt(4); s > 0; s--) {
            skills.add(SKILLS[rnd.nextInt(SKILLS.length)]);
        }
        LocalDate from = null;
        LocalDate until = null;
        if (rnd.nextBoolean()) {
            from = START.plusDays(rnd.nextInt(60));
            until = from.plusDays(30 + rnd.nextInt(120));
        }
        Double rating = rnd.nextDouble() < 0.2 ? null : 1.0 + rnd.nextInt(9) * 0.5;
        return new ResourceInput(id, unit, shuffled.subList(0, categories), List.copyOf(skills), area, from, until,
                Math.round(capacity * 2) / 2.0, rating, (double) rnd.nextInt(81));
    }
}
