package org.threelists.demand.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.EventMessage;
import org.threelists.demand.domain.slip.SlipEvents.SlipAccepted;
import org.threelists.demand.domain.slip.SlipEvents.SlipDeclined;
import org.threelists.demand.domain.slip.SlipEvents.SlipDispatched;
import org.threelists.demand.domain.slip.SlipEvents.SlipRecalled;
import org.threelists.demand.domain.slip.SlipEvents.SlipReopened;
import org.threelists.demand.domain.slip.SlipEvents.SlipReported;
import org.threelists.platform.relay.IntegrationEvent;
import org.threelists.platform.relay.IntegrationEventMapper;

import java.util.List;
import java.util.Set;

/**
 * Tells the municipal platform how the second lane serves a request that came from a hotline ticket, as
 * {@link DemandEventMapper} does for the first (services/demand-list/README.md, "Municipal tickets"): a slip dispatched
 * to a member, accepted (in progress), declined or recalled (back with the Party group), reported (resolved),
 * reopened after a low satisfaction. The resident's rating arrives as the demand's own {@code rated}. Only statuses
 * and fixed notes: the leader's, the member's and the resident's words stay in demand-list. Slips of other demands
 * publish nothing here.
 */
@ApplicationScoped
public class SlipFeedbackMapper implements IntegrationEventMapper {

    /** A recalled slip goes back to the group, as after a decline: a fixed sentence, never the recall's reason. */
    static final String RECALLED_NOTES = "the slip was recalled; the building Party group dispatches it again";

    @Override
    public Set<String> topics() {
        return Set.of(Topics.MUNICIPAL_FEEDBACK);
    }

    @Override
    public List<IntegrationEvent> map(EventMessage<?> event) {
        Step step = stepOf(event.getPayload());
        if (step == null) {
            return List.of();
        }
        String ticket = DemandEventMapper.ticketOf(step.demandId);
        if (ticket == null) {
            return List.of();
        }
        return List.of(new MunicipalFeedback(ticket, step.demandId, step.status, step.detailed, step.notes,
                event.getTimestamp(), null).message(event.getIdentifier()));
    }

    private static Step stepOf(Object payload) {
        if (payload instanceof SlipDispatched e) {
            return new Step(e.demandId(), "open", "slip_dispatched",
                    "a slip was dispatched to a Party member of the building");
        }
        if (payload instanceof SlipAccepted e) {
            return new Step(e.demandId(), "open", "in_progress", "the Party member accepted the slip");
        }
        if (payload instanceof SlipDeclined e) {
            return new Step(e.demandId(), "open", DemandEventMapper.IN_PARTY_GROUP,
                    "the Party member declined; the building Party group dispatches the slip again");
        }
        if (payload instanceof SlipRecalled e) {
            return new Step(e.demandId(), "open", DemandEventMapper.IN_PARTY_GROUP, RECALLED_NOTES);
        }
        if (payload instanceof SlipReported e) {
            return new Step(e.demandId(), "closed", "resolved", "the Party member reported the service");
        }
        if (payload instanceof SlipReopened e) {
            return new Step(e.demandId(), "open", "reopened", "the resident was not satisfied: the slip is reopened");
        }
        return null;
    }

    private record Step(String demandId, String status, String detailed, String notes) {
    }
}
