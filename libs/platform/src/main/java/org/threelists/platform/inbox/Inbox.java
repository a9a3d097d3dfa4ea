package org.threelists.platform.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The processed_message table: which inbound messages each consumer group has already dealt with. */
@ApplicationScoped
public class Inbox {

    public enum Outcome { PROCESSED, DEAD_LETTERED }

    /** The width of {@code processed_message.message_id}. */
    static final int MAX_KEY_LENGTH = 300;
    static final String HASHED = "sha256:";

    private final AgroalDataSource dataSource;

    Inbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the message in the current transaction. Returns false when it was recorded before, in which case the
     * caller must not apply it again.
     */
    public boolean record(String group, String messageId, ConsumerRecord<?, ?> record, Outcome outcome) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO processed_message (consumer_group, message_id, topic, kafka_partition, kafka_offset, outcome) "
                             + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (consumer_group, message_id) DO NOTHING")) {
            insert.setString(1, group);
            insert.setString(2, keyOf(messageId));
            insert.setString(3, record.topic());
            insert.setInt(4, record.partition());
            insert.setLong(5, record.offset());
            insert.setString(6, outcome.name());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record message " + keyOf(messageId), e);
        }
    }

    /** A polled message and its id. */
    public record Message(String id, ConsumerRecord<String, byte[]> record) {
    }

    /**
     * Records a poll's messages as processed in the current transaction with one statement, as {@link #record} does
     * each; answers those recorded now, in their order (a message recorded before, or an id's later copies in the
     * poll, are left out: the caller must not apply them).
     */
    public List<ConsumerRecord<String, byte[]>> recordAll(String group, List<Message> messages) {
        Map<String, Message> firsts = new LinkedHashMap<>();
        messages.forEach(m -> firsts.putIfAbsent(keyOf(m.id()), m));
        if (firsts.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO processed_message (consumer_group, message_id, "
                     + "topic, kafka_partition, kafka_offset, outcome) SELECT ?, m, t, p, o, ? FROM unnest(?::varchar[], "
                     + "?::varchar[], ?::integer[], ?::bigint[]) AS u(m, t, p, o) ON CONFLICT (consumer_group, message_id) "
                     + "DO NOTHING RETURNING message_id")) {
            insert.setString(1, group);
            insert.setString(2, Outcome.PROCESSED.name());
            insert.setArray(3, c.createArrayOf("varchar", firsts.keySet().toArray()));
            insert.setArray(4, c.createArrayOf("varchar", firsts.values().stream().map(m -> m.record().topic()).toArray()));
            insert.setArray(5, c.createArrayOf("integer", firsts.values().stream().map(m -> m.record().partition()).toArray()));
            insert.setArray(6, c.createArrayOf("bigint", firsts.values().stream().map(m -> m.record().offset()).toArray()));
            Set<String> recorded = new HashSet<>();
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    recorded.add(rs.getString(1));
                }
            }
            List<ConsumerRecord<String, byte[]>> fresh = new ArrayList<>(recorded.size());
            firsts.forEach((key, m) -> {
                if (recorded.contains(key)) {
                    fresh.add(m.record());
                }
            });
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record " + firsts.size() + " messages", e);
        }
    }

    /**
     * The key the inbox stores for a message id. A producer's id may have any length and any characters, but the
     * column is bounded and PostgreSQL text cannot hold NUL: such an id is stored as the SHA-256 of its UTF-8 bytes,
     * so the insert (and the dead-letter bookkeeping) cannot fail on it and a redelivery maps to the same key.
     */
    static String keyOf(String messageId) {
        if (storable(messageId)) {
            return messageId;
        }
        return HASHED + MessageIds.sha256Hex(messageId);
    }

    private static boolean storable(String id) {
        if (id.length() > MAX_KEY_LENGTH || id.startsWith(HASHED)) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '\u0000' || Character.isSurrogate(c) && !validPair(id, i)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return true;
    }

    private static boolean validPair(String id, int i) {
        return Character.isHighSurrogate(id.charAt(i)) && i + 1 < id.length() && Character.isLowSurrogate(id.charAt(i + 1));
    }
}
