package org.threelists.platform.relay;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Properties;

/**
 * A transactional Kafka producer that survives its own failures: after a failed commit or abort it is closed,
 * and the next transaction starts on a new producer with the same transactional id, which fences the old one
 * and aborts whatever it left open.
 */
final class TransactionalPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TransactionalPublisher.class);

    private final Properties settings;
    private KafkaProducer<String, byte[]> producer;
    private boolean inTransaction;

    TransactionalPublisher(Properties settings) {
        this.settings = settings;
    }

    /**
     * Starts a new producer unless a transaction of this one is open. Its {@code initTransactions} fences every earlier
     * producer of the same transactional id, here or in another replica, and waits until their last transaction has
     * completed or been aborted: only after that is what the relay reads back from Kafka final (a commit that timed
     * out on the client may still complete on the broker).
     */
    synchronized void renew() {
        if (inTransaction) {
            return;
        }
        if (producer != null) {
            discard();
        }
        start();
    }

    synchronized void begin() {
        if (producer == null) {
            start();
        }
        producer.beginTransaction();
        inTransaction = true;
    }

    /** A producer whose initTransactions failed (a broker that did not answer in time) is not kept half-started. */
    private void start() {
        KafkaProducer<String, byte[]> created = new KafkaProducer<>(settings);
        try {
            created.initTransactions();
        } catch (RuntimeException e) {
            created.close(Duration.ZERO);
            throw e;
        }
        producer = created;
    }

    synchronized void send(ProducerRecord<String, byte[]> record) {
        producer.send(record);
    }

    synchronized void commit() {
        try {
            producer.commitTransaction();
            inTransaction = false;
        } catch (RuntimeException e) {
            discard();
            throw e;
        }
    }

    synchronized void abort() {
        if (producer == null) {
            return;
        }
        try {
            producer.abortTransaction();
            inTransaction = false;
        } catch (RuntimeException e) {
            LOG.warnf("Aborting the relay's Kafka transaction failed (%s); starting a new producer", e.toString());
            discard();
        }
    }

    private void discard() {
        try {
            // Nothing it still holds may be sent: its transaction is over, and the next producer fences it anyway.
            // close() without a time-out would wait for its pending records, up to delivery.timeout.ms (120 s) while
            // the broker does not answer, holding the relay's thread.
            producer.close(Duration.ZERO);
        } catch (RuntimeException ignored) {
            // Closing a fenced or failed producer may throw; the next begin() starts afresh either way.
        }
        producer = null;
        inTransaction = false;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
            producer = null;
            inTransaction = false;
        }
    }
}
