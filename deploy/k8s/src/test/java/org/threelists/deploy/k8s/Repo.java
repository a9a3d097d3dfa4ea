package org.threelists.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where things are: this module (deploy/k8s) and the repository root around it. */
final class Repo {

    /** deploy/k8s: Surefire runs the tests with the module as working directory. */
    static final Path MODULE = locateModule();
    static final Path ROOT = MODULE.resolve("../..").normalize();
    static final Path BASE = MODULE.resolve("base");
    static final Path OVERLAYS = MODULE.resolve("overlays");
    static final List<String> OVERLAY_NAMES = List.of("local", "production");

    private Repo() {
    }

    private static Path locateModule() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate : List.of(dir, dir.resolve("deploy/k8s"))) {
            if (Files.isRegularFile(candidate.resolve("base/kustomization.yaml"))) {
                return candidate.normalize();
            }
        }
        throw new IllegalStateException("Run the tests from deploy/k8s (or the repository root), not " + dir);
    }

    static Path overlay(String name) {
        return OVERLAYS.resolve(name);
    }

    /** Every YAML file under a directory, sorted. */
    static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The deployable services: modules under services/ whose application.properties names a
     * threelists.service-name (a library such as services/matchmaker/engine has none). Name → module directory.
     * Only module directories are visited (services/x, services/x/y): never a module's sources or build output, which
     * the parallel build changes while this runs.
     */
    static java.util.Map<String, Path> serviceModules() {
        java.util.Map<String, Path> services = new java.util.TreeMap<>();
        try {
            Files.walkFileTree(ROOT.resolve("services"), java.util.Set.of(), 3, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path dir,
                        java.nio.file.attribute.BasicFileAttributes attributes) {
                    String name = dir.getFileName().toString();
                    if (name.equals("target") || name.equals("src") || name.startsWith(".")) {
                        return java.nio.file.FileVisitResult.SKIP_SUBTREE;
                    }
                    Path properties = dir.resolve("src/main/resources/application.properties");
                    if (Files.isRegularFile(properties)) {
                        read(properties).lines().map(String::trim).filter(l -> l.startsWith("threelists.service-name="))
                                .map(l -> l.substring("threelists.service-name=".length()).trim())
                                .forEach(service -> services.put(service, dir));
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException failure) {
                    // a module's build output may vanish while it is looked at: it is not a module
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return services;
    }

    static List<String> services() {
        return List.copyOf(serviceModules().keySet());
    }
}
