package org.threelists.ledger.messaging;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The events of a topic the ledger records nothing for (on demand-list.events.v1, all but a demand's listing and a
 * slip's close: services/ledger/README.md, "Slips"), recognised by their CloudEvents type before the body is parsed
 * and schema-checked, so that they cost the ledger only the inbox's row. The type is the {@code ce_type} header when
 * the record has one (the CloudEvents binary mode), else the top-level {@code type} of the structured body (the
 * platform's relay publishes structured events), read with a streaming parser that builds nothing.
 *
 * <p>Skipping is safe because applying such an event changes nothing: the inbox still records it (a redelivery is
 * skipped as before), and a rebuild skips it as the live consumer does, so both generations have the same rows. Only
 * types the topic's schema names are skipped: an unknown type, a missing one, or a body that is not a JSON object goes
 * the full way and is dead-lettered as before. An ignored event whose body breaks the schema elsewhere is acknowledged
 * without a DLQ copy: the ledger has no use for it, and its producer checks what it publishes against the same schema.
 */
public final class UnrecordedEvents {

    private static final Pattern EVENT_TYPE = Pattern.compile("threelists\\.[a-z0-9.-]+\\.v[0-9]+");

    private final Set<String> unrecorded;

    private UnrecordedEvents(Set<String> unrecorded) {
        this.unrecorded = Set.copyOf(unrecorded);
    }

    /** The types {@code topic}'s schema names (contracts/schemas) but {@code recorded}. */
    public static UnrecordedEvents of(String topic, Set<String> recorded) {
        Set<String> types = new TreeSet<>();
        Deque<JsonNode> nodes = new ArrayDeque<>();
        nodes.push(ContractSchemas.forTopic(topic).getSchemaNode());
        while (!nodes.isEmpty()) {
            JsonNode node = nodes.pop();
            if (node.isTextual() && EVENT_TYPE.matcher(node.asText()).matches()) {
                types.add(node.asText());
            }
            node.forEach(nodes::push);
        }
        if (!types.containsAll(recorded)) {
            throw new IllegalStateException(topic + "'s schema does not name every recorded type " + recorded);
        }
        types.removeAll(recorded);
        return new UnrecordedEvents(types);
    }

    /** Whether {@code record} is an event of a type the ledger records nothing for. */
    public boolean skips(ConsumerRecord<String, byte[]> record) {
        String type = typeOf(record);
        return type != null && unrecorded.contains(type);
    }

    Set<String> types() {
        return unrecorded;
    }

    /** The CloudEvents type, or null when the record does not say it plainly (the full parse then decides). */
    static String typeOf(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("ce_type");
        if (header != null && header.value() != null) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        if (record.value() == null) {
            return null;
        }
        try (JsonParser p = Json.mapper().getFactory().createParser(record.value())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            // the whole object is read (its members skipped, not built), so that a body that is not JSON goes the full
            // way, and a repeated "type" counts as the tree parse counts it: the last one
            String type = null;
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("type")) {
                    type = value == JsonToken.VALUE_STRING ? p.getText() : null;
                }
                p.skipChildren();
            }
            return token == JsonToken.END_OBJECT && p.nextToken() == null ? type : null;
        } catch (IOException e) {
            return null;
        }
    }
}
