package org.threelists.matchmaker.lab;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.threelists.matchmaker.matching.DemandInput;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.ResourceInput;
import org.threelists.matchmaker.matching.Urgency;

/**
 * Seeded generator of sparse, realistic matching instances (the same seed and sizes give the same instance).
 *
 * <p>The world is the demo world of contracts/reference: {@link #STREETS} (street → communities, from
 * communities.json) and {@link #CATEGORIES} (categories.json); a test checks these copies against the files. Skills
 * are free-text tags in the contracts; the generator uses the small vocabulary {@link #SKILLS}.
 *
 * <ul>
 *   <li>World: the demo world holds 8 communities, which cannot give a sparse instance beyond about 1,500 resources
 *       (every resource offers at least one category in at least one community). An instance with more resources
 *       is a city of {@code W = round(resources / 1000)} districts, each a copy of the demo world whose street and
 *       community codes get the suffix {@code -NN} (district number, from 01); up to 1,499 resources it is the demo
 *       world itself, with its plain codes. Units serve only their own street, so a city decomposes by street.</li>
 *   <li>Units: one per 3 resources, each in one street (streets weighted by their number of communities), with a
 *       rating 1..5 (unknown for 20%) and a load of 0–80 hours.</li>
 *   <li>Resources: serve a non-empty subset of their unit's street's communities (the first is the unit's home);
 *       categories are drawn so that a demand has on average about {@code candidatesPerDemand} resources of its
 *       community and category (capped by the 13 categories); 0–3 skills; half have an availability range inside
 *       Dec 2026–Mar 2027.</li>
 *   <li>Demands: urgency LOW 20% / NORMAL 50% / HIGH 20% / CRITICAL 10%, 5% overdue; 0.5–8 hours in half hours;
 *       25% require one skill; 70% have a window of 1–30 days.</li>
 *   <li>Capacity: the resources together have about 75% of the demanded hours (so capacity binds), each at least
 *       8 hours.</li>
 * </ul>
 */
public final class InstanceGenerator {

    /** Street office → its communities, as in contracts/reference/communities.json. */
    public static final Map<String, List<String>> STREETS = Map.of(
            "shuangma", List.of("xintangli"),
            "heping", List.of("lianqiao", "dingzikou", "huahuaqiao"),
            "qingshan", List.of("xihuxincun"),
            "dianqian", List.of("jiafu"),
            "wangchenglu", List.of("tongyuan"),
            "manglinglu", List.of("zhongxin014"));
    /** The category codes of contracts/reference/categories.json. */
    public static final List<String> CATEGORIES = List.of("ELDER_CARE", "CHILD_CARE", "HEALTH", "LEGAL_ADVICE",
            "POLICY_CONSULTATION", "SANITATION", "FACILITY_REPAIR", "SAFETY", "DISPUTE_MEDIATION", "HARDSHIP_HELP",
            "CULTURE_FESTIVALS", "EMPLOYMENT", "OTHER");
    public static final List<String> SKILLS = List.of("nurse", "doctor", "lawyer", "electrician", "plumber",
            "teacher", "social-worker", "driver");
    private static final LocalDate HORIZON_START = LocalDate.of(2026, 12, 1);
    private static final int HORIZON_DAYS = 120;

    private final long seed;
    private final int demands;
    private final int resources;
    private final int candidatesPerDemand;
    private final Shape shape;

    public InstanceGenerator(long seed, int demands, int resources, int candidatesPerDemand) {
        this(seed, demands, resources, candidatesPerDemand, Shape.STANDARD);
    }

    /** A street of the given shape, with the shape's number of candidates per demand. */
    public InstanceGenerator(long seed, int demands, int resources, Shape shape) {
        this(seed, demands, resources, shape.candidatesPerDemand, shape);
    }

    private InstanceGenerator(long seed, int demands, int resources, int candidatesPerDemand, Shape shape) {
        if (demands < 0 || resources < 1 || candidatesPerDemand < 1) {
            throw new IllegalArgumentException("need demands ≥ 0, resources ≥ 1, candidatesPerDemand ≥ 1");
        }
        this.seed = seed;
        this.demands = demands;
        this.resources = resources;
        this.candidatesPerDemand = candidatesPerDemand;
        this.shape = shape;
    }

    public InstanceGenerator(long seed, int demands, int resources) {
        this(seed, demands, resources, 20);
    }

