package org.threelists.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered overlays agree with themselves, with the services' own configuration and sources, and with
 * contracts/: ports, environment, Secrets and ConfigMaps, topics and ACLs, database wiring, scaling, network
 * policies, monitoring. Each check collects every problem it finds and fails with the whole list.
 */
class CrossReferenceTest {

    /** Measured for demand-list: RSS after warm-up with -Xmx256m. */
    static final BigDecimal MEASURED_RSS = new BigDecimal(250L * 1000 * 1000);
    static final BigDecimal MEASURED_HEAP = new BigDecimal(256L * 1024 * 1024);
    /** Quarkus's default maximum of the Agroal pool (quarkus.datasource.jdbc.max-size), unchanged by the services. */
    static final int POOL_MAX = 20;
    /**
     * Read by the JVM itself, by the image's launcher (run-java.sh of the UBI OpenJDK images) or by the C library
     * (glibc's malloc arenas), not the service.
     */
    static final Set<String> JVM_ENV = Set.of("JAVA_TOOL_OPTIONS", "GC_CONTAINER_OPTIONS", "MALLOC_ARENA_MAX");
    private static final Pattern GC_OPTION = Pattern.compile("-XX:\\+Use\\w+GC\\b");
    /** Always needed by a service outside the dev and test profiles. */
    static final Set<String> REQUIRED_ENV = Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
            "MP_JWT_VERIFY_ISSUER", "THREELISTS_PII_MASTER_KEY");
    /** Credentials: from a Secret, never a ConfigMap or a literal. */
    static final Set<String> SECRET_ENV = Set.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
            "THREELISTS_PII_MASTER_KEY", "THREELISTS_CHECK_IN_KEY", "KAFKA_SASL_JAAS_CONFIG");

    static Stream<Rendered> overlays() {
        return Repo.OVERLAY_NAMES.stream().map(Rendered::of);
    }

    /** The services' Deployments: every one but the console's, which ConsoleManifestTest checks on its own terms. */
    private static List<Deployment> services(Rendered r) {
        return r.all(Deployment.class).stream().filter(d -> !ConsoleManifestTest.CONSOLE.equals(name(d))).toList();
    }

    private static String name(io.fabric8.kubernetes.api.model.HasMetadata resource) {
        return resource.getMetadata().getName();
    }

    private static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as(name(deployment) + ": one container").hasSize(1);
        return containers.get(0);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theDeploymentsAreExactlyTheServicesThatExist(Rendered r) {
        assertThat(services(r).stream().map(CrossReferenceTest::name).sorted().toList())
                .as("one Deployment per service under services/ (a new service needs its manifests: base/<service>/, "
                        + "its KafkaUser, database and Secrets; see deploy/k8s/README.md)").isEqualTo(Repo.services());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void portsAndProbesAgreeWithApplicationProperties(Rendered r) {
        List<String> errors = new ArrayList<>();
        for (Deployment d : services(r)) {
            ServiceConfig config = new ServiceConfig(name(d));
            Container c = container(d);
            String port = config.property("quarkus.http.port");
            String managementPort = config.property("quarkus.management.port");
            List<ContainerPort> ports = c.getPorts();
            if (ports.size() != 2 || !String.valueOf(ports.get(0).getContainerPort()).equals(port)
                    || !"http".equals(ports.get(0).getName())) {
                errors.add(name(d) + ": container ports " + ports + " do not start with `http` = quarkus.http.port=" + port);
            }
            if (managementPort == null || management(c).filter(p -> String.valueOf(p.getContainerPort()).equals(managementPort)).isEmpty()) {
                errors.add(name(d) + ": no container port `management` = quarkus.management.port=" + managementPort);
            }
            var env = r.env(c);
            if (env.containsKey("QUARKUS_HTTP_PORT") && !port.equals(env.get("QUARKUS_HTTP_PORT").value())) {
                errors.add(name(d) + ": QUARKUS_HTTP_PORT " + env.get("QUARKUS_HTTP_PORT").value() + " ≠ " + port);
            }
            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
            if (!Rendered.matches(d.getSpec().getSelector(), podLabels)) {
                errors.add(name(d) + ": the selector does not select its own pods");
            }
            checkProbe(errors, d, c, "startup", c.getStartupProbe(), "/q/health/live");
            checkProbe(errors, d, c, "liveness", c.getLivenessProbe(), "/q/health/live");
            checkProbe(errors, d, c, "readiness", c.getReadinessProbe(), "/q/health/ready");
            List<Service> selecting = r.all(Service.class).stream()
                    .filter(s -> s.getSpec().getSelector() != null && s.getSpec().getSelector().entrySet().stream()
                            .allMatch(e -> e.getValue().equals(podLabels.get(e.getKey()))))
                    .toList();
            if (selecting.size() != 1) {
                errors.add(name(d) + ": selected by " + selecting.size() + " Services, expected 1");
            }
            for (Service s : selecting) {
                for (ServicePort sp : s.getSpec().getPorts()) {
                    if (resolve(c, sp.getTargetPort()).isEmpty()) {
                        errors.add("Service " + name(s) + " port " + sp.getName() + ": targetPort " + (sp.getTargetPort().getStrVal() != null
                                ? sp.getTargetPort().getStrVal() : sp.getTargetPort().getIntVal())
                                + " is no port of " + name(d));
                    }
                }
            }
        }
        for (Service s : r.all(Service.class)) {
            boolean selectsADeployment = r.all(Deployment.class).stream().anyMatch(d -> s.getSpec().getSelector().entrySet().stream()
                    .allMatch(e -> e.getValue().equals(d.getSpec().getTemplate().getMetadata().getLabels().get(e.getKey()))));
            if (!selectsADeployment) {
                errors.add("Service " + name(s) + " selects no Deployment's pods");
            }
        }
        assertThat(errors).isEmpty();
    }

    private static void checkProbe(List<String> errors, Deployment d, Container c, String kind, Probe probe, String path) {
        if (probe == null || probe.getHttpGet() == null) {
            errors.add(name(d) + ": no HTTP " + kind + " probe");
            return;
        }
        HTTPGetAction get = probe.getHttpGet();
        if (!path.equals(get.getPath())) {
            errors.add(name(d) + ": " + kind + " probe on " + get.getPath() + ", expected " + path);
        }
        if (resolve(c, get.getPort()).isEmpty()) {
            errors.add(name(d) + ": " + kind + " probe port " + get.getPort() + " is no container port");
        } else if (!resolve(c, get.getPort()).equals(management(c))) {
            errors.add(name(d) + ": " + kind + " probe on port " + get.getPort() + ", but health answers on the management port only");
        }
    }

    /** The management interface's port: health, metrics and OpenAPI, off the public port (deploy/k8s/README.md, "Images"). */
    static Optional<ContainerPort> management(Container c) {
        return c.getPorts().stream().filter(p -> "management".equals(p.getName())).findFirst();
    }

    /** A port by name or number, as Services and probes name them. */
    static Optional<ContainerPort> resolve(Container c, IntOrString port) {
        if (port == null) {
            return Optional.empty();
        }
        return c.getPorts().stream().filter(p -> port.getStrVal() != null ? port.getStrVal().equals(p.getName())
                : Objects.equals(port.getIntVal(), p.getContainerPort())).findFirst();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyEnvironmentVariableIsOneTheServiceReads(Rendered r) {
        List<String> errors = new ArrayList<>();
        for (Deployment d : services(r)) {
            ServiceConfig config = new ServiceConfig(name(d));
            for (String env : r.env(container(d)).keySet()) {
                if (config.reads(env) || JVM_ENV.contains(env)) {
                    continue;
                }
                errors.add(name(d) + ": " + env + " maps to no property that " + name(d) + " or libs/platform reads");
            }
        }
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceGetsItsSettingsAndItsCredentialsFromSecrets(Rendered r) {
        List<String> errors = new ArrayList<>();
        for (Deployment d : services(r)) {
            var env = r.env(container(d));
            for (String required : REQUIRED_ENV) {
                if (!env.containsKey(required)) {
                    errors.add(name(d) + ": " + required + " is not set");
                }
            }
            for (String secret : SECRET_ENV) {
                if (env.containsKey(secret) && !env.get(secret).fromSecret()) {
                    errors.add(name(d) + ": " + secret + " must come from a Secret");
                }
            }
            for (var source : env.values()) {
                if (!source.fromSecret() && source.name().matches(".*(PASSWORD|SECRET|MASTER_KEY|JAAS).*")) {
                    errors.add(name(d) + ": " + source.name() + " looks like a credential but is not from a Secret");
                }
            }
        }
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyReferencedSecretAndConfigMapExists(Rendered r) {
        List<String> errors = new ArrayList<>();
        Map<String, Set<String>> secrets = r.secrets();
        Set<String> configMaps = r.all(ConfigMap.class).stream().map(CrossReferenceTest::name).collect(Collectors.toSet());
        for (Deployment d : services(r)) {
            String who = "Deployment " + name(d);
            Container c = container(d);
            if (c.getEnvFrom() != null) {
                c.getEnvFrom().stream().filter(f -> f.getConfigMapRef() != null).map(f -> f.getConfigMapRef().getName())
                        .filter(n -> !configMaps.contains(n)).forEach(n -> errors.add(who + ": no ConfigMap " + n));
            }
            if (c.getEnv() != null) {
                for (var var : c.getEnv()) {
                    if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
                        var ref = var.getValueFrom().getSecretKeyRef();
                        requireSecretKey(errors, secrets, who + " env " + var.getName(), ref.getName(), ref.getKey());
                    }
                    if (var.getValueFrom() != null && var.getValueFrom().getConfigMapKeyRef() != null
                            && !configMaps.contains(var.getValueFrom().getConfigMapKeyRef().getName())) {
                        errors.add(who + " env " + var.getName() + ": no ConfigMap");
                    }
                }
            }
            for (Volume v : d.getSpec().getTemplate().getSpec().getVolumes()) {
                if (v.getSecret() != null) {
                    if (v.getSecret().getItems() == null || v.getSecret().getItems().isEmpty()) {
                        requireSecretKey(errors, secrets, who + " volume " + v.getName(), v.getSecret().getSecretName(), null);
                    } else {
                        v.getSecret().getItems().forEach(i -> requireSecretKey(errors, secrets,
                                who + " volume " + v.getName(), v.getSecret().getSecretName(), i.getKey()));
                    }
                }
                if (v.getConfigMap() != null && !configMaps.contains(v.getConfigMap().getName())) {
                    errors.add(who + " volume " + v.getName() + ": no ConfigMap " + v.getConfigMap().getName());
                }
            }
        }
        for (JsonNode cluster : r.cnpg("Cluster")) {
            String who = "Cluster " + cluster.path("metadata").path("name").asText();
            JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
            if (initdb.has("secret")) {
                String name = initdb.path("secret").path("name").asText();
                requireSecretKey(errors, secrets, who + " initdb", name, "username");
                requireSecretKey(errors, secrets, who + " initdb", name, "password");
            }
            for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
                String name = role.path("passwordSecret").path("name").asText();
                requireSecretKey(errors, secrets, who + " role " + role.path("name").asText(), name, "username");
                requireSecretKey(errors, secrets, who + " role " + role.path("name").asText(), name, "password");
            }
        }
        for (JsonNode store : r.cnpg("ObjectStore")) {
            JsonNode credentials = store.path("spec").path("configuration").path("s3Credentials");
            credentials.fields().forEachRemaining(e -> {
                if (e.getValue().isObject()) {
                    requireSecretKey(errors, secrets, "ObjectStore " + e.getKey(), e.getValue().path("name").asText(),
                            e.getValue().path("key").asText());
                }
            });
        }
        assertThat(errors).isEmpty();
    }

    private static void requireSecretKey(List<String> errors, Map<String, Set<String>> secrets, String who,
            String secret, String key) {
        if (!secrets.containsKey(secret)) {
            errors.add(who + ": no Secret " + secret + " (rendered, generated by an operator, or in secrets.example.yaml)");
        } else if (key != null && !secrets.get(secret).contains(key)) {
            errors.add(who + ": Secret " + secret + " has no key " + key + " (has " + secrets.get(secret) + ")");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyFileTheConfigurationNamesIsMounted(Rendered r) {
        List<String> errors = new ArrayList<>();
        java.util.regex.Pattern file = java.util.regex.Pattern.compile("(/etc/threelists/[A-Za-z0-9_./-]+)");
        for (Deployment d : services(r)) {
            Container c = container(d);
            int found = 0;
            for (var source : r.env(c).values()) {
                if (source.value() == null) {
                    continue;
                }
                Matcher m = file.matcher(source.value());
                while (m.find()) {
                    found++;
                    String path = m.group(1);
                    Optional<String> problem = mountedFile(r, d, c, path);
                    problem.ifPresent(p -> errors.add(name(d) + " " + source.name() + ": " + path + " " + p));
                }
            }
            if (found < 3) {
                errors.add(name(d) + ": expected the JWT keys, the Kafka CA and the PostgreSQL CA as files, found " + found);
            }
        }
        assertThat(errors).isEmpty();
    }

    private static Optional<String> mountedFile(Rendered r, Deployment d, Container c, String path) {
        for (VolumeMount mount : c.getVolumeMounts()) {
            String dir = mount.getMountPath().endsWith("/") ? mount.getMountPath() : mount.getMountPath() + "/";
            if (!path.startsWith(dir)) {
                continue;
            }
            if (mount.getSubPath() != null) {
                return Optional.of("is under a subPath mount, which never sees a rotated Secret");
            }
            String inside = path.substring(dir.length());
            Volume volume = d.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.getName())).findFirst().orElse(null);
            if (volume == null || volume.getSecret() == null) {
                return Optional.of("is not in a Secret volume");
            }
            var items = volume.getSecret().getItems();
            if (items != null && !items.isEmpty()) {
                return items.stream().anyMatch(i -> i.getPath().equals(inside)) ? Optional.empty()
                        : Optional.of("is not among the volume's items");
            }
            Set<String> keys = r.secrets().get(volume.getSecret().getSecretName());
            return keys != null && keys.contains(inside) ? Optional.empty()
                    : Optional.of("is no key of Secret " + volume.getSecret().getSecretName());
        }
        return Optional.of("is in no mounted volume");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicOfTheContractsHasAKafkaTopicAndThereAreNoOthers(Rendered r) {
        Set<String> declared = r.all(KafkaTopic.class).stream().map(CrossReferenceTest::topicName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(declared).as("KafkaTopics vs contracts/ (asyncapi.yaml channels and schemas/)")
                .isEqualTo(Contracts.topics());
        assertThat(Contracts.schemaTopics()).as("every schema's topic is a channel")
                .isSubsetOf(Contracts.channels().values());
        for (KafkaTopic topic : r.all(KafkaTopic.class)) {
            assertThat(topic.getMetadata().getLabels()).as(topicName(topic) + " names its cluster")
                    .containsKey("strimzi.io/cluster");
            r.get(Kafka.class, topic.getMetadata().getLabels().get("strimzi.io/cluster"));
        }
    }

    static String topicName(KafkaTopic topic) {
        return topic.getSpec().getTopicName() != null ? topic.getSpec().getTopicName() : name(topic);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void aclsNameExistingTopicsAndEachPartyWritesOnlyItsOwnTopics(Rendered r) {
        List<String> errors = new ArrayList<>();
        Set<String> topics = r.all(KafkaTopic.class).stream().map(CrossReferenceTest::topicName).collect(Collectors.toSet());
        assertThat(r.all(KafkaUser.class).stream().map(CrossReferenceTest::name).collect(Collectors.toSet()))
                .as("a KafkaUser for every deployed service and for the municipal platform")
                .containsAll(services(r).stream().map(CrossReferenceTest::name).toList())
                .contains("municipal-platform");
        for (KafkaUser user : r.all(KafkaUser.class)) {
            String party = name(user);
            assertThat(Contracts.parties()).as("KafkaUser " + party + " is a party of asyncapi.yaml").contains(party);
            r.get(Kafka.class, user.getMetadata().getLabels().get("strimzi.io/cluster"));
            List<Rendered.Acl> acls = Rendered.acls(user);
            for (Rendered.Acl acl : acls.stream().filter(a -> a.type().equals("topic")).toList()) {
                if (topics.stream().noneMatch(acl::covers)) {
                    errors.add(party + ": ACL on topic " + acl.name() + (acl.prefix() ? "*" : "") + ", which does not exist");
                }
                if (acl.prefix() && (acl.allows("Write") || acl.allows("Read"))) {
                    errors.add(party + ": a prefix ACL on topics (" + acl.name() + ") is broader than its contract");
                }
            }
            Set<String> writes = topics.stream().filter(t -> acls.stream()
                    .anyMatch(a -> a.type().equals("topic") && a.covers(t) && a.allows("Write"))).collect(Collectors.toCollection(TreeSet::new));
            Set<String> reads = topics.stream().filter(t -> acls.stream()
                    .anyMatch(a -> a.type().equals("topic") && a.covers(t) && a.allows("Read"))).collect(Collectors.toCollection(TreeSet::new));
            Set<String> sends = Contracts.topicsOf(party, "send");
            Set<String> receives = Contracts.topicsOf(party, "receive");
            if (!writes.equals(sends)) {
                errors.add(party + " may write " + writes + " but asyncapi.yaml has it send to " + sends);
            }
            Set<String> readable = new TreeSet<>(receives);
            readable.addAll(sends); // a relay reads the tail of its own topics
            if (!readable.containsAll(reads)) {
                errors.add(party + " may read " + reads + ", more than it receives or sends " + readable);
            }
            if (!reads.containsAll(receives)) {
                errors.add(party + " receives " + receives + " but may read only " + reads);
            }
            for (Rendered.Acl acl : acls) {
                if (acl.allows("Create") || acl.allows("Delete") || acl.allows("Alter") || acl.allows("AlterConfigs")
                        || acl.operations().contains("All")) {
                    errors.add(party + ": " + acl + " manages resources; only the operators do");
                }
            }
        }
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theRelayAndTheConsumersHaveTheKafkaPermissionsThePlatformUses(Rendered r) {
        List<String> errors = new ArrayList<>();
        Set<String> topics = r.all(KafkaTopic.class).stream().map(CrossReferenceTest::topicName).collect(Collectors.toSet());
        String relaySource = ServiceConfig.platformSource("relay/RelayModule.java");
        assertThat(relaySource).as("the relay's transactional id and position group, as the ACLs assume")
                .contains("serviceName + \"-relay\"").contains("serviceName + \"-relay-position\"");
        for (Deployment d : services(r)) {
            String service = name(d);
            ServiceConfig config = new ServiceConfig(service);
            assertThat(config.property("threelists.service-name")).as(service + ": threelists.service-name").isEqualTo(service);
            List<Rendered.Acl> acls = Rendered.acls(r.get(KafkaUser.class, service));
            Set<String> sends = Contracts.topicsOf(service, "send");
            Set<String> receives = Contracts.topicsOf(service, "receive");
            Set<String> relayed = sends.stream().filter(t -> !t.endsWith(".dlq")).collect(Collectors.toSet());
            if (!relayed.isEmpty()) {
                requireAcl(errors, service, acls, "transactionalId", service + "-relay", "Write", "Describe");
                requireAcl(errors, service, acls, "group", service + "-relay-position", "Read");
                requireAcl(errors, service, acls, "cluster", null, "IdempotentWrite");
                relayed.forEach(t -> requireAcl(errors, service, acls, "topic", t, "Write", "Describe", "Read"));
            }
            for (String topic : receives) {
                requireAcl(errors, service, acls, "topic", topic, "Read", "Describe");
                String dlq = topic + ".dlq";
                if (!topics.contains(dlq)) {
                    errors.add(service + " consumes " + topic + " but there is no KafkaTopic " + dlq);
                }
                requireAcl(errors, service, acls, "topic", dlq, "Write", "Describe");
            }
            if (!receives.isEmpty() && config.consumerGroups.isEmpty()) {
                errors.add(service + " consumes " + receives + " but no consumerGroup() was found in its sources");
            }
            for (String group : config.consumerGroups) {
                requireAcl(errors, service, acls, "group", group, "Read");
            }
        }
        assertThat(errors).isEmpty();
    }

    private static void requireAcl(List<String> errors, String user, List<Rendered.Acl> acls, String type, String name,
            String... operations) {
        for (String operation : operations) {
            boolean allowed = acls.stream().anyMatch(a -> a.type().equals(type)
                    && (name == null || a.covers(name)) && a.allows(operation));
            if (!allowed) {
                errors.add(user + " lacks " + operation + " on " + type + (name == null ? "" : " " + name));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void replicationFitsTheBrokers(Rendered r) {
        List<String> errors = new ArrayList<>();
        for (Kafka kafka : r.all(Kafka.class)) {
            int brokers = r.brokers(name(kafka));
            Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
            int rf = intOf(config.get("default.replication.factor"));
            int minIsr = intOf(config.get("min.insync.replicas"));
            if (brokers < 1 || rf > brokers || intOf(config.get("offsets.topic.replication.factor")) > brokers
                    || intOf(config.get("transaction.state.log.replication.factor")) > brokers) {
                errors.add(name(kafka) + ": replication factors exceed its " + brokers + " brokers");
            }
            if (intOf(config.get("transaction.state.log.min.isr")) > intOf(config.get("transaction.state.log.replication.factor"))
                    || minIsr > rf) {
                errors.add(name(kafka) + ": a min.insync.replicas above its replication factor stops every write");
            }
            if (!Boolean.FALSE.equals(config.get("auto.create.topics.enable"))) {
                errors.add(name(kafka) + ": topics must come from KafkaTopics only (auto.create.topics.enable: false)");
            }
            for (KafkaTopic topic : r.all(KafkaTopic.class)) {
                int replicas = topic.getSpec().getReplicas();
                int isr = intOf(topic.getSpec().getConfig().get("min.insync.replicas"));
                if (replicas > brokers) {
                    errors.add(topicName(topic) + ": " + replicas + " replicas on " + brokers + " brokers");
                }
                if (isr > replicas || (replicas > 1 && isr >= replicas)) {
                    errors.add(topicName(topic) + ": min.insync.replicas " + isr + " with " + replicas
                            + " replicas leaves no broker to lose");
                }
            }
            String common = r.configMap("threelists-common").get("THREELISTS_KAFKA_REPLICATION_FACTOR");
            if (Integer.parseInt(common) > brokers) {
                errors.add("THREELISTS_KAFKA_REPLICATION_FACTOR " + common + " exceeds the brokers " + brokers);
            }
        }
        assertThat(errors).isEmpty();
    }

    private static int intOf(Object value) {
        return value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eachServiceReachesKafkaThroughAnAuthenticatedListenerAsItsOwnUser(Rendered r) {
        List<String> errors = new ArrayList<>();
        for (Deployment d : services(r)) {
            var env = r.env(container(d));
            String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS").value();
            Matcher m = java.util.regex.Pattern.compile("([a-z0-9-]+)-kafka-bootstrap:(\\d+)").matcher(bootstrap);
            if (!m.matches()) {
                errors.add(name(d) + ": KAFKA_BOOTSTRAP_SERVERS " + bootstrap + " is not a Strimzi bootstrap Service");
                continue;
            }
            Kafka kafka = r.get(Kafka.class, m.group(1));
            int port = Integer.parseInt(m.group(2));
            GenericKafkaListener listener = kafka.getSpec().getKafka().getListeners().stream()
                    .filter(l -> l.getPort() == port).findFirst().orElse(null);
            if (listener == null) {
                errors.add(name(d) + ": no listener on port " + port);
                continue;
            }
            if (listener.getAuth() == null || !"scram-sha-512".equals(listener.getAuth().getType())) {
                errors.add(name(d) + ": listener " + listener.getName() + " does not authenticate with SCRAM-SHA-512");
            }
            String protocol = listener.isTls() ? "SASL_SSL" : "SASL_PLAINTEXT";
            expect(errors, d, env, "KAFKA_SECURITY_PROTOCOL", protocol);
            expect(errors, d, env, "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
            var jaas = env.get("KAFKA_SASL_JAAS_CONFIG");
            KafkaUser user = r.get(KafkaUser.class, name(d));
            String userSecret = r.userSecretPrefix(user) + name(user);
            if (jaas == null || !userSecret.equals(jaas.secret()) || !"sasl.jaas.config".equals(jaas.key())) {
                errors.add(name(d) + ": KAFKA_SASL_JAAS_CONFIG must come from " + userSecret + "/sasl.jaas.config");
            }
            if (listener.isTls()) {
                expect(errors, d, env, "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
            }
            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
            if (listener.getNetworkPolicyPeers() == null || listener.getNetworkPolicyPeers().stream()
                    .noneMatch(p -> p.getNamespaceSelector() == null && Rendered.matches(p.getPodSelector(), podLabels))) {
                errors.add(name(d) + ": listener " + listener.getName() + "'s networkPolicyPeers do not admit its pods");
            }
            if (!"simple".equals(kafka.getSpec().getKafka().getAuthorization().getType())) {
                errors.add(name(kafka) + ": without simple authorization the ACLs decide nothing");
            }
        }
        assertThat(errors).isEmpty();
    }

    private static void expect(List<String> errors, Deployment d, Map<String, Rendered.EnvSource> env, String name,
            String value) {
        if (env.get(name) == null || !value.equals(env.get(name).value())) {
            errors.add(name(d) + ": " + name + " should be " + value);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eachServiceUsesItsOwnDatabaseAsItsOwnRoleWithinTheConnectionBudget(Rendered r) {
        List<String> errors = new ArrayList<>();
        int limits = 0;
        for (Deployment d : services(r)) {
            var env = r.env(container(d));
            URI jdbc = URI.create(env.get("QUARKUS_DATASOURCE_JDBC_URL").value().substring("jdbc:".length()));
            String host = jdbc.getHost();
            String database = jdbc.getPath().substring(1);
            if (!host.endsWith("-rw") || jdbc.getPort() != 5432) {
                errors.add(name(d) + ": the JDBC URL must name a CloudNativePG primary (<cluster>-rw:5432), not " + host);
                continue;
            }
            if (!Objects.toString(jdbc.getQuery()).contains("sslmode=verify-full")) {
                errors.add(name(d) + ": the JDBC URL does not verify the server's certificate");
            }
            String clusterName = host.substring(0, host.length() - "-rw".length());
            JsonNode cluster = r.cnpg("Cluster", clusterName).orElse(null);
            if (cluster == null) {
                errors.add(name(d) + ": no Cluster " + clusterName);
                continue;
            }
            String userSecret = env.get("QUARKUS_DATASOURCE_USERNAME").secret();
            if (!userSecret.equals(env.get("QUARKUS_DATASOURCE_PASSWORD").secret())) {
                errors.add(name(d) + ": user and password from different Secrets");
            }
            String username = r.secretValue(userSecret, env.get("QUARKUS_DATASOURCE_USERNAME").key()).orElse(null);
            JsonNode db = r.cnpg("Database").stream().filter(n -> n.path("spec").path("name").asText().equals(database)
                    && n.path("spec").path("cluster").path("name").asText().equals(clusterName)).findFirst().orElse(null);
            if (db == null) {
                errors.add(name(d) + ": no Database " + database + " in " + clusterName);
                continue;
            }
            String owner = db.path("spec").path("owner").asText();
            if (!owner.equals(username)) {
                errors.add(name(d) + ": connects as " + username + " to " + database + ", owned by " + owner);
            }
            if (!database.equals(owner)) {
                errors.add(database + ": pg_hba's sameuser rule needs the database named like its owner " + owner);
            }
            JsonNode role = null;
            for (JsonNode candidate : cluster.path("spec").path("managed").path("roles")) {
                if (candidate.path("name").asText().equals(owner)) {
                    role = candidate;
                }
            }
            if (role == null || !role.path("passwordSecret").path("name").asText().equals(userSecret)) {
                errors.add(name(d) + ": role " + owner + " is not managed with the password of Secret " + userSecret);
                continue;
            }
            String hba = cluster.path("spec").path("postgresql").path("pg_hba").toString();
            if (!hba.contains("host sameuser ") || !hba.matches(".*host sameuser [^\"]*\\b" + owner + "\\b.*")
                    || !hba.matches(".*host all [^\"]*\\b" + owner + "\\b[^\"]* reject.*")) {
                errors.add(name(d) + ": pg_hba does not confine " + owner + " to its own database");
            }
            int connectionLimit = role.path("connectionLimit").asInt(-1);
            limits += connectionLimit;
            int maxReplicas = r.find(HorizontalPodAutoscaler.class, name(d)).map(h -> h.getSpec().getMaxReplicas())
                    .orElse(Optional.ofNullable(d.getSpec().getReplicas()).orElse(1));
            if (connectionLimit < 0 || maxReplicas * POOL_MAX > connectionLimit) {
                errors.add(name(d) + ": " + maxReplicas + " replicas × " + POOL_MAX + " connections exceed the role's "
                        + "connectionLimit " + connectionLimit);
            }
        }
        for (JsonNode cluster : r.cnpg("Cluster")) {
            int max = Integer.parseInt(cluster.path("spec").path("postgresql").path("parameters").path("max_connections").asText("100"));
            if (limits + 3 + 10 > max) { // superuser_reserved_connections, and the operator's own
                errors.add("max_connections " + max + " is below the roles' limits " + limits + " + reserve");
            }
        }
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void scalingIsOwnedByTheAutoscalerAndDisruptionsAreBudgeted(Rendered r) {
        List<String> errors = new ArrayList<>();
        for (Deployment d : services(r)) {
            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
            Optional<HorizontalPodAutoscaler> hpa = r.all(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getKind().equals("Deployment")
                            && h.getSpec().getScaleTargetRef().getName().equals(name(d))).findFirst();
            int minReplicas = 1;
            if (hpa.isPresent()) {
                var spec = hpa.get().getSpec();
                minReplicas = spec.getMinReplicas();
                if (d.getSpec().getReplicas() != null) {
                    errors.add(name(d) + ": spec.replicas fights the HPA (every apply would reset the count)");
                }
                if (spec.getMinReplicas() > spec.getMaxReplicas() || spec.getMetrics() == null || spec.getMetrics().isEmpty()) {
                    errors.add(name(d) + ": HPA bounds or metrics are wrong");
                }
                if (container(d).getResources().getRequests().get("cpu") == null) {
                    errors.add(name(d) + ": a CPU-utilisation HPA needs a CPU request");
                }
            }
            List<PodDisruptionBudget> pdbs = r.all(PodDisruptionBudget.class).stream()
                    .filter(p -> Rendered.matches(p.getSpec().getSelector(), podLabels)).toList();
            if (pdbs.size() != 1) {
                errors.add(name(d) + ": " + pdbs.size() + " PodDisruptionBudgets, expected 1");
            }
            for (PodDisruptionBudget pdb : pdbs) {
                IntOrString minAvailable = pdb.getSpec().getMinAvailable();
                if (minAvailable != null && minAvailable.getIntVal() != null && minAvailable.getIntVal() >= minReplicas) {
                    errors.add(name(d) + ": minAvailable " + minAvailable.getIntVal() + " blocks every node drain");
                }
            }
        }
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void networkPoliciesLetThroughOnlyWhatMustTalk(Rendered r) {
        List<String> errors = new ArrayList<>();
        List<NetworkPolicy> policies = r.all(NetworkPolicy.class);
        if (policies.stream().noneMatch(p -> Rendered.selectsAll(p.getSpec().getPodSelector())
                && (p.getSpec().getIngress() == null || p.getSpec().getIngress().isEmpty())
                && p.getSpec().getPolicyTypes().contains("Ingress"))) {
            errors.add("no default-deny ingress policy");
        }
        JsonNode cluster = r.cnpg("Cluster").get(0);
        String clusterName = cluster.path("metadata").path("name").asText();
        NetworkPolicy pg = policies.stream().filter(p -> Rendered.matches(p.getSpec().getPodSelector(),
                Map.of("cnpg.io/cluster", clusterName))).findFirst().orElse(null);
        if (pg == null) {
            errors.add("no NetworkPolicy for the PostgreSQL instances");
        }
        for (Deployment d : services(r)) {
            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
            int port = container(d).getPorts().get(0).getContainerPort();
            List<NetworkPolicy> own = policies.stream()
                    .filter(p -> !Rendered.selectsAll(p.getSpec().getPodSelector())
                            && Rendered.matches(p.getSpec().getPodSelector(), podLabels)).toList();
            if (own.size() != 1) {
                errors.add(name(d) + ": " + own.size() + " own NetworkPolicies, expected 1");
                continue;
            }
            NetworkPolicy policy = own.get(0);
            boolean httpIn = policy.getSpec().getIngress().stream().anyMatch(rule -> allows(rule.getPorts(), port));
            if (!httpIn) {
                errors.add(name(d) + ": its policy admits nothing on its HTTP port " + port);
            }
            int managementPort = management(container(d)).map(ContainerPort::getContainerPort).orElse(-1);
            policy.getSpec().getIngress().stream().filter(rule -> allows(rule.getPorts(), managementPort)).forEach(rule -> {
                if (rule.getFrom() == null || !rule.getFrom().stream().allMatch(peer -> peer.getPodSelector() == null
                        && peer.getNamespaceSelector() != null
                        && Map.of("kubernetes.io/metadata.name", "monitoring").equals(peer.getNamespaceSelector().getMatchLabels()))) {
                    errors.add(name(d) + ": the management port " + managementPort + " is open to more than Prometheus's namespace");
                }
            });
            if (policy.getSpec().getIngress().stream().noneMatch(rule -> allows(rule.getPorts(), managementPort))) {
                errors.add(name(d) + ": Prometheus cannot reach the management port " + managementPort);
            }
            policy.getSpec().getIngress().forEach(rule -> {
                if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                    errors.add(name(d) + ": an ingress rule from anywhere");
                }
            });
            if (!policy.getSpec().getPolicyTypes().contains("Egress")) {
                errors.add(name(d) + ": egress is not restricted");
                continue;
            }
            var egress = policy.getSpec().getEgress();
            if (egress.stream().noneMatch(rule -> allows(rule.getPorts(), 5432) && rule.getTo().stream()
                    .anyMatch(peer -> Rendered.matches(peer.getPodSelector(), Map.of("cnpg.io/cluster", clusterName))))) {
                errors.add(name(d) + ": cannot reach PostgreSQL");
            }
            Kafka kafka = r.all(Kafka.class).get(0);
            Map<String, String> broker = Map.of("strimzi.io/cluster", name(kafka), "strimzi.io/broker-role", "true",
                    "strimzi.io/kind", "Kafka");
            int kafkaPort = Integer.parseInt(r.env(container(d)).get("KAFKA_BOOTSTRAP_SERVERS").value().replaceAll(".*:", ""));
            if (egress.stream().noneMatch(rule -> allows(rule.getPorts(), kafkaPort) && rule.getTo().stream()
                    .anyMatch(peer -> Rendered.matches(peer.getPodSelector(), broker)))) {
                errors.add(name(d) + ": cannot reach the Kafka brokers on " + kafkaPort);
            }
            if (egress.stream().noneMatch(rule -> allows(rule.getPorts(), 53))) {
                errors.add(name(d) + ": cannot resolve names (DNS)");
            }
            egress.forEach(rule -> {
                if (rule.getTo() == null || rule.getTo().isEmpty()) {
                    errors.add(name(d) + ": an egress rule to anywhere");
                }
            });
            if (pg != null && pg.getSpec().getIngress().stream().noneMatch(rule -> allows(rule.getPorts(), 5432)
                    && rule.getFrom().stream().anyMatch(peer -> peer.getNamespaceSelector() == null
                            && Rendered.matches(peer.getPodSelector(), podLabels)))) {
                errors.add(name(d) + ": PostgreSQL's policy does not admit it");
            }
        }
        assertThat(errors).isEmpty();
    }

    private static boolean allows(List<NetworkPolicyPort> ports, int port) {
        return ports == null || ports.isEmpty() || ports.stream().anyMatch(p -> p.getPort() != null
                && Objects.equals(p.getPort().getIntVal(), port));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void prometheusScrapesEveryServiceAndEveryPostgresInstance(Rendered r) {
        List<String> errors = new ArrayList<>();
        for (Deployment d : services(r)) {
            Service service = r.get(Service.class, name(d));
            List<ServiceMonitor> monitors = r.all(ServiceMonitor.class).stream()
                    .filter(m -> Rendered.matches(m.getSpec().getSelector(), service.getMetadata().getLabels())).toList();
            if (monitors.size() != 1) {
                errors.add(name(d) + ": " + monitors.size() + " ServiceMonitors, expected 1");
                continue;
            }
            Optional<ContainerPort> management = management(container(d));
            monitors.get(0).getSpec().getEndpoints().forEach(e -> {
                Optional<ServicePort> scraped = service.getSpec().getPorts().stream().filter(p -> p.getName().equals(e.getPort())).findFirst();
                if (scraped.isEmpty()) {
                    errors.add(name(d) + ": ServiceMonitor port " + e.getPort() + " is no port of the Service");
                } else if (management.isEmpty() || !resolve(container(d), scraped.get().getTargetPort()).equals(management)) {
                    errors.add(name(d) + ": ServiceMonitor port " + e.getPort() + " is not the management port, where the metrics are");
                }
                if (!"/q/metrics".equals(e.getPath())) {
                    errors.add(name(d) + ": metrics are served at /q/metrics, not " + e.getPath());
                }
            });
        }
        for (JsonNode cluster : r.cnpg("Cluster")) {
            String name = cluster.path("metadata").path("name").asText();
            if (r.all(PodMonitor.class).stream().noneMatch(m -> Rendered.matches(m.getSpec().getSelector(),
                    Map.of("cnpg.io/cluster", name)) && m.getSpec().getPodMetricsEndpoints().stream()
                            .anyMatch(e -> "metrics".equals(e.getPort())))) {
                errors.add("no PodMonitor scrapes Cluster " + name);
            }
        }
        assertThat(errors).isEmpty();
    }

    /**
     * The UBI launcher (run-java.sh) puts GC_CONTAINER_OPTIONS, -XX:+UseParallelGC unless set, on its command line: a
     * collector in JAVA_TOOL_OPTIONS as well would be a second one, and the JVM does not start with two. A collector
     * is chosen in GC_CONTAINER_OPTIONS, one at most.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void theCollectorIsChosenWhereTheImageLauncherLooks(Rendered r) {
        List<String> errors = new ArrayList<>();
        for (Deployment d : services(r)) {
            Map<String, Rendered.EnvSource> env = r.env(container(d));
            if (GC_OPTION.matcher(env.get("JAVA_TOOL_OPTIONS").value()).find()) {
                errors.add(name(d) + ": a collector in JAVA_TOOL_OPTIONS; choose it in GC_CONTAINER_OPTIONS");
            }
            Rendered.EnvSource gc = env.get("GC_CONTAINER_OPTIONS");
            if (gc != null && (gc.value() == null || GC_OPTION.matcher(gc.value()).results().count() != 1)) {
                errors.add(name(d) + ": GC_CONTAINER_OPTIONS names one collector, as a literal");
            }
        }
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void requestsAndLimitsFollowTheMeasuredFootprint(Rendered r) {
        List<String> errors = new ArrayList<>();
        for (Deployment d : services(r)) {
            Container c = container(d);
            Map<String, Quantity> requests = c.getResources().getRequests();
            Map<String, Quantity> limits = c.getResources().getLimits();
            BigDecimal request = Quantity.getAmountInBytes(requests.get("memory"));
            BigDecimal limit = Quantity.getAmountInBytes(limits.get("memory"));
            String options = r.env(c).get("JAVA_TOOL_OPTIONS").value();
            Matcher xmx = java.util.regex.Pattern.compile("-Xmx([0-9]+)([kmgKMG])\\b").matcher(options);
            if (!xmx.find()) {
                errors.add(name(d) + ": no explicit heap size (-Xmx) in JAVA_TOOL_OPTIONS: a base image's launcher "
                        + "would size it from the limit");
                continue;
            }
            long unit = switch (xmx.group(2).toLowerCase()) {
                case "k" -> 1024L;
                case "m" -> 1024L * 1024;
                default -> 1024L * 1024 * 1024;
            };
            BigDecimal heap = new BigDecimal(Long.parseLong(xmx.group(1)) * unit);
            if (request.compareTo(MEASURED_RSS) < 0) {
                errors.add(name(d) + ": memory request " + requests.get("memory") + " is below the measured RSS (250 MB)");
            }
            if (limit.compareTo(request) < 0) {
                errors.add(name(d) + ": memory limit below request");
            }
            if (heap.compareTo(MEASURED_HEAP) < 0) {
                errors.add(name(d) + ": heap " + heap + " bytes is smaller than the measured 256 MiB");
            }
            if (limit.subtract(heap).compareTo(new BigDecimal(192L * 1024 * 1024)) < 0) {
                errors.add(name(d) + ": less than 192 MiB beside the heap for metaspace, threads and buffers");
            }
            if (requests.get("cpu") == null || limits.get("cpu") == null) {
                errors.add(name(d) + ": CPU request and limit");
            }
        }
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everythingIsLabelledAndInTheNamespaceAndImagesAreTheServices(Rendered r) {
        List<String> errors = new ArrayList<>();
        for (JsonNode node : r.nodes) {
            JsonNode metadata = node.path("metadata");
            String id = Kustomize.id(node);
            if (!"threelists".equals(metadata.path("labels").path("app.kubernetes.io/part-of").asText())) {
                errors.add(id + ": label app.kubernetes.io/part-of");
            }
            if (!r.overlay.equals(metadata.path("labels").path("threelists.dev/environment").asText())) {
                errors.add(id + ": label threelists.dev/environment");
            }
            boolean clusterScoped = node.path("kind").asText().equals("Namespace");
            if (!clusterScoped && !"threelists".equals(metadata.path("namespace").asText())) {
                errors.add(id + ": not in namespace threelists");
            }
        }
        for (Deployment d : services(r)) {
            String image = container(d).getImage();
            if (!image.equals("threelists/" + name(d) + ":0.1.0") && !image.endsWith("/threelists/" + name(d) + ":0.1.0")) {
                errors.add(name(d) + ": image " + image);
            }
        }
        assertThat(errors).isEmpty();
    }
}
