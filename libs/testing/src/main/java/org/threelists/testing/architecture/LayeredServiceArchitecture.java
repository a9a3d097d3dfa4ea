package org.threelists.testing.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The layering every service keeps (docs/architecture.md, "The services"), as tests: a service's
 * {@code ArchitectureTest} extends this with its root package. Plain JUnit, no Quarkus: the classes are read from
 * the compiled output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LayeredServiceArchitecture {

    private final String root;
    private JavaClasses classes;

    protected LayeredServiceArchitecture(String root) {
        this.root = root;
    }

    @BeforeAll
    void importClasses() {
        classes = ArchitectureRules.serviceClasses(root);
    }

    @Test
    void the_domain_knows_no_edge() {
        ArchitectureRules.domainKnowsNoEdge(root).check(classes);
    }

    @Test
    void rest_and_messaging_reach_aggregates_only_through_their_commands() {
        ArchitectureRules.edgesDoNotTouchAggregates(root).check(classes);
    }

    @Test
    void the_use_cases_know_neither_rest_nor_messaging() {
        ArchitectureRules.servicesKnowNoEdge(root).check(classes);
    }

    @Test
    void packages_form_no_cycles() {
        ArchitectureRules.noPackageCycles(root).check(classes);
    }

    @Test
    void no_other_service_is_imported() {
        ArchitectureRules.noOtherService(root).check(classes);
    }
}
