package org.threelists.platform.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jboss.logging.Logger;
import org.threelists.platform.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The outbox relay: a streaming processor over the event store that publishes each committed domain event's
 * integration events to Kafka. The event store is the outbox, so an event reaches Kafka if and only if it was
 * committed. Each processor batch is one Kafka transaction, committed before the processor's token.
 * <p>
 * Every record carries the {@link Coverage} of what the relay has published with it: the processor's gap-aware
 * token (every position up to its index except the gaps, positions whose writers had not committed yet) joined with
 * what was already on Kafka. Whenever the relay's segment is claimed (a start, a failed batch, another replica
 * handing over) or a batch rolls back, the relay reads that coverage back from the topics and skips an event exactly
 * when its position is in it. So an event committed late, below positions already published, is still published
 * after a restart or a take-over, and a batch that failed after its Kafka commit but before its token is not sent
 * again. An event's own position is read from its token and the one before it in the stream (the token the segment
 * was claimed with, for the first): see {@link Coverage#holdsEventOf} (libs/platform/README.md, "Relay").
 */
@ProcessingGroup(EventRelay.PROCESSOR)
public final class EventRelay {

    public static final String PROCESSOR = "kafka-relay";
    private static final Logger LOG = Logger.getLogger(EventRelay.class);
    private static final String BATCH = EventRelay.class.getName() + ".batch";
    private static final String CHECKED = EventRelay.class.getName() + ".checked";

    private final List<IntegrationEventMapper> mappers;
    private final TransactionalPublisher publisher;
    private final Properties consumerSettings;
    private final Collection<String> topics;
    private volatile Supplier<TrackingToken> storedToken = () -> null;
    private volatile BrokerReturnWatch brokerWatch;
    /**
     * Every position that is on Kafka or that the processor has already dealt with; null when it must be read again.
     * Only the processor's single worker thread reads and extends it; a claim change or a reset only clears it.
     */
    private volatile Coverage published;
    /**
     * The token of the event delivered before, or the one the segment was claimed with: what the next event's own
     * position is told from. Set by the coordinator's thread at a claim, before the work that follows it starts.
     */
    private volatile Coverage lastDelivered;

    EventRelay(List<IntegrationEventMapper> mappers, Properties producerSettings, Properties consumerSettings,
            Collection<String> topics) {
        this.mappers = mappers;
        this.publisher = new TransactionalPublisher(producerSettings);
        this.consumerSettings = consumerSettings;
        this.topics = topics;
    }

    /** Told of every batch that failed on Kafka and of every one that reached it (see {@link BrokerReturnWatch}). */
    void watchBrokerWith(BrokerReturnWatch watch) {
        this.brokerWatch = watch;
    }

    /** Where the processor's stored token comes from: read when the coverage is read again, in the batch's transaction. */
    void readStoredTokenWith(Supplier<TrackingToken> source) {
        this.storedToken = source;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> event, TrackingToken token) {
        Coverage delivered = Coverage.of(token);
        Coverage previous = lastDelivered;
        lastDelivered = delivered;
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(CHECKED, key -> {
            // A batch that rolls back may have been committed on Kafka: what is there must be read again.
            batch.onRollback(u -> forget());
            return Boolean.TRUE;
        });
        Coverage before = published;
        if (before == null) {
            before = onKafka(() -> {
                // a new producer first: it waits until any earlier transaction of the relay's id is over
                publisher.renew();
                return readBack();
            });
        }
        published = before.union(delivered);
        if (before.holdsEventOf(previous, delivered)) {
            return;
        }
        List<IntegrationEvent> messages = mappers.stream().flatMap(m -> m.map(event).stream()).toList();
        if (messages.isEmpty()) {
            return;
        }
        joinBatch();
        Coverage covered = published;
        for (IntegrationEvent message : messages) {
            ProducerRecord<String, byte[]> record = record(message, delivered.index(), covered);
            onKafka(() -> {
                publisher.send(record);
                return null;
            });
        }
    }

    /** A replay re-derives what is on Kafka from Kafka itself, the same way a restarted process does. */
    @ResetHandler
    public void onReset() {
        forget();
    }

    /** The segment was claimed or released: another owner may have published since. */
    void forget() {
        published = null;
    }

    /** The segment was claimed with this token: the processor's stream resumes after it. */
    void claimed(TrackingToken resumesFrom) {
        lastDelivered = Coverage.of(resumesFrom);
        forget();
    }

    /**
     * What is on Kafka, joined with the token the processor resumed from: every position published, and every one the
     * processor dealt with that had nothing to publish.
     */
    private Coverage readBack() {
        Coverage onKafka = HighWaterMark.read(consumerSettings, topics);
        Coverage resumedFrom = Coverage.of(storedToken.get());
        LOG.infof("Relay resumes from %s; on Kafka: %s", resumedFrom.format(), onKafka.format());
        return onKafka.union(resumedFrom);
    }

    /** One Kafka transaction per processor batch, begun by its first event. */
    private void joinBatch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        unitOfWork.getOrComputeResource(BATCH, key -> {
            onKafka(() -> {
                publisher.begin();
                return null;
            });
            // Kafka commits in prepare-commit, before the database commits the processor's token.
            unitOfWork.onPrepareCommit(u -> {
                onKafka(() -> {
                    publisher.commit();
                    return null;
                });
                BrokerReturnWatch watch = brokerWatch;
                if (watch != null) {
                    watch.succeeded();
                }
            });
            unitOfWork.onRollback(u -> publisher.abort());
            return Boolean.TRUE;
        });
    }

    /** Runs a step that talks to Kafka; when Kafka fails it, the broker watch is told before the batch fails. */
    private <T> T onKafka(Supplier<T> step) {
        try {
            return step.get();
        } catch (KafkaException e) {
            BrokerReturnWatch watch = brokerWatch;
            if (watch != null) {
                watch.failed();
            }
            throw e;
        }
    }

    private static ProducerRecord<String, byte[]> record(IntegrationEvent message, long position, Coverage published) {
        try {
            byte[] value = Json.mapper().writeValueAsBytes(message.event());
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), message.key(), value);
            record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            record.headers().add(HighWaterMark.COVERAGE_HEADER, published.format().getBytes(StandardCharsets.UTF_8));
            // Kept for relays of the previous version during a rolling update; they read only this header.
            record.headers().add(HighWaterMark.POSITION_HEADER, Long.toString(position).getBytes(StandardCharsets.UTF_8));
            return record;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + message.event().type(), e);
        }
    }

    void close() {
        BrokerReturnWatch watch = brokerWatch;
        if (watch != null) {
            watch.close();
        }
        publisher.close();
    }
}
