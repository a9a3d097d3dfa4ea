package org.threelists.matchmaker;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threelists.testing.architecture.ArchitectureRules;

/**
 * The matchmaker's layers keep their directions (docs/architecture.md, README "Where in the code"): the domain knows
 * no edge, REST and Kafka reach the Project aggregate only through its commands, the application layer
 * ({@code service}) knows neither REST nor messaging, no package cycles, no other service's classes.
 */
class ArchitectureTest {

    private static final String ROOT = "org.threelists.matchmaker";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ArchitectureRules.serviceClasses(ROOT);
    }

    @Test
    void the_domain_knows_no_edge() {
        ArchitectureRules.domainKnowsNoEdge(ROOT).check(classes);
    }

    @Test
    void rest_and_messaging_do_not_touch_the_aggregate() {
        ArchitectureRules.edgesDoNotTouchAggregates(ROOT).check(classes);
    }

    @Test
    void the_use_cases_know_no_edge() {
        ArchitectureRules.servicesKnowNoEdge(ROOT).check(classes);
    }

    @Test
    void packages_form_no_cycles() {
        ArchitectureRules.noPackageCycles(ROOT).check(classes);
    }

    @Test
    void no_other_service_is_imported() {
        ArchitectureRules.noOtherService(ROOT).check(classes);
    }
}
