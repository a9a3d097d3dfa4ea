package org.threelists.platform.axon;

import org.jboss.logging.Logger;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The signal that the event store's shared reader has just taken new events into its cache: streaming processors
 * waiting for events are told at once instead of looking again half a second later (docs/architecture.md, "The flow
 * of one demand").
 */
final class NewEvents {

    private static final Logger LOG = Logger.getLogger(NewEvents.class);

    private final Set<Runnable> listeners = new CopyOnWriteArraySet<>();

    void announce() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                // A processor that is stopping may refuse to be woken; the others must still hear of the events.
                LOG.debugf("A stream's listener refused the news of new events: %s", e);
            }
        }
    }

    void listen(Runnable listener) {
        listeners.add(listener);
    }

    void stopListening(Runnable listener) {
        listeners.remove(listener);
    }
}
