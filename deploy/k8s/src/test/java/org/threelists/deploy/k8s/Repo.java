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

    /** The services that have a module: the Deployments must be exactly these. */
    static List<String> services() {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("services"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
