package org.threelists.deploy.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * What a service reads, from its sources: the properties of its application.properties and of the platform's
 * microprofile-config.properties, the names of every {@code @ConfigProperty} in the platform and in the service,
 * and the environment variables that those files name directly ({@code ${THREELISTS_PII_MASTER_KEY}}).
 * An environment variable is read when MicroProfile Config maps it to one of those properties: upper case, every
 * character that is not a letter or digit replaced by '_'.
 */
final class ServiceConfig {

    static final Path PLATFORM = Repo.ROOT.resolve("libs/platform");
    private static final java.util.regex.Pattern CONFIG_PROPERTY =
            java.util.regex.Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final java.util.regex.Pattern EXPRESSION = java.util.regex.Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)");
    /**
     * A group named by an InboundHandler's consumerGroup(), by an IntegrationEventHandler's super(topic, group), or by
     * a consumer a service builds itself from KafkaClients ({@code kafka.consumer("ledger.rebuild")}).
     */
    private static final java.util.regex.Pattern CONSUMER_GROUP = java.util.regex.Pattern.compile(
            "consumerGroup\\(\\)\\s*\\{\\s*return\\s*\"([^\"]+)\"|super\\(\\s*[\\w.]+\\s*,\\s*\"([^\"]+)\"\\s*\\)"
                    + "|\\bkafka\\.consumer\\(\\s*\"([^\"]+)\"\\s*\\)");

    final String service;
    /** application.properties, then the platform's defaults beneath it (profile-specific keys left out) */
    final Map<String, String> properties = new LinkedHashMap<>();
    final Set<String> propertyNames = new TreeSet<>();
    final Set<String> directEnvNames = new TreeSet<>();
    final Set<String> consumerGroups = new TreeSet<>();

    ServiceConfig(String service) {
        this.service = service;
        Path module = Repo.serviceModules().get(service);
        if (module == null) {
            throw new IllegalStateException("No module under services/ has threelists.service-name=" + service);
        }
        load(module.resolve("src/main/resources/application.properties"));
        load(PLATFORM.resolve("src/main/resources/META-INF/microprofile-config.properties"));
        for (Path sources : List.of(PLATFORM.resolve("src/main/java"), module.resolve("src/main/java"))) {
            for (Path source : javaFiles(sources)) {
                String text = Repo.read(source);
                Matcher m = CONFIG_PROPERTY.matcher(text);
                while (m.find()) {
                    propertyNames.add(m.group(1));
                }
                Matcher g = CONSUMER_GROUP.matcher(text);
                while (g.find()) {
                    consumerGroups.add(g.group(1) != null ? g.group(1) : g.group(2) != null ? g.group(2) : g.group(3));
                }
            }
        }
    }

    private void load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No " + file);
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key);
            Matcher m = EXPRESSION.matcher(value);
            while (m.find()) {
                directEnvNames.add(m.group(1));
            }
            if (key.startsWith("%")) {
                continue;
            }
            propertyNames.add(key);
            properties.putIfAbsent(key, value);
        }
    }

    /** MicroProfile Config's environment variable name for a property. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Whether the service reads this environment variable: as one of its properties, by name, or — for KAFKA_* — as
     * one of the kafka.* settings that libs/platform's KafkaClients passes to every client ("default-kafka-broker").
     */
    boolean reads(String envName) {
        return directEnvNames.contains(envName) || propertyNames.stream().anyMatch(p -> envName(p).equals(envName))
                || envName.startsWith("KAFKA_") && platformSource("kafka/KafkaClients.java").contains("default-kafka-broker");
    }

    String property(String name) {
        return properties.get(name);
    }

    static String platformSource(String relative) {
        return Repo.read(PLATFORM.resolve("src/main/java/org/threelists/platform").resolve(relative));
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
