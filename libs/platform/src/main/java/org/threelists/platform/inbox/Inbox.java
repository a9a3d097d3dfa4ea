package org.threelists.platform.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The processed_message table: which inbound messages each consumer group has already dealt with. */
@ApplicationScoped
public class Inbox {

    public enum Outcome { PROCESSED, DEAD_LETTERED }

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
            insert.setString(2, messageId);
            insert.setString(3, record.topic());
            insert.setInt(4, record.partition());
            insert.setLong(5, record.offset());
            insert.setString(6, outcome.name());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record message " + messageId, e);
        }
    }
}
