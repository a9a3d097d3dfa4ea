package org.threelists.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every manifest file, and every rendered overlay, parses strictly; and a misspelled field is caught. */
class StrictParsingTest {

    /** Every YAML file of base/ and overlays/: resources, strategic-merge patches, secrets.example.yaml. */
    @TestFactory
    List<DynamicTest> everyManifestFileParsesStrictly() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : Repo.yamlFiles(Repo.MODULE.resolve("base"))) {
            tests.add(DynamicTest.dynamicTest(Repo.MODULE.relativize(file).toString(), () -> parseFile(file)));
        }
        for (Path file : Repo.yamlFiles(Repo.OVERLAYS)) {
            tests.add(DynamicTest.dynamicTest(Repo.MODULE.relativize(file).toString(), () -> parseFile(file)));
        }
        return tests;
    }

    private static void parseFile(Path file) {
        if (file.getFileName().toString().equals("kustomization.yaml")) {
            Kustomize.render(file.getParent()); // refuses what the renderer does not support
            return;
        }
        List<JsonNode> documents = Yaml.documents(file);
        assertThat(documents).as(file + " has documents").isNotEmpty();
        boolean patch = file.getParent().getFileName().toString().equals("patches");
        for (JsonNode document : documents) {
            if (document.isArray()) {
                assertThat(patch).as(file + ": a JSON 6902 patch outside patches/").isTrue();
                for (JsonNode operation : document) {
                    assertThat(operation.path("op").asText()).as(file + " op").isIn("add", "remove", "replace");
                    assertThat(operation.path("path").asText()).as(file + " path").startsWith("/");
                }
                continue; // its effect is checked on the rendered overlay
            }
            StrictModel.parse(document, Repo.MODULE.relativize(file).toString(),
                    patch ? StrictModel.Mode.PATCH : StrictModel.Mode.RESOURCE);
        }
    }

    @TestFactory
    List<DynamicTest> everyRenderedResourceParsesStrictly() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String overlay : Repo.OVERLAY_NAMES) {
            for (ObjectNode resource : Kustomize.render(Repo.overlay(overlay))) {
                tests.add(DynamicTest.dynamicTest(overlay + ": " + Kustomize.id(resource),
                        () -> StrictModel.parse(resource, "overlays/" + overlay, StrictModel.Mode.RESOURCE)));
            }
        }
        return tests;
    }

    @Test
    void aMisspelledDeploymentFieldIsRejected() {
        String deployment = Repo.read(Repo.BASE.resolve("demand-list/deployment.yaml"));
        assertThat(parse(deployment)).isInstanceOf(Deployment.class);

        String typo = deployment.replace("  revisionHistoryLimit: 5", "  replica: 2\n  revisionHistoryLimit: 5");
        assertThatThrownBy(() -> parse(typo))
                .isInstanceOf(StrictModel.InvalidManifestException.class)
                .hasMessageContaining("\"replica\"");
    }

    @Test
    void aMisspelledFieldDeepInsideAPodTemplateIsRejected() {
        String deployment = Repo.read(Repo.BASE.resolve("demand-list/deployment.yaml"));
        String typo = deployment.replace("          readinessProbe:", "          readinesProbe:");
        assertThatThrownBy(() -> parse(typo)).hasMessageContaining("\"readinesProbe\"");
    }

    @Test
    void aNumberWhereKubernetesWantsAStringIsRejected() {
        String config = Repo.read(Repo.BASE.resolve("demand-list/config.yaml"));
        String unquoted = config.replace("QUARKUS_HTTP_PORT: \"8081\"", "QUARKUS_HTTP_PORT: 8081");
        assertThatThrownBy(() -> parse(unquoted)).isInstanceOf(StrictModel.InvalidManifestException.class);
    }

    @Test
    void aMisspelledStrimziFieldIsRejected() {
        String topics = Repo.read(Repo.BASE.resolve("kafka/topics.yaml"));
        assertThat(parse(topics)).isInstanceOf(KafkaTopic.class);
        String typo = topics.replaceFirst("  partitions: 6", "  partition: 6");
        assertThatThrownBy(() -> parse(typo)).hasMessageContaining("\"partition\"");
    }

    @Test
    void aFieldThatTheStrimziV1ApiDroppedIsRejected() {
        // `operation` (singular) is in the Java model for v1beta2, but not in the v1 CRD
        String users = Repo.read(Repo.BASE.resolve("kafka/users.yaml"));
        String old = users.replaceFirst("operations: \\[Write, Describe, Read\\]", "operation: Write");
        assertThatThrownBy(() -> parse(old))
                .hasMessageContaining("operation is not part of the v1 API")
                .hasMessageContaining("operations is required in v1");
    }

    @Test
    void aStrimziValueOutsideItsBoundsIsRejected() {
        String topics = Repo.read(Repo.BASE.resolve("kafka/topics.yaml"));
        assertThatThrownBy(() -> parse(topics.replaceFirst("partitions: 6", "partitions: 0")))
                .hasMessageContaining("below the minimum 1");
    }

    @Test
    void aMisspelledCloudNativePgFieldIsRejected() {
        String cluster = Repo.read(Repo.BASE.resolve("postgres/cluster.yaml"));
        parse(cluster);
        assertThatThrownBy(() -> parse(cluster.replace("  instances: 3", "  instance: 3")))
                .isInstanceOf(StrictModel.InvalidManifestException.class)
                .hasMessageContaining("instance");
        assertThatThrownBy(() -> parse(cluster.replace("connectionLimit: 100", "conectionLimit: 100")))
                .hasMessageContaining("conectionLimit");
    }

    /** A misspelling anywhere, in any kind: file, the text as written, the misspelled text. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "kafka/kafka.yaml          | networkPolicyPeers:   | networkPolicyPeer:",
            "kafka/kafka.yaml          | topologyKey:          | topologyKeys:",
            "kafka/kafka.yaml          | secretPrefix:         | secretprefix:",
            "kafka/users.yaml          | patternType: literal  | pattern: literal",
            "kafka/topics.yaml         | replicas: 3           | replica: 3",
            "demand-list/service.yaml  | targetPort:           | target_port:",
            "demand-list/scaling.yaml  | averageUtilization:   | averageUtilisation:",
            "demand-list/scaling.yaml  | maxUnavailable:       | maxUnavailabe:",
            "demand-list/network-policy.yaml | namespaceSelector: | namespaceSelecter:",
            "demand-list/monitoring.yaml | interval:            | intervall:",
            "demand-list/deployment.yaml | secretKeyRef:        | secretRef:",
            "demand-list/deployment.yaml | readOnlyRootFilesystem: | readOnlyRootFileSystem:",
            "postgres/cluster.yaml     | dataDurability:       | durability:",
            "postgres/databases.yaml   | databaseReclaimPolicy: | reclaimPolicy:",
            "postgres/monitoring.yaml  | podMetricsEndpoints:  | metricsEndpoints:",
            "namespace.yaml            | labels:               | label:"})
    void aMisspellingAnywhereIsRejected(String file, String written, String misspelled) {
        String text = Repo.read(Repo.BASE.resolve(file));
        assertThat(text).contains(written);
        for (ObjectNode document : Yaml.objects(text)) {
            StrictModel.parse(document, file, StrictModel.Mode.RESOURCE);
        }
        List<ObjectNode> typo = Yaml.objects(text.replaceFirst(java.util.regex.Pattern.quote(written), misspelled));
        assertThatThrownBy(() -> typo.forEach(d -> StrictModel.parse(d, file, StrictModel.Mode.RESOURCE)))
                .isInstanceOf(StrictModel.InvalidManifestException.class);
    }

    @Test
    void aDuplicatedKeyIsRejected() {
        assertThatThrownBy(() -> Yaml.objects("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"
                + "data:\n  a: \"1\"\n  a: \"2\"\n")).hasMessageContaining("Duplicate field 'a'");
    }

    @Test
    void anUnknownKindIsRejected() {
        assertThatThrownBy(() -> parse("apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n"))
                .hasMessageContaining("not one this project uses");
    }

    /** Parses the first document of a text. */
    private static Object parse(String yaml) {
        return StrictModel.parse(Yaml.objects(yaml).get(0), "(test)", StrictModel.Mode.RESOURCE);
    }
}
