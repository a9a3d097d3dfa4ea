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

    TransactionalPublisher(Properties settings) {
        this.settings = settings;
    }

    synchronized void begin() {
        if (producer == null) {
            producer = new KafkaProducer<>(settings);
            producer.initTransactions();
        }
        producer.beginTransaction();
    }

    synchronized void send(ProducerRecord<String, byte[]> record) {
        producer.send(record);
    }

    synchronized void commit() {
        try {
            producer.commitTransaction();
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
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }
}