    public MatchingInstance generate() {
        Random rnd = new Random(seed);
        List<String> streets = STREETS.keySet().stream().sorted().toList();
        int districts = districts(resources);
        List<String> weightedStreets = new ArrayList<>();
        List<String> communities = new ArrayList<>();
        Map<String, String> streetOf = new java.util.HashMap<>();
        Map<String, List<String>> communitiesOf = new java.util.HashMap<>();
        for (int w = 1; w <= districts; w++) {
            for (String s : streets) {
                String street = code(s, w, districts);
                for (String c : STREETS.get(s)) {
                    for (int compound = 0; compound < shape.compoundsPerCommunity; compound++) {
                        String community = code(c, w, districts)
                                + (shape.compoundsPerCommunity == 1 ? "" : "-" + (char) ('a' + compound));
                        weightedStreets.add(street);
                        communities.add(community);
                        streetOf.put(community, street);
                        communitiesOf.computeIfAbsent(street, k -> new ArrayList<>()).add(community);
                    }
                }
            }
        }
        // demands first: their hours size the capacity
        List<DemandInput> ds = new ArrayList<>(demands);
        double totalHours = 0;
        for (int i = 0; i < demands; i++) {
            String community = communities.get(rnd.nextInt(communities.size()));
            double u = rnd.nextDouble();
            Urgency urgency = u < 0.2 ? Urgency.LOW : u < 0.7 ? Urgency.NORMAL : u < 0.9 ? Urgency.HIGH
                    : Urgency.CRITICAL;
            double hours = 0.5 * (1 + rnd.nextInt(shape.halfHours));
            totalHours += hours;
            List<String> skills = rnd.nextDouble() < shape.skillShare ? List.of(SKILLS.get(rnd.nextInt(SKILLS.size()))) : List.of();
            LocalDate start = null;
            LocalDate end = null;
            if (rnd.nextDouble() < 0.7) {
                start = HORIZON_START.plusDays(rnd.nextInt(HORIZON_DAYS));
                end = start.plusDays(rnd.nextInt(30));
            }
            boolean overdue = rnd.nextDouble() < 0.05;
            LocalDate deadline = end == null ? null : overdue ? HORIZON_START.minusDays(1 + rnd.nextInt(10)) : end;
            ds.add(new DemandInput(String.format("d-%06d", i), community, streetOf.get(community),
                    demandCategory(rnd), skills, urgency, hours, start, end, deadline,
                    overdue));
        }
        // a resource of a community covers `k` categories; a demand then sees about
        // resourcesPerCommunity · k / 13 · (skill and window pass rate ≈ 0.85) candidates
        double resourcesPerCommunity = resources / (double) communities.size();
        double k = Math.min(CATEGORIES.size(), candidatesPerDemand * CATEGORIES.size() / (0.85 * resourcesPerCommunity));
        int units = Math.max(1, resources / 3);
        String[] unitStreet = new String[units];
        Double[] unitRating = new Double[units];
        double[] unitLoad = new double[units];
        for (int u = 0; u < units; u++) {
            unitStreet[u] = weightedStreets.get(rnd.nextInt(weightedStreets.size()));
            unitRating[u] = rnd.nextDouble() < 0.2 ? null : 1.0 + rnd.nextInt(9) * 0.5;
            unitLoad[u] = rnd.nextInt(81);
        }
        // the dominant unit of a street (DOMINANT_UNIT): the first unit drawn in it
        boolean[] dominant = new boolean[units];
        if (shape.dominantWeight > 1) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int u = 0; u < units; u++) {
                dominant[u] = seen.add(unitStreet[u]);
            }
        }
        double weights = 0;
        for (int j = 0; j < resources; j++) {
            weights += dominant[j % units] ? shape.dominantWeight : 1;
        }
        double capacityPerWeight = shape.capacityShare * totalHours / weights;
        List<ResourceInput> rs = new ArrayList<>(resources);
        for (int j = 0; j < resources; j++) {
            int u = j % units;
            List<String> streetCommunities = new ArrayList<>(communitiesOf.get(unitStreet[u]));
            java.util.Collections.shuffle(streetCommunities, rnd);
            List<String> area = streetCommunities.subList(0, 1 + rnd.nextInt(streetCommunities.size()));
            int count = Math.max(1, Math.min(CATEGORIES.size(), (int) Math.floor(k + rnd.nextDouble())));
            if (dominant[u]) {
                area = streetCommunities; // a hospital or a state enterprise serves its whole street, in every field
                count = CATEGORIES.size();
            }
            List<String> shuffled = new ArrayList<>(CATEGORIES);
            java.util.Collections.shuffle(shuffled, rnd);
            List<String> categories = List.copyOf(shuffled.subList(0, count));
            LinkedHashSet<String> skills = new LinkedHashSet<>();
            int skillCount = rnd.nextInt(4);
            for (int s = 0; s < skillCount; s++) {
                skills.add(SKILLS.get(rnd.nextInt(SKILLS.size())));
            }
            LocalDate from = null;
            LocalDate until = null;
            if (rnd.nextBoolean()) {
                from = HORIZON_START.plusDays(rnd.nextInt(HORIZON_DAYS / 2));
                until = from.plusDays(30 + rnd.nextInt(HORIZON_DAYS));
            }
            double capacityPerResource = Math.max(8.0, capacityPerWeight * (dominant[u] ? shape.dominantWeight : 1));
            double capacity = Math.round(capacityPerResource * (0.5 + rnd.nextDouble()) * 2) / 2.0;
            rs.add(new ResourceInput(String.format("res-%05d", j), String.format("unit-gen-%04d", u), categories,
                    List.copyOf(skills), List.copyOf(area), from, until, Math.max(8.0, capacity), unitRating[u],
                    unitLoad[u]));
        }
        return new MatchingInstance(ds, rs, null, null);
    }

    /** Uniform over the categories, or (ELDERLY_TINY_COMMUNITIES) 60 % elderly care, 20 % health, 20 % any. */
    private String demandCategory(Random rnd) {
        if (shape.elderlyDemand) {
            double x = rnd.nextDouble();
            if (x < 0.6) {
                return "ELDER_CARE";
            }
            if (x < 0.8) {
                return "HEALTH";
            }
        }
        return CATEGORIES.get(rnd.nextInt(CATEGORIES.size()));
    }

    /** How many copies of the demo world an instance with this many resources spans (see the class comment). */
    static int districts(int resources) {
        return Math.max(1, (int) Math.round(resources / 1000.0));
    }

    private static String code(String base, int district, int districts) {
        return districts == 1 ? base : String.format("%s-%02d", base, district);
    }
}
