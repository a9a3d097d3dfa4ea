package org.threelists.resource.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.IntegrationEventHandler;
import org.threelists.platform.inbox.InvalidMessageException;
import org.threelists.platform.problem.ProblemException;
import org.threelists.resource.domain.MembershipStatus;
import org.threelists.resource.domain.RefusalReason;
import org.threelists.resource.domain.ResourceCommands.ConsumeCapacity;
import org.threelists.resource.domain.ResourceCommands.ReleaseCapacity;
import org.threelists.resource.domain.ResourceCommands.RequestReservation;
import org.threelists.resource.domain.ResourceEvents.CapacityRefused;
import org.threelists.resource.projection.ResourceView;
import org.threelists.resource.projection.UnitView;

import java.math.BigDecimal;

/**
 * The resource list's side of the capacity saga (contracts/schemas/project-list.events.v1.schema.json): a claim or
 * pledge asks for capacity and is answered with threelists.capacity.reserved.v1 or threelists.capacity.refused.v1
 * (same claimId); releasing, expiring or cancelling gives the held capacity back; a delivery consumes it. Other
 * project events say nothing about capacity and are only acknowledged.
 *
 * <p>Each capacity command runs in Axon's own transaction, outside the inbox's, exactly as a REST reservation does:
 * the resource's lock is then held until its events are committed, so a claim from Kafka and a claim over REST (or
 * from another replica's partitions) never read the same books. The inbox row commits after; a crash in between
 * redelivers the message, and the aggregate answers each claim once, releases nothing twice and consumes the same
 * amount once, so the repetition changes nothing.
 */
@Singleton
public class ProjectListEventsHandler extends IntegrationEventHandler {

    public static final String TOPIC = "project-list.events.v1";

    private final CommandGateway commands;
    private final EventStore events;
    private final TransactionManager jta;

    ProjectListEventsHandler(CommandGateway commands, EventStore events, TransactionManager jta) {
        super(TOPIC, "resource-list.project-list");
        this.commands = commands;
        this.events = events;
        this.jta = jta;
    }

    @Override
    protected void apply(InboundEvent event) throws InvalidMessageException {
        switch (event.name()) {
            case "project.claim-requested" -> requestReservation(event);
            case "project.claim-released" -> release(event, "claim released: " + event.text("reason"));
            case "project.claim-expired" -> release(event, "claim expired");
            case "project.cancelled" -> release(event, "project cancelled: " + event.text("reason"));
            // a reservation made for a claim that had already been given up (answered too late, or replayed)
            case "project.reservation-returned" -> release(event, "reservation returned: " + event.text("reason"));
            case "project.delivered" -> consume(event);
            default -> {
                // Proposals, publication, confirmations, scheduling, completion, ratings: no capacity changes.
            }
        }
    }

    private void requestReservation(InboundEvent event) throws InvalidMessageException {
        JsonNode data = event.data();
        String resourceId = data.get("resourceId").asText();
        String unitId = data.get("unitId").asText();
        String projectId = event.text("projectId");
        String claimId = event.text("claimId");
        BigDecimal amount = data.get("amount").decimalValue();
        String period = event.text("period");
        if (ResourceView.findById(resourceId) == null) {
            refuseUnknownResource(event, resourceId, unitId, projectId, claimId, amount, period);
            return;
        }
        UnitView unit = UnitView.findById(unitId);
        MembershipStatus unitStatus = unit == null ? null : unit.status;
        send(new RequestReservation(resourceId, projectId, claimId, unitId, unitStatus, amount, period, event.actor()));
    }

    /**
     * No resource has this id, so there is no aggregate to answer: the refusal is published as an event of no
     * aggregate (still through the event store, the outbox, in the inbox's transaction), keyed by the claiming unit.
     * The claim is then reverted at once instead of waiting for its deadline; "wrong-unit" is the contract's reason
     * for a resource that is not the claiming unit's, and a resource that does not exist is no unit's.
     */
    private void refuseUnknownResource(InboundEvent event, String resourceId, String unitId, String projectId,
            String claimId, BigDecimal amount, String period) {
        events.publish(GenericEventMessage.asEventMessage(new CapacityRefused(resourceId, unitId, projectId, claimId,
                amount, period, null, RefusalReason.WRONG_UNIT, "No resource " + resourceId
                + " is on the resource list, so unit " + unitId + " offers none by that id", event.actor())));
    }

    private void release(InboundEvent event, String reason) throws InvalidMessageException {
        String projectId = event.text("projectId");
        for (JsonNode release : event.data().get("releases")) {
            String resourceId = release.get("resourceId").asText();
            if (ResourceView.findById(resourceId) == null) {
                continue; // nothing was ever reserved on a resource that does not exist
            }
            send(new ReleaseCapacity(resourceId, projectId, reason, event.actor(), release.get("claimId").asText()));
        }
    }

    private void consume(InboundEvent event) throws InvalidMessageException {
        String projectId = event.text("projectId");
        for (JsonNode consumption : event.data().get("consumptions")) {
            String resourceId = consumption.get("resourceId").asText();
            String claimId = consumption.get("claimId").asText();
            if (ResourceView.findById(resourceId) == null) {
                throw new InvalidMessageException("Claim " + claimId + " of project " + projectId
                        + " consumes resource " + resourceId + ", which is not on the resource list");
            }
            send(new ConsumeCapacity(resourceId, projectId, consumption.get("amount").decimalValue(), event.actor(),
                    claimId));
        }
    }

    /**
     * Sends a capacity command in Axon's own transaction (see the class comment). What the resource refuses as a
     * problem (a consumption of a reservation that is not there, more than was reserved, another amount than before)
     * will never succeed and goes to the DLQ at once; anything else is retried.
     */
    private void send(Object command) throws InvalidMessageException {
        Transaction inbox = suspend();
        try {
            commands.sendAndWait(command);
        } catch (ProblemException e) {
            if (e.type().status() >= 500) {
                throw e;
            }
            throw new InvalidMessageException(e.type().uri() + ": " + e.getMessage(), e);
        } finally {
            resume(inbox);
        }
    }

    private Transaction suspend() {
        try {
            return jta.suspend();
        } catch (SystemException e) {
            throw new IllegalStateException("Cannot suspend the inbox's transaction", e);
        }
    }

    private void resume(Transaction inbox) {
        if (inbox == null) {
            return;
        }
        try {
            jta.resume(inbox);
        } catch (SystemException | InvalidTransactionException e) {
            throw new IllegalStateException("Cannot resume the inbox's transaction", e);
        }
    }
}
