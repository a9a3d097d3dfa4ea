package org.threelists.localstack;

import java.nio.file.Path;

/**
 * One service of the system as the local stack runs it.
 *
 * @param name     the folder under services/, e.g. demand-list
 * @param port     its HTTP port
 * @param database the PostgreSQL database it owns
 */
public record ServiceSpec(String name, int port, String database) {

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The Quarkus fast-jar runner that {@code ./mvnw install} builds for this service. */
    public Path runJar(Path repoRoot) {
        return repoRoot.resolve("services").resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
