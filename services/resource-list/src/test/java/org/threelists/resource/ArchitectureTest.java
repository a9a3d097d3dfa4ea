package org.threelists.resource;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threelists.testing.architecture.ArchitectureRules;

/**
 * The layering of the resource list (docs/architecture.md; services/resource-list/README.md, "Where in the code"):
 * the domain knows no edge, REST and Kafka reach the aggregates only through commands and the use cases, the use
 * cases know no edge, the packages form no cycle, and no other service's class is used.
 */
class ArchitectureTest {

    private static final String ROOT = "org.threelists.resource";

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
    void rest_and_messaging_do_not_touch_aggregates() {
        ArchitectureRules.edgesDoNotTouchAggregates(ROOT).check(classes);
    }

    @Test
    void the_use_cases_know_no_edge() {
        ArchitectureRules.servicesKnowNoEdge(ROOT).check(classes);
    }

    @Test
    void packages_form_no_cycle() {
        ArchitectureRules.noPackageCycles(ROOT).check(classes);
    }

    @Test
    void no_other_service_is_used() {
        ArchitectureRules.noOtherService(ROOT).check(classes);
    }
}
