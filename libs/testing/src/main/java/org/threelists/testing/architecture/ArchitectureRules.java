package org.threelists.testing.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering every service keeps (docs/architecture.md, "Where the code lives"): the domain knows nothing of HTTP
 * or Kafka, the REST and messaging edges reach the domain only through commands, queries, values and its
 * exceptions, packages form no cycles, no service imports another, the platform imports no service and no library
 * imports a tool. Each service's {@code ArchitectureTest} checks these rules against its own classes.
 */
public final class ArchitectureRules {

    /** The root package of every service; the platform and the test library sit beside them. */
    public static final List<String> SERVICE_PACKAGES = List.of(
            "org.threelists.demand", "org.threelists.resource", "org.threelists.matchmaker", "org.threelists.ledger");

    private static final String[] EDGE_TYPES = {
            "jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx..", "io.quarkus.vertx.http..",
            "org.apache.kafka..", "io.cloudevents..", "org.threelists.platform.problem..",
            "org.threelists.platform.inbox..", "org.threelists.platform.relay.."};

    private ArchitectureRules() {
    }

    /** The production classes of one service (tests excluded). */
    public static JavaClasses serviceClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /** The platform's and the test library's classes, as they are on the classpath (in jars when built by Maven). */
    public static JavaClasses libraryClasses() {
        return new ClassFileImporter().importPackages("org.threelists.platform", "org.threelists.testing");
    }

    /** The domain throws its own exceptions and speaks in commands and events, not in requests, records or problems. */
    public static ArchRule domainKnowsNoEdge(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(EDGE_TYPES,
                        rootPackage + ".api..", rootPackage + ".messaging..", rootPackage + ".projection..",
                        rootPackage + ".service.."))
                .because("the domain is free of HTTP, Kafka and the layers around it (docs/architecture.md)");
    }

    /** The edges send commands and ask queries; they never hold an aggregate or apply its events themselves. */
    public static ArchRule edgesDoNotTouchAggregates(String rootPackage) {
        return noClasses().that().resideInAnyPackage(rootPackage + ".api..", rootPackage + ".messaging..")
                .should().dependOnClassesThat(aggregates())
                .because("REST and Kafka reach an aggregate only through its commands (docs/architecture.md)");
    }

    /** The application layer is called by the edges, never the other way round. */
    public static ArchRule servicesKnowNoEdge(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + ".service..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        rootPackage + ".api..", rootPackage + ".messaging..", "jakarta.ws.rs..", "org.jboss.resteasy..")
                .because("use cases are called by REST and by messaging alike (docs/architecture.md)");
    }

    /** No cycles between the first-level packages of a service. */
    public static ArchRule noPackageCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles();
    }

    /** A service talks to another only through contracts and Kafka, never through its classes. */
    public static ArchRule noOtherService(String rootPackage) {
        String[] others = SERVICE_PACKAGES.stream().filter(p -> !p.equals(rootPackage)).map(p -> p + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(rootPackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("each service is one bounded context (docs/architecture.md)");
    }

    /** The platform and the test library serve every service and know none of them, nor the tools. */
    public static ArchRule librariesKnowNoServiceNorTool() {
        String[] forbidden = concat(SERVICE_PACKAGES.stream().map(p -> p + "..").toArray(String[]::new),
                "org.threelists.localstack..", "org.threelists.bench..");
        return noClasses().that().resideInAnyPackage("org.threelists.platform..", "org.threelists.testing..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("libraries depend on nothing above them (docs/architecture.md)");
    }

    private static DescribedPredicate<JavaClass> aggregates() {
        return DescribedPredicate.describe("aggregates (classes with an @AggregateIdentifier field)",
                c -> c.getAllFields().stream().anyMatch(f -> f.isAnnotatedWith(
                        "org.axonframework.modelling.command.AggregateIdentifier")));
    }

    private static String[] concat(String[] first, String... more) {
        return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
    }
}
