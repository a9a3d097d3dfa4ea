package org.threelists.demand.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.threelists.platform.inbox.InboundHandler;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A test-only consumer of its own topic whose messages say how to fail: {@code ok}, {@code error-once} (an
 * {@link Error} on the first delivery only) or {@code error-until-released} (an Error until {@link #release()}).
 */
@ApplicationScoped
public class ProbeHandler implements InboundHandler {

    static final String TOPIC = "threelists.test.pipeline-probe";
    static final Set<String> APPLIED = ConcurrentHashMap.newKeySet();
    private static final Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean RELEASED = new AtomicBoolean();

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
    public void handle(ConsumerRecord<String, byte[]> record) {
        String command = new String(record.value(), StandardCharsets.UTF_8);
        if (command.equals("error-once") && FAILED_ONCE.add(record.key())
                || command.equals("error-until-released") && !RELEASED.get()) {
            throw new ProbeError("probe " + record.key() + ": " + command);
        }
        APPLIED.add(record.key());
    }

    /** Stands for an {@link Error} a handler lets through (a linkage error, a stack overflow…). */
    static final class ProbeError extends Error {
        ProbeError(String message) {
            super(message);
        }
    }
}
