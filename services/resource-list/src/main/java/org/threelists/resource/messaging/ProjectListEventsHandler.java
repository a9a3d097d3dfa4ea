package org.threelists.resource.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import org.threelists.platform.domain.DomainException;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.IntegrationEventHandler;
import org.threelists.platform.inbox.InvalidMessageException;
import org.threelists.platform.problem.DomainProblems;
import org.threelists.resource.service.ClaimReservations;
import org.threelists.resource.service.UnknownResourceException;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes project-list.events.v1 (contracts/schemas/project-list.events.v1.schema.json) to the resource list's side of
 * the capacity saga, {@link ClaimReservations}: a claim or pledge asks for capacity and is answered with
 * threelists.capacity.reserved.v1 or threelists.capacity.refused.v1 (same claimId); releasing, expiring,
 * cancelling, returning or refusing a claim gives the capacity it holds back; a delivery consumes it. Other project events say nothing about capacity
 * and are only acknowledged.
 *
 * <p>The inbox row commits after the capacity commands (they run in Axon's own transaction); a crash in between
 * redelivers the message, and the resource answers each claim once, releases nothing twice and consumes the same
 * amount once, so the repetition changes nothing. What the resource refuses (a consumption of a reservation that is
 * not there, more than was reserved, another amount than before) will never succeed and goes to the DLQ at once;
 * anything else is retried.
 */
@Singleton
public class ProjectListEventsHandler extends IntegrationEventHandler {

    public static final String TOPIC = "project-list.events.v1";

    private final ClaimReservations claims;

    ProjectListEventsHandler(ClaimReservations claims) {
        super(TOPIC, "resource-list.project-list");
        this.claims = claims;
    }

    @Override
    protected void apply(InboundEvent event) throws InvalidMessageException {
        try {
            switch (event.name()) {
                case "project.claim-requested" -> claims.request(request(event));
                case "project.claim-released" -> release(event, "claim released: " + event.text("reason"));
                case "project.claim-expired" -> release(event, "claim expired");
                case "project.cancelled" -> release(event, "project cancelled: " + event.text("reason"));
                // a reservation made for a claim that had already been given up (answered too late, or replayed)
                case "project.reservation-returned" -> release(event, "reservation returned: " + event.text("reason"));
                // The project list gave the claim up: refused after our capacity.refused (nothing held, a no-op), or
                // after no answer within its claim-pending time (docs/architecture.md, "The capacity saga"). A
                // reservation made for it late would otherwise hold the capacity and refuse the next claim of the
                // project as already-reserved, unless a reservation-returned came for it.
                case "project.claim-refused" -> claims.release(event.text("projectId"), List.of(
                        new ClaimReservations.Release(event.text("resourceId"), event.text("claimId"))),
                        "claim refused: " + event.text("reason"), event.actor());
                case "project.delivered" -> claims.consume(event.text("projectId"), consumptions(event), event.actor());
                default -> {
                    // Proposals, publication, confirmations, scheduling, completion, ratings: no capacity changes.
                }
            }
        } catch (UnknownResourceException e) {
            throw new InvalidMessageException(e.getMessage(), e);
        } catch (DomainException e) {
            throw new InvalidMessageException(DomainProblems.typeOf(e.kind()).uri() + ": " + e.getMessage(), e);
        }
    }

    private static ClaimReservations.Request request(InboundEvent event) {
        JsonNode data = event.data();
        return new ClaimReservations.Request(data.get("resourceId").asText(), data.get("unitId").asText(),
                event.text("projectId"), event.text("claimId"), data.get("amount").decimalValue(),
                event.text("period"), event.actor());
    }

    private void release(InboundEvent event, String reason) {
        List<ClaimReservations.Release> releases = new ArrayList<>();
        for (JsonNode release : event.data().get("releases")) {
            releases.add(new ClaimReservations.Release(release.get("resourceId").asText(),
                    release.get("claimId").asText()));
        }
        claims.release(event.text("projectId"), releases, reason, event.actor());
    }

    private static List<ClaimReservations.Consumption> consumptions(InboundEvent event) {
        List<ClaimReservations.Consumption> consumptions = new ArrayList<>();
        for (JsonNode consumption : event.data().get("consumptions")) {
            consumptions.add(new ClaimReservations.Consumption(consumption.get("resourceId").asText(),
                    consumption.get("claimId").asText(), consumption.get("amount").decimalValue()));
        }
        return consumptions;
    }
}
