package org.threelists.matchmaker.planning;

import org.threelists.platform.projection.jdbc.Jdbc;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.threelists.matchmaker.projection.OpenDemandView;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Re-planning follows the lists (services/matchmaker/service/README.md, "Re-planning"; docs/architecture.md, §3). A
 * demand listed marks its street once the consumer's transaction has committed, a demand leaving the list marks it to
 * be planned afresh (which supersedes the proposals it leaves behind); an offer, a unit,
 * a capacity or an amended demand also counts a change in the street's version ({@link Proposals#lockStreet}), so
 * every replica's kept plan of the street goes stale, and marks it to be planned afresh. A marked street is re-planned
 * {@code threelists.matchmaker.replan.debounce} after its first mark, from its kept plan when that still holds
 * ({@link IncrementalReplan}); marks that arrive while it is planned are taken right after, in one re-plan. Streets are
 * planned in parallel on {@code threelists.matchmaker.replan.parallelism} threads, one street on one thread at a time.
 * Every street with listed demands is planned afresh at start and every {@code threelists.matchmaker.replan.full-every}:
 * what makes a kept plan only too cautious (hours a cancelled project gave back, a change seen by another replica)
 * does not move the version, and a full plan may also place again what the warm re-packs left unmatched.
 */
@ApplicationScoped
public class Replanner {

    private static final Logger LOG = Logger.getLogger(Replanner.class);
    /** After a failed re-plan the street waits this long, so that a lasting fault is not retried in a loop. */
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final IncrementalReplan replans;
    private final TransactionSynchronizationRegistry transactions;
    private final boolean enabled;
    private final Duration debounce;
    private final int parallelism;
    private final Duration fullEvery;
    /** Street → what its next re-plan must do. */
    private final Map<String, Mark> marks = new ConcurrentHashMap<>();
    /** Streets scheduled or being planned: at most one run per street. */
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private final AtomicLong warm = new AtomicLong();
    private final AtomicLong full = new AtomicLong();
    private ScheduledExecutorService timer;
    private ExecutorService planners;

    Replanner(IncrementalReplan replans, TransactionSynchronizationRegistry transactions,
            @ConfigProperty(name = "threelists.matchmaker.replan.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "threelists.matchmaker.replan.debounce", defaultValue = "PT0.15S") Duration debounce,
            @ConfigProperty(name = "threelists.matchmaker.replan.parallelism", defaultValue = "2") int parallelism,
            @ConfigProperty(name = "threelists.matchmaker.replan.full-every", defaultValue = "PT5M") Duration fullEvery) {
        this.replans = replans;
        this.transactions = transactions;
        this.enabled = enabled;
        this.debounce = debounce;
        this.parallelism = Math.max(1, parallelism);
        this.fullEvery = fullEvery;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "street-replan-timer"));
        AtomicLong threads = new AtomicLong();
        planners = Executors.newFixedThreadPool(parallelism, r -> daemon(r, "street-replanner-" + threads.incrementAndGet()));
        markListedStreets();
        timer.scheduleWithFixedDelay(this::markListedStreets, fullEvery.toMillis(), fullEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (timer != null) {
            timer.shutdownNow();
            planners.shutdownNow();
            planners.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The demands listed since a street's last re-plan, and whether it must be planned afresh; changed only inside
     * {@code marks.compute}, so a mark is never changed while its re-plan takes it.
     */
    private static final class Mark {
        boolean afresh;
        final Set<String> listed = new java.util.HashSet<>();
    }

    /** Marks the street of a demand that entered the list, once the caller's transaction commits. */
    public void listed(String street, String demandId) {
        if (enabled && street != null) {
            afterCommit(() -> mark(street, false, demandId, debounce));
        }
    }

    /**
     * Marks the street of a demand that left the list to be planned afresh, which supersedes the proposals the demand
     * leaves behind, once the caller's transaction commits.
     */
    public void unlisted(String street) {
        if (enabled && street != null) {
            afterCommit(() -> mark(street, true, null, debounce));
        }
    }

    /**
     * What the street's plan rests on changed beyond its demands (an offer, a unit, a capacity, a demand's details):
     * counts the change in the street's version within the caller's transaction, so that every replica's kept plan
     * of the street goes stale, and marks the street to be planned afresh once it commits.
     */
    public void changed(String street) {
        if (street == null) {
            return;
        }
        Proposals.lockStreet(street);
        if (enabled) {
            afterCommit(() -> mark(street, true, null, debounce));
        }
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean running() {
        return timer != null && !timer.isShutdown();
    }

    /** Re-plans so far from a kept plan, and afresh. */
    public long warmReplans() {
        return warm.get();
    }

    public long fullReplans() {
        return full.get();
    }

    private void markListedStreets() {
        try {
            List<String> streets = Jdbc.list("SELECT DISTINCT street_code FROM open_demand WHERE status = ?",
                    row -> row.getString(1), OpenDemandView.LISTED);
            streets.forEach(street -> mark(street, true, null, debounce));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Finding the streets with listed demands failed; they are planned afresh in %s", fullEvery);
        }
    }

    private void afterCommit(Runnable action) {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        action.run();
                    }
                }
            });
        } else {
            action.run();
        }
    }

    private void mark(String street, boolean afresh, String listedDemand, Duration delay) {
        note(street, afresh, listedDemand);
        if (active.add(street)) {
            schedule(street, delay);
        }
    }

    private void note(String street, boolean afresh, String listedDemand) {
        marks.compute(street, (key, mark) -> {
            Mark next = mark == null ? new Mark() : mark;
            next.afresh |= afresh;
            if (listedDemand != null) {
                next.listed.add(listedDemand);
            }
            return next;
        });
    }

    private void schedule(String street, Duration delay) {
        try {
            timer.schedule(() -> planners.execute(() -> run(street)), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            active.remove(street); // stopping
        }
    }

    /** Plans the street until no mark is left; the street stays active meanwhile, so no other thread plans it. */
    private void run(String street) {
        Mark mark;
        while ((mark = marks.remove(street)) != null) {
            try {
                replanOnce(street, mark);
            } catch (RuntimeException | Error e) {
                // the street stays active with a re-plan afresh scheduled: were its thread to end here without
                // one, the street would never be planned again
                LOG.errorf(e, "Re-planning %s failed; it is planned afresh in %s", street, RETRY);
                note(street, true, null);
                schedule(street, RETRY);
                if (e instanceof Error error) {
                    throw error;
                }
                return;
            }
        }
        active.remove(street);
        if (marks.containsKey(street) && active.add(street)) {
            schedule(street, Duration.ZERO); // marked between the last look and the line above
        }
    }

    private void replanOnce(String street, Mark mark) {
        IncrementalReplan.Replanned replanned = replans.replan(street, mark.afresh, mark.listed,
                Proposals.ENGINE_ACTOR);
        (replanned.path() == IncrementalReplan.Path.WARM ? warm : full).incrementAndGet();
        Proposals.Outcome outcome = replanned.outcome();
        if (!outcome.proposedProjectIds().isEmpty() || !outcome.supersededProjectIds().isEmpty()) {
            LOG.infof("Re-planned %s: %d proposed, %d superseded (%s)", street, outcome.proposedProjectIds().size(),
                    outcome.supersededProjectIds().size(), outcome.plan().method());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }
}
