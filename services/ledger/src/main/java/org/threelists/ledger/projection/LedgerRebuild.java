package org.threelists.ledger.projection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.threelists.ledger.messaging.Topics;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.InvalidMessageException;
import org.threelists.platform.kafka.KafkaClients;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the entries from project-list.events.v1, offset 0, into a new generation, while the live consumer keeps
 * appending to the current one; then, holding the generation lock exclusively, applies what arrived meanwhile and makes
 * the new generation current. The old generation is retired and, once its head was compared with the new one, its
 * entries are dropped (and those of any earlier retired or abandoned build), so rebuilds do not pile up copies of the
 * ledger. The live consumer then goes on in the new generation, where the events the rebuild already applied are
 * skipped by id. Corrections, statements and summaries belong to no generation and are kept.
 */
@ApplicationScoped
public class LedgerRebuild {

    private static final Logger LOG = Logger.getLogger(LedgerRebuild.class);

    private final AgroalDataSource dataSource;
    private final KafkaClients kafka;
    private final LedgerProjection projection;
    private final ChainVerification verification;

    LedgerRebuild(AgroalDataSource dataSource, KafkaClients kafka, LedgerProjection projection,
            ChainVerification verification) {
        this.dataSource = dataSource;
        this.kafka = kafka;
        this.projection = projection;
        this.verification = verification;
    }

    public record Result(int previousGeneration, int generation, long events, long entries, String previousHead,
            String head, boolean sameHead, long millis, double eventsPerSecond, List<Integer> droppedGenerations) {
    }

    public synchronized Result rebuild(String actor) {
        long started = System.nanoTime();
        int[] generations = QuarkusTransaction.requiringNew().call(() -> begin(actor));
        int previous = generations[0];
        int next = generations[1];
        long events = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.consumer("ledger.rebuild"))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(Topics.PROJECT_EVENTS, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(Topics.PROJECT_EVENTS, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            events += catchUp(consumer, partitions, next, false);
            // The flip: no live event is applied while the last records are read and the generation changes.
            long[] last = {0};
            QuarkusTransaction.requiringNew().timeout(900).run(() -> {
                lockExclusively();
                last[0] = catchUp(consumer, partitions, next, true);
                finish(previous, next);
            });
            events += last[0];
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> abandon(next));
            throw e;
        }
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        // In transactions, so that the walks stream the rows through a cursor.
        ChainVerification.Result before = QuarkusTransaction.requiringNew().timeout(900).call(() -> verification.verify(previous));
        ChainVerification.Result after = QuarkusTransaction.requiringNew().timeout(900).call(() -> verification.verify(next));
        List<Integer> dropped = QuarkusTransaction.requiringNew().timeout(900).call(() -> dropAllBut(next));
        LOG.infof("Ledger rebuilt by %s: generation %d from %d events in %d ms, head %s; dropped the entries of %s",
                actor, next, events, millis, after.head(), dropped);
        return new Result(previous, next, events, after.entries(), before.head(), after.head(),
                before.head().equals(after.head()), millis, events * 1000.0 / millis, dropped);
    }

    /** Reads every partition up to its end offset as of now; applies each poll's records in one transaction. */
    private long catchUp(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions, int generation,
            boolean inTransaction) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long applied = 0;
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
            consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    batch.add(record);
                }
            });
            Runnable apply = () -> batch.forEach(record -> applyOne(record, generation));
            if (inTransaction) {
                apply.run();
            } else {
                QuarkusTransaction.requiringNew().run(apply);
            }
            applied += batch.size();
            // Records past the snapshot's end were read but not applied: read them again in the next round.
            for (TopicPartition p : partitions) {
                if (consumer.position(p) > end.get(p)) {
                    consumer.seek(p, end.get(p));
                }
            }
        }
        return applied;
    }

    private void applyOne(ConsumerRecord<String, byte[]> record, int generation) {
        try {
            projection.apply(generation, InboundEvent.parse(Topics.PROJECT_EVENTS, record), record.partition(),
                    record.offset());
        } catch (InvalidMessageException e) {
            // The live consumer dead-lettered it; a rebuild skips it the same way.
        }
    }

    private int[] begin(String actor) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement abandon = c.prepareStatement(
                    "UPDATE ledger_generation SET status = 'ABANDONED' WHERE status = 'BUILDING'")) {
                abandon.executeUpdate();
            }
            int current = LedgerProjection.currentGeneration(c);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO ledger_generation (generation, status, started_by) "
                    + "SELECT max(generation) + 1, 'BUILDING', ? FROM ledger_generation RETURNING generation")) {
                insert.setString(1, actor);
                try (var rs = insert.executeQuery()) {
                    rs.next();
                    return new int[] {current, rs.getInt(1)};
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start a rebuild", e);
        }
    }

    private void lockExclusively() {
        try (Connection c = dataSource.getConnection(); PreparedStatement lock = c.prepareStatement(
                "SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LedgerProjection.GENERATION_LOCK);
            lock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void finish(int previous, int next) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement retire = c.prepareStatement(
                    "UPDATE ledger_generation SET status = 'RETIRED' WHERE generation = ?")) {
                retire.setInt(1, previous);
                retire.executeUpdate();
            }
            try (PreparedStatement current = c.prepareStatement("UPDATE ledger_generation SET status = 'CURRENT', "
                    + "completed_at = now(), events = (SELECT count(*) FROM applied_event WHERE generation = ?) "
                    + "WHERE generation = ?")) {
                current.setInt(1, next);
                current.setInt(2, next);
                current.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the rows of every retired or abandoned generation; their ledger_generation rows stay as history. */
    private List<Integer> dropAllBut(int current) {
        try (Connection c = dataSource.getConnection()) {
            List<Integer> dropped = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT generation FROM ledger_generation WHERE generation <> ? "
                    + "AND status IN ('RETIRED', 'ABANDONED') AND (EXISTS (SELECT 1 FROM chain_head h WHERE h.generation "
                    + "= ledger_generation.generation) OR EXISTS (SELECT 1 FROM applied_event a WHERE a.generation = "
                    + "ledger_generation.generation)) ORDER BY generation")) {
                q.setInt(1, current);
                try (var rs = q.executeQuery()) {
                    while (rs.next()) {
                        dropped.add(rs.getInt(1));
                    }
                }
            }
            for (String table : List.of("ledger_entry", "chain_head", "applied_event")) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE generation = ANY (?)")) {
                    delete.setArray(1, c.createArrayOf("integer", dropped.toArray()));
                    delete.executeUpdate();
                }
            }
            return dropped;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop retired generations", e);
        }
    }

    private void abandon(int generation) {
        try (Connection c = dataSource.getConnection(); PreparedStatement abandon = c.prepareStatement(
                "UPDATE ledger_generation SET status = 'ABANDONED' WHERE generation = ? AND status = 'BUILDING'")) {
            abandon.setInt(1, generation);
            abandon.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
