package org.threelists.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The topics of contracts/: the AsyncAPI channels, who sends and who receives on each, and the schema files. */
final class Contracts {

    static final Path DIR = Repo.ROOT.resolve("contracts");
    private static final JsonNode ASYNCAPI = Yaml.single(DIR.resolve("asyncapi.yaml"));

    private Contracts() {
    }

    /** channel id → topic address */
    static Map<String, String> channels() {
        Map<String, String> channels = new TreeMap<>();
        ASYNCAPI.path("channels").fields().forEachRemaining(e -> channels.put(e.getKey(), e.getValue().path("address").asText()));
        return channels;
    }

    /** Every topic that contracts/ names: the channels' addresses and the topics that have a message schema. */
    static Set<String> topics() {
        Set<String> topics = new TreeSet<>(channels().values());
        topics.addAll(schemaTopics());
        return topics;
    }

    /** contracts/schemas/<topic>.schema.json, except the shared definitions (common.v1). */
    static Set<String> schemaTopics() {
        try (Stream<Path> files = Files.list(DIR.resolve("schemas"))) {
            Set<String> topics = new TreeSet<>();
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".schema.json"))
                    .map(n -> n.substring(0, n.length() - ".schema.json".length()))
                    .filter(n -> !n.startsWith("common."))
                    .forEach(topics::add);
            return topics;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The topics a service (x-service) sends to, or receives from, by the AsyncAPI operations. */
    static Set<String> topicsOf(String service, String action) {
        Set<String> topics = new TreeSet<>();
        Map<String, String> channels = channels();
        ASYNCAPI.path("operations").forEach(op -> {
            if (op.path("x-service").asText().equals(service) && op.path("action").asText().equals(action)) {
                String ref = op.path("channel").path("$ref").asText();
                topics.add(channels.get(ref.substring(ref.lastIndexOf('/') + 1)));
            }
        });
        return topics;
    }

    /** Every x-service of the operations: the services and the municipal platform. */
    static Set<String> parties() {
        Set<String> parties = new TreeSet<>();
        ASYNCAPI.path("operations").forEach(op -> parties.add(op.path("x-service").asText()));
        return parties;
    }
}
