package org.threelists.matchmaker.planning;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.threelists.matchmaker.projection.OpenDemandView;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Incremental re-planning (docs/architecture.md, §3): a demand listed or leaving the list, an offer, a unit or a capacity change marks
 * its street; every {@code threelists.matchmaker.replan.debounce} the marked streets are re-planned, each once however
 * many messages marked it. Planning is a solve of up to the engine's time limit, so it never runs per message inside
 * the consumer's transaction: a burst of a hundred listings is one plan, and the inbound partitions keep moving.
 * Marks live in memory; at start every street with listed demands is marked, so a restart loses no re-plan.
 */
@ApplicationScoped
public class Replanner {

    private static final Logger LOG = Logger.getLogger(Replanner.class);

    private final Proposals proposals;
    private final boolean enabled;
    private final Duration debounce;
    private final Set<String> marked = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService executor;

    Replanner(Proposals proposals,
            @ConfigProperty(name = "threelists.matchmaker.replan.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "threelists.matchmaker.replan.debounce", defaultValue = "PT30S") Duration debounce) {
        this.proposals = proposals;
        this.enabled = enabled;
        this.debounce = debounce;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        List<String> streets = QuarkusTransaction.requiringNew().call(() -> OpenDemandView.getEntityManager()
                .createQuery("select distinct d.streetCode from OpenDemandView d where d.status = :listed", String.class)
                .setParameter("listed", OpenDemandView.LISTED).getResultList());
        marked.addAll(streets);
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "street-replanner");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::replanMarked, debounce.toMillis(), debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (executor != null) {
            executor.shutdownNow();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** Marks a street for the next re-plan. */
    public void touch(String street) {
        if (enabled && street != null) {
            marked.add(street);
        }
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean running() {
        return executor != null && !executor.isShutdown();
    }

    void replanMarked() {
        for (String street : List.copyOf(marked)) {
            marked.remove(street);
            try {
                Proposals.Outcome outcome = proposals.replan(street, Proposals.ENGINE_ACTOR);
                if (!outcome.proposedProjectIds().isEmpty() || !outcome.supersededProjectIds().isEmpty()) {
                    LOG.infof("Re-planned %s: %d proposed, %d superseded (%s)", street,
                            outcome.proposedProjectIds().size(), outcome.supersededProjectIds().size(),
                            outcome.plan().method());
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Re-planning %s failed; it is tried again at the next round", street);
                marked.add(street);
            }
        }
    }
}
