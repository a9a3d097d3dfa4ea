package org.threelists.demand.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.threelists.platform.inbox.InboundHandler;
import org.threelists.platform.inbox.InvalidMessageException;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A test-only consumer of its own topic whose messages say how to fail: {@code ok}, {@code error-once} (an
 * {@link Error} on the first delivery only), {@code error-until-released} (an Error until {@link #release()}) or
 * {@code poison} (never valid). {@link #COMMITTED} counts, per message, the applications whose transaction committed,
 * and {@link #TRANSACTION} names that transaction.
 */
@ApplicationScoped
public class ProbeHandler implements InboundHandler {

    static final String TOPIC = "threelists.test.pipeline-probe";
    static final Set<String> APPLIED = ConcurrentHashMap.newKeySet();
    private static final Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();
    static final Map<String, Integer> COMMITTED = new ConcurrentHashMap<>();
    static final Map<String, Object> TRANSACTION = new ConcurrentHashMap<>();
    private static final AtomicBoolean RELEASED = new AtomicBoolean();

    @Inject
    TransactionSynchronizationRegistry transactions;

    static void hold() {
        RELEASED.set(false);
    }

    static void release() {
        RELEASED.set(true);
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String consumerGroup() {
        return "demand-list.pipeline-probe";
    }

    @Override
    public String messageId(ConsumerRecord<String, byte[]> record) {
        return record.key();
    }

    @Override
    public void handle(ConsumerRecord<String, byte[]> record) throws InvalidMessageException {
        String command = new String(record.value(), StandardCharsets.UTF_8);
        if (command.equals("error-once") && FAILED_ONCE.add(record.key())
                || command.equals("error-until-released") && !RELEASED.get()) {
            throw new ProbeError("probe " + record.key() + ": " + command);
        }
        if (command.equals("poison")) {
            throw new InvalidMessageException("probe " + record.key() + ": poison");
        }
        APPLIED.add(record.key());
        Object transaction = transactions.getTransactionKey();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    COMMITTED.merge(record.key(), 1, Integer::sum);
                    TRANSACTION.put(record.key(), transaction);
                }
            }
        });
    }

    /** Stands for an {@link Error} a handler lets through (a linkage error, a stack overflow…). */
    static final class ProbeError extends Error {
        ProbeError(String message) {
            super(message);
        }
    }
}
