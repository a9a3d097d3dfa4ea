package org.threelists.localstack;

import java.nio.file.Path;

/**
 * One service of the system as the local stack runs it.
 *
 * @param name     its service name ({@code threelists.service-name}), e.g. demand-list
 * @param port     its HTTP port
 * @param database the PostgreSQL database it owns
 * @param module   its Maven module, relative to services/: usually the name, {@code matchmaker/service} for the
 *                 matchmaker (whose folder also holds the engine library)
 */
public record ServiceSpec(String name, int port, String database, String module) {

    /** A service whose module is the folder of its name under services/. */
    public ServiceSpec(String name, int port, String database) {
        this(name, port, database, name);
    }

    /** The same service on another HTTP port. */
    public ServiceSpec onPort(int otherPort) {
        return new ServiceSpec(name, otherPort, database, module);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The Quarkus fast-jar runner that {@code ./mvnw install} builds for this service. */
    public Path runJar(Path repoRoot) {
        return repoRoot.resolve("services").resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
