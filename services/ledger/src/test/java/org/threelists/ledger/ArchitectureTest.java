package org.threelists.ledger;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.threelists.testing.architecture.ArchitectureRules;

/** The ledger keeps the layering of docs/architecture.md ("Where the code lives"); plain JUnit, no Quarkus. */
class ArchitectureTest {

    private static final String ROOT = "org.threelists.ledger";
    private static final JavaClasses CLASSES = ArchitectureRules.serviceClasses(ROOT);

    @Test
    void the_domain_knows_no_http_kafka_nor_the_layers_around_it() {
        ArchitectureRules.domainKnowsNoEdge(ROOT).check(CLASSES);
    }

    @Test
    void rest_and_messaging_reach_the_monthly_summary_only_through_its_commands() {
        ArchitectureRules.edgesDoNotTouchAggregates(ROOT).check(CLASSES);
    }

    @Test
    void the_use_cases_know_neither_rest_nor_messaging() {
        ArchitectureRules.servicesKnowNoEdge(ROOT).check(CLASSES);
    }

    @Test
    void packages_form_no_cycles() {
        ArchitectureRules.noPackageCycles(ROOT).check(CLASSES);
    }

    @Test
    void the_ledger_imports_no_other_service() {
        ArchitectureRules.noOtherService(ROOT).check(CLASSES);
    }
}
