package org.threelists.demand.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The demand list's inbox as a test reads it: a message that changes nothing is recorded too, so the inbox row is how a
 * test knows a consumer dealt with a message (libs/platform/README.md, "Inbox").
 */
final class InboxRows {

    private InboxRows() {
    }

    /** Waits until {@code group} has recorded the message (processed, or dead-lettered); returns the outcome. */
    static String awaitOutcome(String group, String messageId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        do {
            Optional<String> outcome = outcome(group, messageId);
            if (outcome.isPresent()) {
                return outcome.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(group + " did not deal with message " + messageId + " within 30 s");
    }

    static Optional<String> outcome(String group, String messageId) {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT outcome FROM processed_message WHERE consumer_group = ? AND message_id = ?")) {
            select.setString(1, group);
            select.setString(2, messageId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
