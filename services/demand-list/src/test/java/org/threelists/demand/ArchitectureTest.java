package org.threelists.demand;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threelists.testing.architecture.ArchitectureRules;

/**
 * The layers of the demand list keep their directions (docs/architecture.md; services/demand-list/README.md,
 * "Where in the code"): the domain knows no edge, the edges reach the aggregate only through its commands, the use
 * cases know no edge, the packages form no cycle, no other service is imported, and the libraries know no service.
 */
class ArchitectureTest {

    private static final String ROOT = "org.threelists.demand";

    private static JavaClasses demandList;

    @BeforeAll
    static void importClasses() {
        demandList = ArchitectureRules.serviceClasses(ROOT);
    }

    @Test
    void the_domain_knows_no_http_kafka_nor_the_layers_around_it() {
        ArchitectureRules.domainKnowsNoEdge(ROOT).check(demandList);
    }

    @Test
    void rest_and_kafka_reach_the_demand_only_through_its_commands() {
        ArchitectureRules.edgesDoNotTouchAggregates(ROOT).check(demandList);
    }

    @Test
    void the_use_cases_know_neither_rest_nor_kafka_handlers() {
        ArchitectureRules.servicesKnowNoEdge(ROOT).check(demandList);
    }

    @Test
    void the_packages_form_no_cycle() {
        ArchitectureRules.noPackageCycles(ROOT).check(demandList);
    }

    @Test
    void no_other_service_is_imported() {
        ArchitectureRules.noOtherService(ROOT).check(demandList);
    }

    @Test
    void the_platform_and_the_test_library_know_no_service_nor_tool() {
        ArchitectureRules.librariesKnowNoServiceNorTool().check(ArchitectureRules.libraryClasses());
    }
}
