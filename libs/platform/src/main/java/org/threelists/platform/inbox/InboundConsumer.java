package org.threelists.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import org.threelists.platform.kafka.KafkaClients;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Polls one inbound topic for one {@link InboundHandler}. Per message: skip it if the inbox has it, else apply it
 * and record it in one transaction; retry a failure up to the handler's bound, then dead-letter it, so the
 * partition keeps moving. Offsets are committed only after the messages before them are done; if even the DLQ
 * cannot be written, the partition is rewound and tried again later, so nothing is lost.
 */
final class InboundConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(InboundConsumer.class);

    private final InboundHandler handler;
    private final KafkaClients kafka;
    private final Inbox inbox;
    private final Duration backoff;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;

    InboundConsumer(InboundHandler handler, KafkaClients kafka, Inbox inbox, Duration backoff) {
        this.handler = handler;
        this.kafka = kafka;
        this.inbox = inbox;
        this.backoff = backoff;
    }

    @Override
    public void run() {
        String group = handler.consumerGroup();
        try (KafkaConsumer<String, byte[]> polling = new KafkaConsumer<>(kafka.consumer(group));
             DeadLetters deadLetters = new DeadLetters(kafka.producer(group + "-dlq"), group)) {
            consumer = polling;
            polling.subscribe(List.of(handler.topic()));
            while (running) {
                ConsumerRecords<String, byte[]> records = polling.poll(Duration.ofMillis(500));
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (TopicPartition partition : records.partitions()) {
                    for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                        if (!process(record, deadLetters)) {
                            polling.seek(partition, record.offset());
                            break;
                        }
                        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    }
                }
                if (!done.isEmpty()) {
                    polling.commitSync(done);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Consumer of %s stopped", handler.topic());
            throw e;
        }
    }

    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    /** Returns false only when the message could be neither processed nor dead-lettered. */
    private boolean process(ConsumerRecord<String, byte[]> record, DeadLetters deadLetters) {
        String group = handler.consumerGroup();
        String id = record.topic() + "/" + record.partition() + "/" + record.offset();
        try {
            id = handler.messageId(record);
            RuntimeException last = null;
            for (int attempt = 1; attempt <= handler.maxAttempts(); attempt++) {
                try {
                    String messageId = id;
                    QuarkusTransaction.requiringNew().run(() -> {
                        if (inbox.record(group, messageId, record, Inbox.Outcome.PROCESSED)) {
                            Invalid.rethrowing(() -> handler.handle(record));
                        }
                    });
                    return true;
                } catch (Invalid e) {
                    throw e.getCause();
                } catch (RuntimeException e) {
                    last = e;
                    LOG.warnf("Attempt %d of %d for %s failed: %s", attempt, handler.maxAttempts(), id, e.toString());
                    pause(backoff.multipliedBy(attempt));
                }
            }
            return deadLetter(record, id, "Failed " + handler.maxAttempts() + " times: " + rootMessage(last), last,
                    handler.maxAttempts(), deadLetters);
        } catch (InvalidMessageException e) {
            return deadLetter(record, id, e.getMessage(), e, 1, deadLetters);
        }
    }

    private boolean deadLetter(ConsumerRecord<String, byte[]> record, String id, String reason, Throwable error,
            int attempts, DeadLetters deadLetters) {
        try {
            deadLetters.send(record, reason, error, attempts);
            QuarkusTransaction.requiringNew().run(() ->
                    inbox.record(handler.consumerGroup(), id, record, Inbox.Outcome.DEAD_LETTERED));
            LOG.warnf("Dead-lettered %s from %s: %s", id, record.topic(), reason);
            return true;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Cannot dead-letter %s; will retry", id);
            pause(backoff.multipliedBy(5));
            return false;
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Carries a checked {@link InvalidMessageException} out of a transaction lambda. */
    private static final class Invalid extends RuntimeException {
        Invalid(InvalidMessageException cause) {
            super(cause);
        }

        @Override
        public synchronized InvalidMessageException getCause() {
            return (InvalidMessageException) super.getCause();
        }

        interface Action {
            void run() throws InvalidMessageException;
        }

        static void rethrowing(Action action) {
            try {
                action.run();
            } catch (InvalidMessageException e) {
                throw new Invalid(e);
            }
        }
    }
}
