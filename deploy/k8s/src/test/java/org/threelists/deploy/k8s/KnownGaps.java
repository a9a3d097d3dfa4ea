package org.threelists.deploy.k8s;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the manifests need from libs/platform that it does not do yet, detected from its sources so that the
 * tests notice when it is done (README, "Prerequisites in the platform").
 */
final class KnownGaps {

    /** Environment variable → the Kafka client setting it carries, and the constant that names it in Java. */
    private static final Map<String, String[]> KAFKA_SECURITY = new LinkedHashMap<>();

    static {
        KAFKA_SECURITY.put("KAFKA_SECURITY_PROTOCOL", new String[] {"security.protocol", "SECURITY_PROTOCOL_CONFIG"});
        KAFKA_SECURITY.put("KAFKA_SASL_MECHANISM", new String[] {"sasl.mechanism", "SASL_MECHANISM"});
        KAFKA_SECURITY.put("KAFKA_SASL_JAAS_CONFIG", new String[] {"sasl.jaas.config", "SASL_JAAS_CONFIG"});
        KAFKA_SECURITY.put("KAFKA_SSL_TRUSTSTORE_TYPE", new String[] {"ssl.truststore.type", "SSL_TRUSTSTORE_TYPE_CONFIG"});
        KAFKA_SECURITY.put("KAFKA_SSL_TRUSTSTORE_LOCATION",
                new String[] {"ssl.truststore.location", "SSL_TRUSTSTORE_LOCATION_CONFIG"});
    }

    private KnownGaps() {
    }

    /**
     * The kafka.* client settings that Quarkus's Kafka extension reads from the environment (they configure its
     * health check's admin client) but that KafkaClients, which builds every producer and consumer of the platform
     * from kafka.bootstrap.servers alone, does not pass on. Empty once KafkaClients passes them through, by name
     * or wholesale (e.g. the "default-kafka-broker" configuration map that Quarkus provides).
     */
    static Set<String> kafkaClientSecurityEnv() {
        String source = ServiceConfig.platformSource("kafka/KafkaClients.java");
        Set<String> missing = new TreeSet<>();
        if (source.contains("default-kafka-broker")) {
            return missing;
        }
        KAFKA_SECURITY.forEach((env, names) -> {
            if (!source.contains("\"" + names[0] + "\"") && !source.contains(names[1])) {
                missing.add(env);
            }
        });
        return missing;
    }

    /**
     * Whether Axon's token-store node id is derived from the process id alone. In a container the JVM is usually
     * PID 1 in every pod, so all replicas would share one node id and each would take the others' token claims for
     * its own: the single-segment relay would run in every replica at once. Until this is fixed, no service may run
     * more than one replica.
     */
    static boolean axonNodeIdIsThePidAlone() {
        String source = ServiceConfig.platformSource("axon/AxonRuntime.java");
        String line = source.lines().filter(l -> l.contains("this.nodeId =")).findFirst().orElse("");
        return line.contains("pid()") && !line.matches(".*(?i)(host|uuid|random|getName\\(\\)|HOSTNAME).*");
    }
}
