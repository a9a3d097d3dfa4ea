package org.threelists.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What makes each overlay what it says it is: production highly available and secret-free, local small. */
class OverlayPolicyTest {

    private static final Rendered PRODUCTION = Rendered.of("production");
    private static final Rendered LOCAL = Rendered.of("local");
    /** The body of tools/local-stack's public dev key: no deployed service may trust it. */
    private static final String DEV_KEY = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA4XLWBwN1jajBRfa";
    private static final String DEV_ISSUER = "https://threelists.local/dev";

    @Test
    void productionRendersNoSecretAndNothingOfTheDevSetup() {
        assertThat(PRODUCTION.all(Secret.class)).as("production Secrets come from outside the overlay").isEmpty();
        String all = PRODUCTION.nodes.toString();
        assertThat(all).doesNotContain(DEV_KEY).doesNotContain(DEV_ISSUER)
                .doesNotContain("ZGV2LW9ubHktbWFzdGVyLWtleS1ub3Qtc2VjcmV0ISE=")
                .doesNotContain("ZGV2LW9ubHktY2hlY2staW4ta2V5LW5vdC1zZWNyZXQ=");
        assertThat(Repo.read(Repo.overlay("production").resolve("secrets.example.yaml"))).doesNotContain(DEV_KEY);
        assertThat(PRODUCTION.providedSecrets()).as("secrets.example.yaml")
                .containsKeys("threelists-jwt", "demand-list-db", "resource-list-db", "matchmaker-db", "ledger-db",
                        "demand-list-pii", "resource-list-pii", "matchmaker-pii", "ledger-pii", "demand-list-check-in",
                        "matchmaker-check-in", "threelists-pg-backup-s3");
    }

    @Test
    void productionIsHighlyAvailable() {
        List<String> errors = new ArrayList<>();
        for (Kafka kafka : PRODUCTION.all(Kafka.class)) {
            if (PRODUCTION.brokers(kafka.getMetadata().getName()) < 3) {
                errors.add("fewer than 3 Kafka brokers");
            }
        }
        for (KafkaTopic topic : PRODUCTION.all(KafkaTopic.class)) {
            if (topic.getSpec().getReplicas() < 3 || !Integer.valueOf(2).equals(topic.getSpec().getConfig().get("min.insync.replicas"))) {
                errors.add(topic.getMetadata().getName() + ": not 3 replicas with min.insync.replicas 2");
            }
        }
        for (JsonNode cluster : PRODUCTION.cnpg("Cluster")) {
            JsonNode spec = cluster.path("spec");
            if (spec.path("instances").asInt() < 3) {
                errors.add("fewer than 3 PostgreSQL instances");
            }
            if (!spec.path("postgresql").path("synchronous").path("dataDurability").asText().equals("required")) {
                errors.add("PostgreSQL replication is not synchronous: a failover could lose published events");
            }
            if (!spec.path("affinity").path("podAntiAffinityType").asText().equals("required")) {
                errors.add("PostgreSQL instances may share a node");
            }
        }
        for (Deployment d : PRODUCTION.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            HorizontalPodAutoscaler hpa = PRODUCTION.get(HorizontalPodAutoscaler.class, name);
            if (hpa.getSpec().getMinReplicas() < 2) {
                errors.add(name + ": fewer than 2 replicas");
            }
            PRODUCTION.get(PodDisruptionBudget.class, name);
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void productionBacksUpPostgresToAnObjectStore() {
        for (JsonNode cluster : PRODUCTION.cnpg("Cluster")) {
            String name = cluster.path("metadata").path("name").asText();
            JsonNode plugin = cluster.path("spec").path("plugins").path(0);
            assertThat(plugin.path("name").asText()).isEqualTo("barman-cloud.cloudnative-pg.io");
            assertThat(plugin.path("isWALArchiver").asBoolean()).as("WAL archiving").isTrue();
            String store = plugin.path("parameters").path("barmanObjectName").asText();
            assertThat(PRODUCTION.cnpg("ObjectStore", store)).as("ObjectStore " + store).isPresent();
            assertThat(PRODUCTION.cnpg("ScheduledBackup")).as("a scheduled base backup of " + name)
                    .anyMatch(b -> b.path("spec").path("cluster").path("name").asText().equals(name)
                            && b.path("spec").path("method").asText().equals("plugin")
                            && b.path("spec").path("pluginConfiguration").path("name").asText().equals(plugin.path("name").asText()));
        }
        assertThat(PRODUCTION.cnpg("ObjectStore").toString()).as("placeholders to fill in").contains("REPLACE-ME");
    }

    @Test
    void productionAdmitsTheMunicipalPlatformFromOutside() {
        Kafka kafka = PRODUCTION.get(Kafka.class, "threelists-kafka");
        assertThat(kafka.getSpec().getKafka().getListeners())
                .anyMatch(l -> l.getType().toValue().equals("loadbalancer") && l.isTls()
                        && "scram-sha-512".equals(l.getAuth().getType()));
    }

    @Test
    void localIsOneOfEachWithTheDevIssuer() {
        assertThat(LOCAL.brokers("threelists-kafka")).isEqualTo(1);
        assertThat(LOCAL.cnpg("Cluster", "threelists-pg").orElseThrow().path("spec").path("instances").asInt()).isEqualTo(1);
        assertThat(LOCAL.cnpg("ObjectStore")).as("no object store on a laptop").isEmpty();
        assertThat(LOCAL.get(ConfigMap.class, "threelists-common").getData().get("MP_JWT_VERIFY_ISSUER")).isEqualTo(DEV_ISSUER);
        assertThat(LOCAL.all(Secret.class).stream().map(s -> s.getMetadata().getName()).toList())
                .containsExactlyInAnyOrder("threelists-jwt", "demand-list-db", "resource-list-db", "matchmaker-db",
                        "ledger-db", "demand-list-pii", "resource-list-pii", "matchmaker-pii", "ledger-pii",
                        "demand-list-check-in", "matchmaker-check-in");
    }
}
