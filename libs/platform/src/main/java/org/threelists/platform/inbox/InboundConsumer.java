package org.threelists.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import org.threelists.platform.kafka.KafkaClients;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Polls one inbound topic for one {@link InboundHandler}. A poll is applied in one transaction, each message skipped
 * if the inbox has it, else applied and recorded; if any message of it fails, the poll is taken message by message,
 * each in its own transaction. A message that can never apply goes to {@code <topic>.dlq} at once; a failure
 * that will pass (see {@link Failures}) pauses only that message's partition and retries it with capped
 * exponential backoff until it applies, while the other partitions go on and the consumer keeps polling (so it
 * stays in its group); any other failure is retried up to the handler's bound, then dead-lettered. An {@link Error}
 * ends the session (see {@link SupervisedConsumer}). Offsets are
 * committed only after the messages before them are done, so nothing is lost (libs/platform/README.md).
 */
final class InboundConsumer {

    private static final Logger LOG = Logger.getLogger(InboundConsumer.class);
    /** How long a round waits for its offsets to be committed before it polls again and tries with the next round. */
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(10);

    private final InboundHandler handler;
    private final KafkaClients kafka;
    private final Inbox inbox;
    private final Backoff backoff;
    private final Map<TopicPartition, PartitionRetry> retries = new HashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;

    InboundConsumer(InboundHandler handler, KafkaClients kafka, Inbox inbox, Backoff backoff) {
        this.handler = handler;
        this.kafka = kafka;
        this.inbox = inbox;
        this.backoff = backoff;
    }

    String topic() {
        return handler.topic();
    }

    /**
     * One session on a new Kafka consumer: returns when stopped, throws when the consumer fails (a failed offset
     * commit, a lost group membership, an {@link Error} from a handler). {@code onRound} runs after every poll whose
     * messages were all dealt with, told whether offsets were committed in it.
     */
    void run(java.util.function.Consumer<Boolean> onRound) {
        String group = handler.consumerGroup();
        retries.clear();
        uncommitted.clear();
        try (KafkaConsumer<String, byte[]> polling = new KafkaConsumer<>(kafka.consumer(group));
             DeadLetters deadLetters = new DeadLetters(kafka.producer(group + "-dlq"), group)) {
            consumer = polling;
            polling.subscribe(List.of(handler.topic()), new ForgetRevoked());
            while (running) {
                resumeDue(polling);
                ConsumerRecords<String, byte[]> records = polling.poll(Duration.ofMillis(retries.isEmpty() ? 500 : 100));
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                if (retries.isEmpty() && records.count() > 1 && applyAll(records)) {
                    for (TopicPartition partition : records.partitions()) {
                        List<ConsumerRecord<String, byte[]>> applied = records.records(partition);
                        done.put(partition, new OffsetAndMetadata(applied.get(applied.size() - 1).offset() + 1));
                    }
                    records = ConsumerRecords.empty();
                }
                for (TopicPartition partition : records.partitions()) {
                    for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                        if (!process(partition, record, deadLetters)) {
                            polling.seek(partition, record.offset());
                            polling.pause(List.of(partition));
                            break;
                        }
                        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    }
                }
                onRound.accept(commit(polling, done));
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer = null;
        }
    }

    /**
     * Commits the offsets of this round with those an earlier round could not commit; true when some were committed.
     * A broker that does not answer in time (an outage, a frozen broker) does not end the session: the offsets wait
     * for the next round, and a redelivery meanwhile finds its inbox row. Ending the session instead would close a
     * consumer that cannot tell the unreachable coordinator it leaves; the group would then wait for that member's
     * session time-out (45 s) before it gave the new session any partition (docs/architecture.md, "Faults").
     */
    private boolean commit(KafkaConsumer<String, byte[]> polling, Map<TopicPartition, OffsetAndMetadata> done) {
        uncommitted.putAll(done);
        if (uncommitted.isEmpty()) {
            return false;
        }
        try {
            polling.commitSync(uncommitted, COMMIT_TIMEOUT);
            uncommitted.clear();
            return true;
        } catch (TimeoutException e) {
            LOG.warnf("Offsets of %s not committed within %s (%s); kept for the next round", handler.topic(),
                    COMMIT_TIMEOUT, e.getMessage());
            return false;
        }
    }

    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    boolean running() {
        return running;
    }

    private void resumeDue(KafkaConsumer<String, byte[]> polling) {
        Instant now = Instant.now();
        List<TopicPartition> due = polling.paused().stream()
                .filter(p -> {
                    PartitionRetry retry = retries.get(p);
                    return retry == null || !retry.due.isAfter(now);
                }).toList();
        if (!due.isEmpty()) {
            polling.resume(due);
        }
    }

