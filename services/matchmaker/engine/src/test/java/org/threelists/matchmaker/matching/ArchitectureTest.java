package org.threelists.matchmaker.matching;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine stays a plain library in parts (services/matchmaker/engine/README.md, "Where in the code"): no
 * framework, none of the services' platform, no cycles between its parts, and the problem model knows none of the
 * algorithms that work on it.
 */
class ArchitectureTest {

    private static final String ENGINE = "org.threelists.matchmaker.matching";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ENGINE);

    @Test
    void theEngineKnowsNoFrameworkNorThePlatform() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta..", "org.axonframework..", "org.apache.kafka..", "io.smallrye..",
                        "org.threelists.platform..", "org.threelists.matchmaker.lab..")
                .because("the engine is a plain Java library: the matchmaker service and the tools call it, "
                        + "never the other way round")
                .check(CLASSES);
    }

    @Test
    void thePartsFormNoCycles() {
        slices().matching(ENGINE + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theModelKnowsNoAlgorithm() {
        noClasses().that().resideInAPackage(ENGINE + ".model..")
                .should().dependOnClassesThat().resideInAnyPackage(ENGINE + ".relaxation..", ENGINE + ".search..",
                        ENGINE + ".exact..", ENGINE + ".explain..", ENGINE + ".bundling..", ENGINE + ".solve..",
                        ENGINE + ".nativelib..")
                .check(CLASSES);
    }

    @Test
    void onlyTheFacadeAndTheSolverOrchestrate() {
        noClasses().that().resideOutsideOfPackages(ENGINE, ENGINE + ".solve..")
                .should().dependOnClassesThat().resideInAPackage(ENGINE + ".solve..")
                .because("the parts are called by the solve step, not by each other's orchestration")
                .check(CLASSES);
    }
}
