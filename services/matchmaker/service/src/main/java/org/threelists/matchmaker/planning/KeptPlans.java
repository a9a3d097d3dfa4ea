package org.threelists.matchmaker.planning;

import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.matchmaker.matching.PlannedInstance;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each street's plan kept in memory between re-plans (services/matchmaker/service/README.md, "Re-planning"): the
 * engine's planned instance of the street's demands not yet proposed and of what is left of its offers, the street
 * version it reflects and the day it was planned for. A newly listed demand is planned from it in milliseconds; when
 * anything else changed the street, it is planned afresh from the read models and kept again.
 */
@ApplicationScoped
public class KeptPlans {

    /** One street's kept plan; only the street's re-plan (one at a time per street) changes it. */
    static final class KeptPlan {
        final PlannedInstance planned;
        final LocalDate day;
        long version;

        KeptPlan(PlannedInstance planned, LocalDate day, long version) {
            this.planned = planned;
            this.day = day;
            this.version = version;
        }
    }

    private final Map<String, KeptPlan> plans = new ConcurrentHashMap<>();

    KeptPlan of(String street) {
        return plans.get(street);
    }

    void keep(String street, KeptPlan plan) {
        plans.put(street, plan);
    }

    /** Forgets the street's plan unless another plan replaced it meanwhile. */
    void drop(String street, KeptPlan plan) {
        plans.remove(street, plan);
    }

    void drop(String street) {
        plans.remove(street);
    }

    /** How many streets have a plan kept. */
    public int size() {
        return plans.size();
    }
}
