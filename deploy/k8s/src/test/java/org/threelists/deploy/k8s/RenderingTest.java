package org.threelists.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The overlays render, with the renderer of the test and, where one is installed, with the real kustomize. */
class RenderingTest {

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theOverlayRendersTheWholeSystem(String overlay) {
        Map<String, Long> kinds = Kustomize.render(Repo.overlay(overlay)).stream()
                .collect(Collectors.groupingBy(n -> n.path("kind").asText(), TreeMap::new, Collectors.counting()));
        assertThat(kinds).containsKeys("Namespace", "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster",
                "Database", "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy",
                "ServiceMonitor", "ConfigMap", "Ingress");
        assertThat(kinds.get("Deployment")).as("the services and the console").isEqualTo(Repo.services().size() + 1);
    }

    /**
     * The real kustomize must render exactly what this test's renderer renders. kubectl with kustomize v5 comes with
     * the Google Cloud SDK that every machine of this project's kind has (it is not a Debian package); a machine
     * without it fails here rather than silently skipping the comparison.
     */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theRealKustomizeRendersTheSame(String overlay) throws Exception {
        String version = run(List.of("kubectl", "version", "--client", "-o", "json"));
        assertThat(version).as("kubectl (with kustomize v5) must be installed to compare the renderers").isNotNull();
        String kustomize = Yaml.MAPPER.readTree(version).path("kustomizeVersion").asText();
        assertThat(kustomize).as("kubectl's kustomize version").matches("v[5-9].*");

        String rendered = run(List.of("kubectl", "kustomize", Repo.overlay(overlay).toString()));
        assertThat(rendered).as("kubectl kustomize " + overlay).isNotNull();
        Map<String, ObjectNode> real = byId(Yaml.objects(rendered));
        Map<String, ObjectNode> ours = byId(Kustomize.render(Repo.overlay(overlay)));
        assertThat(ours.keySet()).isEqualTo(real.keySet());
        for (String id : real.keySet()) {
            assertThat(ours.get(id)).as(id).isEqualTo(real.get(id));
        }
    }

    private static Map<String, ObjectNode> byId(List<ObjectNode> resources) {
        return resources.stream().collect(Collectors.toMap(Kustomize::id, Function.identity(), (a, b) -> {
            throw new AssertionError("duplicate " + Kustomize.id(a));
        }, TreeMap::new));
    }

    /** The standard output of a command that succeeded, or null when it cannot run or fails. */
    private static String run(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    // The renderer refuses what it does not implement, instead of rendering it wrongly.

    @Test
    void anUnsupportedKustomizationFieldIsRefused(@TempDir Path dir) throws IOException {
        write(dir, "kustomization.yaml", KUSTOMIZATION + "commonLabels:\n  a: b\nresources:\n  - config.yaml\n");
        write(dir, "config.yaml", CONFIG_MAP);
        assertThatThrownBy(() -> Kustomize.render(dir)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("commonLabels");
    }

    @Test
    void aListInAStrategicMergePatchOfABuiltInKindIsRefused(@TempDir Path dir) throws IOException {
        write(dir, "kustomization.yaml", KUSTOMIZATION + "resources:\n  - deployment.yaml\npatches:\n  - path: patch.yaml\n");
        Files.copy(Repo.BASE.resolve("demand-list/deployment.yaml"), dir.resolve("deployment.yaml"));
        write(dir, "patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: demand-list
                spec:
                  template:
                    spec:
                      containers:
                        - name: demand-list
                          image: other
                """);
        assertThatThrownBy(() -> Kustomize.render(dir)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("JSON 6902");
    }

    @Test
    void patchesMergeMapsDeleteNullsAndApplyJson6902(@TempDir Path dir) throws IOException {
        write(dir, "kustomization.yaml", KUSTOMIZATION + """
                namespace: ns
                labels:
                  - pairs:
                      team: x
                resources:
                  - config.yaml
                patches:
                  - patch: |
                      apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: settings
                      data:
                        b: "2"
                        c: null
                  - target:
                      kind: ConfigMap
                      name: set.*
                    patch: |
                      - op: add
                        path: /data/d~1e
                        value: "4"
                      - op: remove
                        path: /data/a
                """);
        write(dir, "config.yaml", CONFIG_MAP);
        JsonNode result = Kustomize.render(dir).get(0);
        assertThat(result.path("data").toString()).isEqualTo("{\"b\":\"2\",\"d/e\":\"4\"}");
        assertThat(result.path("metadata").path("namespace").asText()).isEqualTo("ns");
        assertThat(result.path("metadata").path("labels").path("team").asText()).isEqualTo("x");
    }

    @Test
    void aPatchThatMatchesNothingIsAnError(@TempDir Path dir) throws IOException {
        write(dir, "kustomization.yaml", KUSTOMIZATION + """
                resources:
                  - config.yaml
                patches:
                  - target:
                      kind: Secret
                    patch: |
                      - op: remove
                        path: /data
                """);
        write(dir, "config.yaml", CONFIG_MAP);
        assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageContaining("matches no resource");
    }

    private static final String KUSTOMIZATION = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n";
    private static final String CONFIG_MAP = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              a: "1"
              b: "1"
              c: "1"
            """;

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }
}
