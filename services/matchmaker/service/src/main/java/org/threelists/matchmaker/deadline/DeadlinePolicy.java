package org.threelists.matchmaker.deadline;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.threelists.contracts.Urgency;
import org.threelists.matchmaker.domain.ProjectValues.DeadlineKind;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The time limits (规定时限) per urgency, from configuration: {@code threelists.deadlines.claim.<URGENCY>} — how long a
 * published project waits for a unit to take it —, {@code threelists.deadlines.completion.<URGENCY>} — how long
 * the holders have to deliver once it is taken — and {@code threelists.deadlines.confirmation.<URGENCY>} — how long a
 * delivery waits for its community's confirmation before it escalates to the desk (README "Confirmation wait") —
 * and {@code threelists.deadlines.approval.<URGENCY>} — how long a unit's 揭榜 waits for the approval of the desk or the
 * community before it escalates (README "The 揭榜's approval wait").
 * ISO-8601 durations (P3D, PT4H, PT2S), so tests and the system test
 * shorten them through the environment (e.g. THREELISTS_DEADLINES_CLAIM_NORMAL=PT5S). Beside them,
 * {@code threelists.deadlines.claim-pending}: how long a claim or pledge waits for resource-list's answer before it is
 * refused (whatever the urgency: the answer is a machine's, normally within seconds).
 */
@ApplicationScoped
public class DeadlinePolicy {

    /** Per kind of deadline, per urgency: {@code threelists.deadlines.<kind>.<URGENCY>}. */
    private final Map<DeadlineKind, Map<Urgency, Duration>> limits = new EnumMap<>(DeadlineKind.class);
    private final Duration claimPending;

    DeadlinePolicy(Config config) {
        claimPending = config.getOptionalValue("threelists.deadlines.claim-pending", Duration.class)
                .orElse(Duration.ofMinutes(5));
        for (DeadlineKind kind : DeadlineKind.values()) {
            Map<Urgency, Duration> ofKind = new EnumMap<>(Urgency.class);
            for (Urgency urgency : Urgency.values()) {
                ofKind.put(urgency, config.getValue("threelists.deadlines." + kind.name().toLowerCase(Locale.ROOT) + "."
                        + urgency.name(), Duration.class));
            }
            limits.put(kind, ofKind);
        }
    }

    public Duration of(DeadlineKind kind, Urgency urgency) {
        return limits.get(kind).get(urgency == null ? Urgency.NORMAL : urgency);
    }

    /**
     * When a claim deadline that starts now passes. Deadlines are whole milliseconds: the aggregate recognises its
     * current deadline by equality, and the deadline table (timestamptz) keeps microseconds, not the clock's nanos.
     */
    public Instant claimDeadline(Urgency urgency, Instant now) {
        return due(DeadlineKind.CLAIM, urgency, now);
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
        return due(DeadlineKind.CONFIRMATION, urgency, deliveredAt);
    }

    /** When the approval wait of a unit's 揭榜 proposed at {@code proposedAt} passes, in whole milliseconds. */
    public Instant approvalDeadline(Urgency urgency, Instant proposedAt) {
        return due(DeadlineKind.APPROVAL, urgency, proposedAt);
    }

    /** When a completion deadline that starts now passes, in whole milliseconds like the claim deadline. */
    public Instant completionDeadline(Urgency urgency, Instant now) {
        return due(DeadlineKind.COMPLETION, urgency, now);
    }

    private Instant due(DeadlineKind kind, Urgency urgency, Instant from) {
        return from.plus(of(kind, urgency)).truncatedTo(ChronoUnit.MILLIS);
    }
}