    /**
     * Applies a whole poll in one transaction, inbox rows included (one statement for them, then the handler's
     * {@link InboundHandler#handleAll} with the messages not seen before): one commit instead of one per message, and a
     * crash anywhere in it leaves none of it applied. Returns false, with nothing applied, when any message fails
     * (its id unreadable, its effect refused): the poll is then taken message by message, which isolates what failed
     * and treats it as above. An {@link Error} ends the session as it does for a single message.
     */
    private boolean applyAll(ConsumerRecords<String, byte[]> records) {
        String group = handler.consumerGroup();
        try {
            QuarkusTransaction.requiringNew().run(() -> Invalid.rethrowing(() -> {
                List<Inbox.Message> messages = new ArrayList<>(records.count());
                for (ConsumerRecord<String, byte[]> record : records) {
                    messages.add(new Inbox.Message(handler.messageId(record), record));
                }
                handler.handleAll(inbox.recordAll(group, messages));
            }));
            return true;
        } catch (RuntimeException e) {
            Error error = errorIn(e);
            if (error != null) {
                throw error;
            }
            LOG.debugf("A batch of %d from %s failed, applying it one by one: %s", records.count(), handler.topic(),
                    rootMessage(e));
            return false;
        }
    }

    /** Returns false when the message must be tried again later; its partition then waits for {@code due}. */
    private boolean process(TopicPartition partition, ConsumerRecord<String, byte[]> record, DeadLetters deadLetters) {
        PartitionRetry retry = retries.get(partition);
        if (retry == null || retry.offset != record.offset()) {
            retry = new PartitionRetry(record.offset());
            retries.put(partition, retry);
        }
        String id = record.topic() + "/" + record.partition() + "/" + record.offset();
        boolean done;
        try {
            id = handler.messageId(record);
            done = retry.deadLettered ? deadLetter(record, id, null, null, retry, deadLetters)
                    : apply(record, id, retry, deadLetters);
        } catch (InvalidMessageException e) {
            done = deadLetter(record, id, e.getMessage(), e, retry, deadLetters);
        }
        if (done) {
            retries.remove(partition);
        }
        return done;
    }

    private boolean apply(ConsumerRecord<String, byte[]> record, String id, PartitionRetry retry,
            DeadLetters deadLetters) {
        String group = handler.consumerGroup();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (inbox.record(group, id, record, Inbox.Outcome.PROCESSED)) {
                    Invalid.rethrowing(() -> handler.handle(record));
                }
            });
            if (retry.failures > 0) {
                LOG.infof("%s from %s applied after %d failed attempts", Inbox.keyOf(id), record.topic(), retry.failures);
            }
            return true;
        } catch (Invalid e) {
            return deadLetter(record, id, e.getCause().getMessage(), e.getCause(), retry, deadLetters);
        } catch (RuntimeException e) {
            Error error = errorIn(e);
            if (error != null) {
                // The transaction wraps what the handler threw; an Error is the JVM's trouble, not the message's: it
                // ends this session and the supervisor starts a new one, which reads the message again.
                throw error;
            }
            retry.failures++;
            Failures.Kind kind = Failures.classify(e);
            if (kind == Failures.Kind.PERMANENT) {
                return deadLetter(record, id, "Cannot apply: " + rootMessage(e), e, retry, deadLetters);
            }
            if (kind == Failures.Kind.UNKNOWN && retry.failures >= handler.maxAttempts()) {
                return deadLetter(record, id, "Failed " + retry.failures + " times: " + rootMessage(e), e, retry,
                        deadLetters);
            }
            retryLater(retry);
            LOG.warnf("Attempt %d for %s from %s failed (%s, retrying %s in %s): %s", retry.failures,
                    Inbox.keyOf(id), record.topic(), kind, kind == Failures.Kind.TRANSIENT ? "until it applies"
                            : "up to " + handler.maxAttempts() + " times", backoff.after(retry.failures), rootMessage(e));
            return false;
        }
    }

    /**
     * Writes the DLQ copy once, then records the message as dead-lettered; if the bookkeeping fails, only the
     * bookkeeping is tried again.
     */
    private boolean deadLetter(ConsumerRecord<String, byte[]> record, String id, String reason, Throwable error,
            PartitionRetry retry, DeadLetters deadLetters) {
        try {
            if (!retry.deadLettered) {
                deadLetters.send(record, reason, error, Math.max(retry.failures, 1));
                retry.deadLettered = true;
                LOG.warnf("Dead-lettered %s from %s: %s", Inbox.keyOf(id), record.topic(), reason);
            }
            QuarkusTransaction.requiringNew().run(() ->
                    inbox.record(handler.consumerGroup(), id, record, Inbox.Outcome.DEAD_LETTERED));
            return true;
        } catch (RuntimeException e) {
            retry.failures++;
            retryLater(retry);
            LOG.errorf("Cannot dead-letter %s; will retry in %s: %s", Inbox.keyOf(id), backoff.after(retry.failures),
                    rootMessage(e));
            return false;
        }
    }

    private static Error errorIn(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 50; cause = cause.getCause(), depth++) {
            if (cause instanceof Error error) {
                return error;
            }
        }
        return null;
    }

    private void retryLater(PartitionRetry retry) {
        retry.due = Instant.now().plus(backoff.after(retry.failures));
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** A revoked partition's retry belongs to whichever member gets the partition next. */
    private final class ForgetRevoked implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(retries::remove);
            // whoever gets a partition next starts from its committed offset; the inbox skips what was applied
            partitions.forEach(uncommitted::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
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
