package org.threelists.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Secret;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTransactionalIdResource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** One rendered overlay, parsed strictly, with the look-ups the cross-reference checks need. */
final class Rendered {

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    final String overlay;
    final List<ObjectNode> nodes;
    final List<Object> models = new ArrayList<>();

    private Rendered(String overlay) {
        this.overlay = overlay;
        this.nodes = Kustomize.render(Repo.overlay(overlay));
        for (ObjectNode node : nodes) {
            models.add(StrictModel.parse(node, "overlays/" + overlay, StrictModel.Mode.RESOURCE));
        }
    }

    static Rendered of(String overlay) {
        return CACHE.computeIfAbsent(overlay, Rendered::new);
    }

    @Override
    public String toString() {
        return overlay;
    }

    <T> List<T> all(Class<T> type) {
        return models.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError(overlay + ": no " + type.getSimpleName() + " " + name));
    }

    /** CloudNativePG resources (no Java model): the validated nodes. */
    List<JsonNode> cnpg(String kind) {
        return models.stream().filter(m -> m instanceof JsonNode n && n.path("kind").asText().equals(kind))
                .map(JsonNode.class::cast).toList();
    }

    Optional<JsonNode> cnpg(String kind, String name) {
        return cnpg(kind).stream().filter(n -> n.path("metadata").path("name").asText().equals(name)).findFirst();
    }

    Map<String, String> configMap(String name) {
        ConfigMap map = get(ConfigMap.class, name);
        return map.getData() == null ? Map.of() : map.getData();
    }

    /**
     * Every Secret a resource may reference, with its keys: those rendered, those an operator generates from the
     * rendered resources, and (production) those the operator of the system creates from secrets.example.yaml.
     */
    Map<String, Set<String>> secrets() {
        Map<String, Set<String>> secrets = new TreeMap<>();
        for (Secret secret : all(Secret.class)) {
            secrets.put(secret.getMetadata().getName(), keys(secret));
        }
        secrets.putAll(generatedSecrets());
        secrets.putAll(providedSecrets());
        return secrets;
    }

    /** Secrets that Strimzi and CloudNativePG create for the rendered resources. */
    Map<String, Set<String>> generatedSecrets() {
        Map<String, Set<String>> secrets = new TreeMap<>();
        for (Kafka kafka : all(Kafka.class)) {
            String name = kafka.getMetadata().getName();
            secrets.put(name + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
            secrets.put(name + "-clients-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
        }
        for (KafkaUser user : all(KafkaUser.class)) {
            if ("scram-sha-512".equals(user.getSpec().getAuthentication().getType())) {
                secrets.put(userSecretPrefix(user) + user.getMetadata().getName(), Set.of("password", "sasl.jaas.config"));
            }
        }
        for (JsonNode cluster : cnpg("Cluster")) {
            String name = cluster.path("metadata").path("name").asText();
            secrets.put(name + "-ca", Set.of("ca.crt", "ca.key"));
            secrets.put(name + "-server", Set.of("tls.crt", "tls.key"));
            secrets.put(name + "-replication", Set.of("tls.crt", "tls.key"));
            if (!cluster.path("spec").path("bootstrap").path("initdb").has("secret")) {
                secrets.put(name + "-app", Set.of("username", "password", "uri", "jdbc-uri", "host", "port", "dbname"));
            }
        }
        return secrets;
    }

    /** The Secrets created outside the overlay (production): overlays/<name>/secrets.example.yaml, if any. */
    Map<String, Set<String>> providedSecrets() {
        Path example = Repo.overlay(overlay).resolve("secrets.example.yaml");
        Map<String, Set<String>> secrets = new TreeMap<>();
        if (Files.isRegularFile(example)) {
            for (ObjectNode node : Yaml.objects(example)) {
                Secret secret = (Secret) StrictModel.parse(node, example.toString(), StrictModel.Mode.RESOURCE);
                secrets.put(secret.getMetadata().getName(), keys(secret));
            }
        }
        return secrets;
    }

    static Set<String> keys(Secret secret) {
        Set<String> keys = new TreeSet<>();
        if (secret.getData() != null) {
            keys.addAll(secret.getData().keySet());
        }
        if (secret.getStringData() != null) {
            keys.addAll(secret.getStringData().keySet());
        }
        return keys;
    }

    /** A Secret's value by key, where this overlay or secrets.example.yaml has it. */
    Optional<String> secretValue(String name, String key) {
        List<Secret> candidates = new ArrayList<>(all(Secret.class));
        Path example = Repo.overlay(overlay).resolve("secrets.example.yaml");
        if (Files.isRegularFile(example)) {
            for (ObjectNode node : Yaml.objects(example)) {
                candidates.add((Secret) StrictModel.parse(node, example.toString(), StrictModel.Mode.RESOURCE));
            }
        }
        return candidates.stream().filter(s -> s.getMetadata().getName().equals(name))
                .map(s -> s.getStringData() != null && s.getStringData().containsKey(key) ? s.getStringData().get(key)
                        : s.getData() != null && s.getData().containsKey(key)
                                ? new String(java.util.Base64.getDecoder().decode(s.getData().get(key))) : null)
                .filter(v -> v != null).findFirst();
    }

    String userSecretPrefix(KafkaUser user) {
        Kafka kafka = get(Kafka.class, user.getMetadata().getLabels().get("strimzi.io/cluster"));
        String prefix = kafka.getSpec().getEntityOperator().getUserOperator().getSecretPrefix();
        return prefix == null ? "" : prefix;
    }

    /** The brokers of a Kafka cluster: the replicas of its node pools that have the broker role. */
    int brokers(String cluster) {
        return all(KafkaNodePool.class).stream()
                .filter(p -> cluster.equals(p.getMetadata().getLabels().get("strimzi.io/cluster")))
                .filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
    }

    /** Where an environment variable of a container comes from, after envFrom and env. */
    record EnvSource(String name, String value, String configMap, String secret, String key) {
        boolean fromSecret() {
            return secret != null;
        }
    }

    Map<String, EnvSource> env(Container container) {
        Map<String, EnvSource> env = new LinkedHashMap<>();
        if (container.getEnvFrom() != null) {
            for (EnvFromSource from : container.getEnvFrom()) {
                if (from.getConfigMapRef() != null) {
                    String map = from.getConfigMapRef().getName();
                    configMap(map).forEach((k, v) -> env.put(k, new EnvSource(k, v, map, null, k)));
                }
                if (from.getSecretRef() != null) {
                    throw new AssertionError("envFrom a whole Secret hides which keys a service reads: " + container.getName());
                }
            }
        }
        if (container.getEnv() != null) {
            for (EnvVar var : container.getEnv()) {
                if (var.getValueFrom() == null) {
                    env.put(var.getName(), new EnvSource(var.getName(), var.getValue(), null, null, null));
                } else if (var.getValueFrom().getSecretKeyRef() != null) {
                    var ref = var.getValueFrom().getSecretKeyRef();
                    env.put(var.getName(), new EnvSource(var.getName(), null, null, ref.getName(), ref.getKey()));
                } else if (var.getValueFrom().getConfigMapKeyRef() != null) {
                    var ref = var.getValueFrom().getConfigMapKeyRef();
                    env.put(var.getName(), new EnvSource(var.getName(), configMap(ref.getName()).get(ref.getKey()),
                            ref.getName(), null, ref.getKey()));
                } else {
                    throw new AssertionError("Unexpected env source of " + var.getName());
                }
            }
        }
        return env;
    }

    /** The ACL rules of a KafkaUser, flattened. */
    record Acl(String type, String name, boolean prefix, Set<String> operations) {
        boolean allows(String operation) {
            return operations.contains(operation) || operations.contains("All");
        }

        boolean covers(String resourceName) {
            return prefix ? resourceName.startsWith(name) : resourceName.equals(name);
        }
    }

    static List<Acl> acls(KafkaUser user) {
        List<Acl> acls = new ArrayList<>();
        if (!(user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple)) {
            return acls;
        }
        for (AclRule rule : simple.getAcls()) {
            Set<String> operations = rule.getOperations().stream().map(AclOperation::toValue).collect(Collectors.toSet());
            String name = null;
            AclResourcePatternType pattern = AclResourcePatternType.LITERAL;
            if (rule.getResource() instanceof AclRuleTopicResource topic) {
                name = topic.getName();
                pattern = topic.getPatternType();
            } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                name = group.getName();
                pattern = group.getPatternType();
            } else if (rule.getResource() instanceof AclRuleTransactionalIdResource id) {
                name = id.getName();
                pattern = id.getPatternType();
            }
            acls.add(new Acl(rule.getResource().getType(), name, pattern == AclResourcePatternType.PREFIX, operations));
        }
        return acls;
    }

    /** An empty selector ({}): every pod of the namespace. */
    static boolean selectsAll(LabelSelector selector) {
        return selector != null && (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw new AssertionError("matchExpressions are not used here; extend the checks before using them");
        }
        Map<String, String> wanted = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        Map<String, String> have = labels == null ? new HashMap<>() : labels;
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(have.get(e.getKey())));
    }
}
