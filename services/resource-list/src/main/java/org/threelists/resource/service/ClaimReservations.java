package org.threelists.resource.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.threelists.resource.domain.MembershipStatus;
import org.threelists.resource.domain.RefusalReason;
import org.threelists.resource.domain.ResourceCommands.ConsumeCapacity;
import org.threelists.resource.domain.ResourceCommands.ReleaseCapacity;
import org.threelists.resource.domain.ResourceCommands.RequestReservation;
import org.threelists.resource.domain.ResourceEvents.CapacityRefused;
import org.threelists.resource.projection.ResourceListQueries;

import java.math.BigDecimal;
import java.util.List;

/**
 * The resource list's side of the capacity saga (docs/architecture.md, "The capacity saga"): a claim or pledge of
 * the project list asks for capacity and is answered with a reservation or a refusal (events of the
 * {@code Resource}, each once per claim); releasing, expiring or cancelling a claim gives its capacity back; a
 * delivery consumes it. Called in the inbox's transaction; each capacity command runs in Axon's own
 * ({@link CapacityCommands}), so a repeated message changes nothing and the books stay exact under concurrency.
 */
@ApplicationScoped
public class ClaimReservations {

    /** A claim's request for {@code amount} of a resource in {@code period}, by the claiming unit. */
    public record Request(String resourceId, String unitId, String projectId, String claimId, BigDecimal amount,
            String period, String actor) {
    }

    /** The reservation a claim made on one resource. */
    public record Release(String resourceId, String claimId) {
    }

    /** What a delivery used of the reservation a claim made on one resource. */
    public record Consumption(String resourceId, String claimId, BigDecimal amount) {
    }

    private final CapacityCommands capacity;
    private final ResourceListQueries queries;
    private final EventStore events;

    ClaimReservations(CapacityCommands capacity, ResourceListQueries queries, EventStore events) {
        this.capacity = capacity;
        this.queries = queries;
        this.events = events;
    }

    /**
     * The {@code Resource} answers; the unit's membership comes from the unit list, which the resource does not
     * keep. A resource nobody offers has no aggregate to answer, so the refusal is given here.
     */
    public void request(Request request) {
        if (queries.resource(request.resourceId()).isEmpty()) {
            refuseUnknownResource(request);
            return;
        }
        MembershipStatus unitStatus = queries.unit(request.unitId()).map(unit -> unit.status).orElse(null);
        capacity.send(new RequestReservation(request.resourceId(), request.projectId(), request.claimId(),
                request.unitId(), unitStatus, request.amount(), request.period(), request.actor()));
    }

    /** Nothing reserved (on this resource, or by this claim) is nothing to release. */
    public void release(String projectId, List<Release> releases, String reason, String actor) {
        for (Release release : releases) {
            if (queries.resource(release.resourceId()).isEmpty()) {
                continue; // nothing was ever reserved on a resource that does not exist
            }
            capacity.send(new ReleaseCapacity(release.resourceId(), projectId, reason, actor, release.claimId()));
        }
    }

    /**
     * Consumes each claim's reservation in turn; a consumption that cannot apply (no such resource, no reservation of
     * that claim, more than was reserved) is refused with a {@code DomainException} and will never apply.
     */
    public void consume(String projectId, List<Consumption> consumptions, String actor) {
        for (Consumption consumption : consumptions) {
            if (queries.resource(consumption.resourceId()).isEmpty()) {
                throw new UnknownResourceException(projectId, consumption.claimId(), consumption.resourceId());
            }
            capacity.send(new ConsumeCapacity(consumption.resourceId(), projectId, consumption.amount(), actor,
                    consumption.claimId()));
        }
    }

    /**
     * The refusal is published as an event of no aggregate (still through the event store, the outbox, in the
     * caller's transaction), keyed by the claiming unit. The claim is then reverted at once instead of waiting for its
     * deadline; "wrong-unit" is the contract's reason for a resource that is not the claiming unit's, and a resource
     * that does not exist is no unit's.
     */
    private void refuseUnknownResource(Request request) {
        events.publish(GenericEventMessage.asEventMessage(new CapacityRefused(request.resourceId(), request.unitId(),
                request.projectId(), request.claimId(), request.amount(), request.period(), null,
                RefusalReason.WRONG_UNIT, "No resource " + request.resourceId() + " is on the resource list, so unit "
                        + request.unitId() + " offers none by that id", request.actor())));
    }
}
