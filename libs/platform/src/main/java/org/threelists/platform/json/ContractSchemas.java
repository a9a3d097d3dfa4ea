package org.threelists.platform.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of contracts/ (on the classpath under contracts/schemas/), loaded by their {@code $id}s so that
 * relative {@code $ref}s between them resolve. Consumers validate inbound messages with them; tests validate every
 * produced message.
 */
public final class ContractSchemas {

    public static final String ID_PREFIX = "https://threelists.dev/schemas/";
    private static final String CLASSPATH_PREFIX = "classpath:contracts/schemas/";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(ID_PREFIX, CLASSPATH_PREFIX))
                    // Never fetch a schema over the network: an unmapped $ref fails when the schema loads.
                    .schemaLoaders(loaders -> loaders.add(new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:")))));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<String, JsonSchema> LOADED = new ConcurrentHashMap<>();

    private ContractSchemas() {
    }

    /** The schema of a topic's messages, e.g. {@code forTopic("municipal.requests.v1")}. */
    public static JsonSchema forTopic(String topic) {
        return LOADED.computeIfAbsent(topic, t -> {
            JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(ID_PREFIX + t + ".schema.json"), CONFIG);
            schema.initializeValidators();
            return schema;
        });
    }

    /** What is wrong with {@code message}; empty when it is valid. */
    public static List<String> violations(String topic, JsonNode message) {
        return forTopic(topic).validate(message).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
