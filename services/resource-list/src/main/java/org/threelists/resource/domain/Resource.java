package org.threelists.resource.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.threelists.platform.domain.DomainException;
import org.threelists.platform.domain.IllegalTransitionException;
import org.threelists.platform.domain.NotFoundException;
import org.threelists.platform.domain.RuleBrokenException;
import org.threelists.resource.domain.ResourceCommands.AmendResource;
import org.threelists.resource.domain.ResourceCommands.ConsumeCapacity;
import org.threelists.resource.domain.ResourceCommands.OfferResource;
import org.threelists.resource.domain.ResourceCommands.ReleaseCapacity;
import org.threelists.resource.domain.ResourceCommands.RequestReservation;
import org.threelists.resource.domain.ResourceCommands.ReserveCapacity;
import org.threelists.resource.domain.ResourceCommands.WithdrawResource;
import org.threelists.resource.domain.ResourceEvents.CapacityConsumed;
import org.threelists.resource.domain.ResourceEvents.CapacityRefused;
import org.threelists.resource.domain.ResourceEvents.CapacityReleased;
import org.threelists.resource.domain.ResourceEvents.CapacityReserved;
import org.threelists.resource.domain.ResourceEvents.ResourceAmended;
import org.threelists.resource.domain.ResourceEvents.ResourceOffered;
import org.threelists.resource.domain.ResourceEvents.ResourceWithdrawn;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An offer on the resource list (资源清单) and the books of its capacity. The one place that keeps capacity
 * truthful: it never goes negative, one project holds at most one reservation, and repeating a reservation for the
 * same project changes nothing. Commands on one resource are serialised (Axon locks the aggregate, the event
 * store's unique sequence number catches any other writer), so concurrent reservations cannot overbook.
 * The project list's requests ({@link RequestReservation}) are answered with a reservation or a refusal, each once
 * per claim.
 */
public class Resource {

    @AggregateIdentifier
    private String resourceId;
    private String unitId;
    private ResourceType type;
    private ResourceStatus status;
    private Capacity capacity;
    /** Reserved plus consumed, per period key ("TOTAL" or a month). */
    private final Map<String, BigDecimal> used = new HashMap<>();
    private final Map<String, Reservation> reservations = new HashMap<>();
    /** The project list's claims this resource has answered, reserved or refused: each is answered once. */
    private final Set<String> answeredClaims = new HashSet<>();

    /** {@code claimId}: the project list's claim that made it; null when it was made over REST. */
    private record Reservation(BigDecimal amount, String period, boolean consumed, String claimId) {
    }

    protected Resource() {
    }

    @CommandHandler
    public Resource(OfferResource command) {
        if (command.type() == null) {
            throw new RuleBrokenException("type", "is required");
        }
        requireDetails(command.details()).check();
        apply(new ResourceOffered(command.resourceId(), command.unitId(), command.type(), command.details(),
                command.actor()));
    }

    @CommandHandler
    public void handle(AmendResource command) {
        requireActive("amend");
        requireDetails(command.details()).check();
        Capacity next = command.details().capacity();
        // The books are kept per period key; switching TOTAL <-> MONTHLY after any use would orphan them.
        if (next.period() != capacity.period() && used.values().stream().anyMatch(u -> u.signum() != 0)) {
            throw new DomainException(DomainException.Kind.CONFLICT,
                    "The capacity period cannot change once capacity has been reserved or consumed");
        }
        // Past months are closed books: only the current and future months bound a new monthly amount.
        String currentMonth = YearMonth.now().toString();
        BigDecimal mostUsed = used.entrySet().stream()
                .filter(e -> capacity.period() == CapacityPeriod.TOTAL || e.getKey().compareTo(currentMonth) >= 0)
                .map(Map.Entry::getValue).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        if (next.period() == capacity.period() && next.amount().compareTo(mostUsed) < 0) {
            throw new DomainException(DomainException.Kind.CONFLICT, "Capacity cannot drop below the " + mostUsed.toPlainString()
                    + " already reserved or consumed", Map.of("used", mostUsed));
        }
        apply(new ResourceAmended(resourceId, unitId, type, command.details(), status, command.actor()));
    }

    @CommandHandler
    public void handle(WithdrawResource command) {
        requireActive("withdraw");
        String reason = command.reason() == null || command.reason().isBlank() ? "no reason given" : command.reason().strip();
        apply(new ResourceWithdrawn(resourceId, unitId, reason, command.actor()));
    }

    /** Returns true when the reservation was made now, false when the project already held exactly this one. */
    @CommandHandler
    public boolean handle(ReserveCapacity command) {
        String projectId = requireProject(command.projectId());
        if (command.amount() == null || command.amount().signum() <= 0) {
            throw new RuleBrokenException("amount", "must be greater than 0");
        }
        String period = capacity.period().keyFor(command.period());
        Reservation existing = reservations.get(projectId);
        if (existing != null) {
            if (!existing.consumed() && existing.amount().compareTo(command.amount()) == 0 && existing.period().equals(period)) {
                return false;
            }
            throw new DomainException(DomainException.Kind.CONFLICT, "Project " + projectId + " already "
                    + (existing.consumed() ? "consumed " : "holds a reservation of ") + existing.amount().toPlainString()
                    + " in " + existing.period(), Map.of("projectId", projectId));
        }
        requireActive("reserve capacity of");
        BigDecimal remaining = remaining(period);
        if (command.amount().compareTo(remaining) > 0) {
            throw new CapacityExhaustedException(remaining, type.capacityUnit(), period, command.amount());
        }
        apply(new CapacityReserved(resourceId, unitId, projectId, command.amount(), period,
                remaining.subtract(command.amount()), command.actor(), null));
        return true;
    }

    /**
     * Answers the project list's request for capacity with {@link CapacityReserved} or {@link CapacityRefused}. A
     * refusal is an event, not an error: the claim waits for an answer, and the answer must leave through the same
     * outbox as a reservation. A claim is answered once; its request repeated (a redelivery, a replay of the topic)
     * changes nothing, whatever happened to the reservation since. Only a request that no producer of the contract
     * can send (no project, claim or positive amount) is an error.
     */
    @CommandHandler
    public void handle(RequestReservation command) {
        String projectId = requireProject(command.projectId());
        if (command.claimId() == null || command.claimId().isBlank()) {
            throw new RuleBrokenException("claimId", "is required");
        }
        if (command.amount() == null || command.amount().signum() <= 0) {
            throw new RuleBrokenException("amount", "must be greater than 0");
        }
        if (answeredClaims.contains(command.claimId())) {
            return;
        }
        if (!unitId.equals(command.unitId())) {
            refuse(command, projectId, RefusalReason.WRONG_UNIT, null, "Resource " + resourceId + " is not an offer of unit "
                    + command.unitId());
            return;
        }
        String period = periodOf(command.period());
        if (period == null) {
            refuse(command, projectId, RefusalReason.PERIOD_MISMATCH, null, capacity.period() == CapacityPeriod.TOTAL
                    ? "Resource " + resourceId + " has one total capacity: ask for TOTAL, not " + command.period()
                    : "Resource " + resourceId + " counts its capacity per month: ask for a month like 2026-12, not "
                            + command.period());
            return;
        }
        BigDecimal remaining = remaining(period);
        Reservation existing = reservations.get(projectId);
        if (status != ResourceStatus.ACTIVE) {
            refuse(command, projectId, RefusalReason.RESOURCE_WITHDRAWN, remaining, "Resource " + resourceId
                    + " was withdrawn and takes no new reservations");
        } else if (command.unitStatus() != MembershipStatus.ACTIVE) {
            refuse(command, projectId, RefusalReason.UNIT_NOT_ACTIVE, remaining, "Unit " + unitId
                    + " is not an active member of the alliance");
        } else if (existing != null) {
            refuse(command, projectId, RefusalReason.ALREADY_RESERVED, remaining, "Project " + projectId + " already "
                    + (existing.consumed() ? "consumed " : "holds a reservation of ") + existing.amount().toPlainString()
                    + " in " + existing.period() + " of resource " + resourceId);
        } else if (command.amount().compareTo(remaining) > 0) {
            refuse(command, projectId, RefusalReason.CAPACITY_EXHAUSTED, remaining, "Only "
                    + remaining.max(BigDecimal.ZERO).toPlainString() + " " + type.capacityUnit() + " left in " + period
                    + ", " + command.amount().toPlainString() + " asked");
        } else {
            apply(new CapacityReserved(resourceId, unitId, projectId, command.amount(), period,
                    remaining.subtract(command.amount()), command.actor(), command.claimId()));
        }
    }

    /**
     * Releasing what is not reserved changes nothing: a cancellation may be delivered twice, and a released claim may
     * never have got its reservation.
     */
    @CommandHandler
    public void handle(ReleaseCapacity command) {
        String projectId = requireProject(command.projectId());
        Reservation existing = reservations.get(projectId);
        if (existing != null && !existing.consumed()) {
            requireNotHeldBySaga(existing, command.claimId(), "release");
        }
        if (existing == null || existing.consumed() || !madeBy(existing, command.claimId())) {
            return;
        }
        String reason = command.reason() == null || command.reason().isBlank() ? "released" : command.reason().strip();
        apply(new CapacityReleased(resourceId, unitId, projectId, existing.amount(), existing.period(),
                remainingAfter(existing.period(), existing.amount()), reason, command.actor(), existing.claimId()));
    }

    @CommandHandler
    public void handle(ConsumeCapacity command) {
        String projectId = requireProject(command.projectId());
        if (command.amount() == null || command.amount().signum() < 0) {
            throw new RuleBrokenException("amount", "must be 0 or more");
        }
        Reservation existing = reservations.get(projectId);
        if (existing != null) {
            requireNotHeldBySaga(existing, command.claimId(), "consume");
        }
        if (existing == null || !madeBy(existing, command.claimId())) {
            throw command.claimId() == null ? new NotFoundException("Reservation of project", projectId)
                    : new NotFoundException("Reservation of claim " + command.claimId() + " of project", projectId);
        }
        if (existing.consumed()) {
            if (existing.amount().compareTo(command.amount()) == 0) {
                return;
            }
            throw new DomainException(DomainException.Kind.CONFLICT, "Project " + projectId + " already consumed "
                    + existing.amount().toPlainString());
        }
        if (command.amount().compareTo(existing.amount()) > 0) {
            throw new RuleBrokenException("amount", "cannot exceed the " + existing.amount().toPlainString() + " reserved");
        }
        BigDecimal returned = existing.amount().subtract(command.amount());
        apply(new CapacityConsumed(resourceId, unitId, projectId, command.amount(), returned, existing.period(),
                remainingAfter(existing.period(), returned), command.actor(), existing.claimId()));
    }

    @EventSourcingHandler
    void on(ResourceOffered event) {
        resourceId = event.resourceId();
        unitId = event.unitId();
        type = event.type();
        status = ResourceStatus.ACTIVE;
        capacity = event.details().capacity();
    }

    @EventSourcingHandler
    void on(ResourceAmended event) {
        capacity = event.details().capacity();
    }

    @EventSourcingHandler
    void on(ResourceWithdrawn event) {
        status = ResourceStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(CapacityReserved event) {
        reservations.put(event.projectId(), new Reservation(event.amount(), event.period(), false, event.claimId()));
        used.merge(event.period(), event.amount(), BigDecimal::add);
        if (event.claimId() != null) {
            answeredClaims.add(event.claimId());
        }
    }

    @EventSourcingHandler
    void on(CapacityRefused event) {
        answeredClaims.add(event.claimId());
    }

    @EventSourcingHandler
    void on(CapacityReleased event) {
        reservations.remove(event.projectId());
        used.merge(event.period(), event.amount().negate(), BigDecimal::add);
    }

    @EventSourcingHandler
    void on(CapacityConsumed event) {
        reservations.put(event.projectId(), new Reservation(event.amount(), event.period(), true, event.claimId()));
        used.merge(event.period(), event.returned().negate(), BigDecimal::add);
    }

    private void refuse(RequestReservation command, String projectId, RefusalReason reason, BigDecimal remaining,
            String detail) {
        apply(new CapacityRefused(resourceId, unitId, projectId, command.claimId(), command.amount(), command.period(),
                remaining, reason, detail, command.actor()));
    }

    /** The period key the request names when it fits this capacity: "TOTAL" for a total one, a month for a monthly. */
    private String periodOf(String requested) {
        if (requested == null) {
            return null;
        }
        String period = requested.strip();
        if (capacity.period() == CapacityPeriod.TOTAL) {
            return CapacityPeriod.TOTAL.name().equals(period) ? period : null;
        }
        if (!period.matches("\\d{4}-\\d{2}")) {
            return null;
        }
        try {
            return YearMonth.parse(period).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A claim's command concerns only the reservation that claim made; a command without one, one made over REST. */
    private static boolean madeBy(Reservation reservation, String claimId) {
        return claimId == null ? reservation.claimId() == null : claimId.equals(reservation.claimId());
    }

    /**
     * A reservation the project list's claim holds belongs to the capacity saga: only the project list's own release,
     * expiry, cancellation or delivery ends it (see the module README). Released or consumed
     * over REST, the claim would go on believing it holds capacity that was given to someone else.
     */
    private void requireNotHeldBySaga(Reservation reservation, String claimId, String action) {
        if (claimId == null && reservation.claimId() != null) {
            throw new ReservationHeldByClaimException(resourceId, action);
        }
    }

    private BigDecimal remaining(String period) {
        return remainingAfter(period, BigDecimal.ZERO);
    }

    /**
     * What is left of the period's capacity once {@code givenBack} returns to it, never less than nothing: a month
     * whose capacity was lowered after it had been used (an amendment changes every month's) may be overdrawn, and
     * what a reservation released or consumed in it gives back first fills the overdraft (resource-list.events.v1:
     * {@code remaining} ≥ 0).
     */
    private BigDecimal remainingAfter(String period, BigDecimal givenBack) {
        return capacity.amount().subtract(used.getOrDefault(period, BigDecimal.ZERO)).add(givenBack).max(BigDecimal.ZERO);
    }

    private void requireActive(String action) {
        if (status != ResourceStatus.ACTIVE) {
            throw new IllegalTransitionException(action + " resource " + resourceId, status);
        }
    }

    private static String requireProject(String projectId) {
        if (projectId == null || projectId.isBlank()) {
            throw new RuleBrokenException("projectId", "is required");
        }
        return projectId.strip();
    }

    private static ResourceDetails requireDetails(ResourceDetails details) {
        if (details == null) {
            throw new RuleBrokenException("details", "are required");
        }
        return details;
    }
}
