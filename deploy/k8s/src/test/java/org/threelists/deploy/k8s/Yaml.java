package org.threelists.deploy.k8s;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads YAML files, every document of a file, refusing duplicate keys (kubectl would keep the last silently). */
final class Yaml {

    static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder().build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Yaml() {
    }

    /** The documents of a file, empty documents (comments only) left out. */
    static List<JsonNode> documents(Path file) {
        try {
            return documents(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static List<JsonNode> documents(String yaml, String origin) {
        try (YAMLParser parser = (YAMLParser) MAPPER.getFactory().createParser(yaml)) {
            List<JsonNode> documents = new ArrayList<>();
            MappingIterator<JsonNode> it = MAPPER.readValues(parser, JsonNode.class);
            while (it.hasNextValue()) {
                JsonNode document = it.nextValue();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse " + origin + ": " + e.getMessage(), e);
        }
    }

    /** The documents of a manifest file, each of which must be an object. */
    static List<ObjectNode> objects(Path file) {
        return objects(documents(file), file.toString());
    }

    static List<ObjectNode> objects(String yaml) {
        return objects(documents(yaml, "(text)"), "(text)");
    }

    private static List<ObjectNode> objects(List<JsonNode> documents, String origin) {
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode document : documents) {
            if (!(document instanceof ObjectNode object)) {
                throw new IllegalArgumentException(origin + ": a document is not an object: " + document);
            }
            objects.add(object);
        }
        return objects;
    }

    static JsonNode single(Path file) {
        List<JsonNode> documents = documents(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " has " + documents.size() + " documents, expected 1");
        }
        return documents.get(0);
    }
}
