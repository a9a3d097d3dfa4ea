package org.threelists.deploy.k8s;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a manifest into its model, strictly: an unknown field anywhere is an error, and so is a value of the
 * wrong type (a number where Kubernetes wants a string, as in ConfigMap data or an env value).
 *
 * <ul>
 *   <li>Kubernetes kinds: the fabric8 model. Its classes keep unknown fields in {@code additionalProperties}
 *       through a Jackson any-setter; the mapper removes every any-setter, so Jackson's
 *       FAIL_ON_UNKNOWN_PROPERTIES applies and names the field and its path.</li>
 *   <li>Strimzi kinds: the Strimzi api model, the same way, plus the rules of its v1 CRD that the model carries as
 *       annotations: fields that v1 dropped, required fields, minimum, maximum, pattern ({@link StrimziRules}).</li>
 *   <li>CloudNativePG kinds (no Java model exists): a JSON Schema written for the fields this project uses
 *       ({@code src/test/resources/cnpg.schema.json}), closed with additionalProperties false everywhere. It is an
 *       allow-list, narrower than CloudNativePG's CRDs, not a copy of them.</li>
 * </ul>
 * Any other apiVersion and kind is refused.
 */
final class StrictModel {

    record Kind(String apiVersion, String kind) {
        static Kind of(JsonNode node) {
            return new Kind(node.path("apiVersion").asText(), node.path("kind").asText());
        }
    }

    static final Map<Kind, Class<?>> TYPED = Map.ofEntries(
            Map.entry(new Kind("v1", "Namespace"), Namespace.class),
            Map.entry(new Kind("v1", "ConfigMap"), ConfigMap.class),
            Map.entry(new Kind("v1", "Secret"), Secret.class),
            Map.entry(new Kind("v1", "Service"), Service.class),
            Map.entry(new Kind("apps/v1", "Deployment"), Deployment.class),
            Map.entry(new Kind("autoscaling/v2", "HorizontalPodAutoscaler"), HorizontalPodAutoscaler.class),
            Map.entry(new Kind("policy/v1", "PodDisruptionBudget"), PodDisruptionBudget.class),
            Map.entry(new Kind("networking.k8s.io/v1", "NetworkPolicy"), NetworkPolicy.class),
            Map.entry(new Kind("networking.k8s.io/v1", "Ingress"), io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry(new Kind("monitoring.coreos.com/v1", "ServiceMonitor"), ServiceMonitor.class),
            Map.entry(new Kind("monitoring.coreos.com/v1", "PodMonitor"), PodMonitor.class),
            Map.entry(new Kind("kafka.strimzi.io/v1", "Kafka"), Kafka.class),
            Map.entry(new Kind("kafka.strimzi.io/v1", "KafkaNodePool"), KafkaNodePool.class),
            Map.entry(new Kind("kafka.strimzi.io/v1", "KafkaTopic"), KafkaTopic.class),
            Map.entry(new Kind("kafka.strimzi.io/v1", "KafkaUser"), KafkaUser.class));

    static final Set<Kind> CNPG = Set.of(
            new Kind("postgresql.cnpg.io/v1", "Cluster"),
            new Kind("postgresql.cnpg.io/v1", "Database"),
            new Kind("postgresql.cnpg.io/v1", "ScheduledBackup"),
            new Kind("barmancloud.cnpg.io/v1", "ObjectStore"));

    static final ObjectMapper MAPPER = strictMapper();

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    /** A whole resource, or a strategic-merge patch (a partial resource: required fields may be missing). */
    enum Mode { RESOURCE, PATCH }

    static class InvalidManifestException extends RuntimeException {
        InvalidManifestException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private StrictModel() {
    }

    /** The typed model of a Kubernetes or Strimzi resource, or the node itself for CloudNativePG once valid. */
    static Object parse(JsonNode node, String origin, Mode mode) {
        Kind kind = Kind.of(node);
        String where = origin + " (" + kind.kind() + " " + node.path("metadata").path("name").asText() + ")";
        Class<?> type = TYPED.get(kind);
        if (type != null) {
            Object model;
            try {
                model = MAPPER.treeToValue(node, type);
            } catch (Exception e) {
                throw new InvalidManifestException(where + ": " + e.getMessage(), e);
            }
            if (type.getName().startsWith("io.strimzi.")) {
                List<String> errors = new ArrayList<>();
                StrimziRules.check(node, model, "", "v1", mode == Mode.PATCH, errors);
                if (!errors.isEmpty()) {
                    throw new InvalidManifestException(where + ": " + String.join("; ", errors), null);
                }
            }
            return model;
        }
        if (CNPG.contains(kind)) {
            JsonSchema schema = SCHEMAS.getSchema(SchemaLocation.of("classpath:cnpg.schema.json#/$defs/" + kind.kind()));
            List<String> errors = schema.validate(node).stream()
                    .filter(m -> mode == Mode.RESOURCE || !"required".equals(m.getType()))
                    .map(ValidationMessage::getMessage).sorted().toList();
            if (!errors.isEmpty()) {
                throw new InvalidManifestException(where + ": " + String.join("; ", errors), null);
            }
            return node;
        }
        throw new InvalidManifestException(where + ": apiVersion " + kind.apiVersion() + " kind " + kind.kind()
                + " is not one this project uses (StrictModel knows " + TYPED.keySet() + " and " + CNPG + ")", null);
    }

    private static ObjectMapper strictMapper() {
        SimpleModule noAnySetter = new SimpleModule("no-any-setter");
        noAnySetter.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                    BeanDeserializerBuilder builder) {
                // fabric8 and Strimzi keep unknown fields here instead of failing: without it, they fail
                builder.setAnySetter(null);
                return builder;
            }
        });
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(noAnySetter)
                .build();
        // Kubernetes rejects 8081 where it wants "8081" (ConfigMap data, env values, annotations): so do we
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }
}
