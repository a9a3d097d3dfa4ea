package org.threelists.matchmaker.deadline;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.threelists.contracts.Urgency;
import org.threelists.matchmaker.domain.ProjectValues.DeadlineKind;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;

/**
 * The time limits (规定时限) per urgency, from configuration: {@code threelists.deadlines.claim.<URGENCY>} — how long a
 * published project waits for a unit to take it —, {@code threelists.deadlines.completion.<URGENCY>} — how long
 * the holders have to deliver once it is taken — and {@code threelists.deadlines.confirmation.<URGENCY>} — how long a
 * delivery waits for its community's confirmation before it escalates to the desk (README "Confirmation wait").
 * ISO-8601 durations (P3D, PT4H, PT2S), so tests and the system test
 * shorten them through the environment (e.g. THREELISTS_DEADLINES_CLAIM_NORMAL=PT5S). Beside them,
 * {@code threelists.deadlines.claim-pending}: how long a claim or pledge waits for resource-list's answer before it is
 * refused (whatever the urgency: the answer is a machine's, normally within seconds).
 */
@ApplicationScoped
public class DeadlinePolicy {

    private final Map<Urgency, Duration> claim = new EnumMap<>(Urgency.class);
    private final Map<Urgency, Duration> completion = new EnumMap<>(Urgency.class);
    private final Map<Urgency, Duration> confirmation = new EnumMap<>(Urgency.class);
    private final Duration claimPending;

    DeadlinePolicy(Config config) {
        claimPending = config.getOptionalValue("threelists.deadlines.claim-pending", Duration.class)
                .orElse(Duration.ofMinutes(5));
        for (Urgency urgency : Urgency.values()) {
            claim.put(urgency, config.getValue("threelists.deadlines.claim." + urgency.name(), Duration.class));
            completion.put(urgency, config.getValue("threelists.deadlines.completion." + urgency.name(), Duration.class));
            confirmation.put(urgency, config.getValue("threelists.deadlines.confirmation." + urgency.name(),
                    Duration.class));
        }
    }

    public Duration of(DeadlineKind kind, Urgency urgency) {
        Map<Urgency, Duration> limits = switch (kind) {
            case CLAIM -> claim;
            case COMPLETION -> completion;
            case CONFIRMATION -> confirmation;
        };
        return limits.get(urgency == null ? Urgency.NORMAL : urgency);
    }

    /**
     * When a claim deadline that starts now passes. Deadlines are whole milliseconds: the aggregate recognises its
     * current deadline by equality, and the deadline table (timestamptz) keeps microseconds, not the clock's nanos.
     */
    public Instant claimDeadline(Urgency urgency, Instant now) {
        return now.plus(of(DeadlineKind.CLAIM, urgency)).truncatedTo(ChronoUnit.MILLIS);
    }

    /** How long a claim or pledge waits for resource-list's answer. */
    public Duration claimPending() {
        return claimPending;
    }

    /** When a claim asked for at {@code requestedAt} stops waiting for resource-list's answer, in whole milliseconds. */
    public Instant answerDeadline(Instant requestedAt) {
        return requestedAt.plus(claimPending).truncatedTo(ChronoUnit.MILLIS);
    }

    /** When the confirmation wait of a delivery recorded at {@code deliveredAt} passes, in whole milliseconds. */
    public Instant confirmationDeadline(Urgency urgency, Instant deliveredAt) {
        return deliveredAt.plus(of(DeadlineKind.CONFIRMATION, urgency)).truncatedTo(ChronoUnit.MILLIS);
    }

    /** When a completion deadline that starts now passes, in whole milliseconds like the claim deadline. */
    public Instant completionDeadline(Urgency urgency, Instant now) {
        return now.plus(of(DeadlineKind.COMPLETION, urgency)).truncatedTo(ChronoUnit.MILLIS);
    }
}
