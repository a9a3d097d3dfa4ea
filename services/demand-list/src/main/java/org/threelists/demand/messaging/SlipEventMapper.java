package org.threelists.demand.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.EventMessage;
import org.threelists.demand.domain.slip.SlipEvents.SlipAccepted;
import org.threelists.demand.domain.slip.SlipEvents.SlipCheckedIn;
import org.threelists.demand.domain.slip.SlipEvents.SlipCheckedOut;
import org.threelists.demand.domain.slip.SlipEvents.SlipHoursConfirmed;
import org.threelists.demand.domain.slip.SlipEvents.SlipClosed;
import org.threelists.demand.domain.slip.SlipEvents.SlipDeclined;
import org.threelists.demand.domain.slip.SlipEvents.SlipDispatched;
import org.threelists.demand.domain.slip.SlipEvents.SlipRecalled;
import org.threelists.demand.domain.slip.SlipEvents.SlipEscalated;
import org.threelists.demand.domain.slip.SlipEvents.SlipReopened;
import org.threelists.demand.domain.slip.SlipEvents.SlipReported;
import org.threelists.demand.domain.slip.SlipEvents.SlipSatisfactionRecorded;
import org.threelists.demand.domain.slip.SlipStatus;
import org.threelists.demand.messaging.SlipEventData.Accepted;
import org.threelists.demand.messaging.SlipEventData.CheckedIn;
import org.threelists.demand.messaging.SlipEventData.CheckedOut;
import org.threelists.demand.messaging.SlipEventData.HoursConfirmed;
import org.threelists.demand.messaging.SlipEventData.Closed;
import org.threelists.demand.messaging.SlipEventData.Declined;
import org.threelists.demand.messaging.SlipEventData.Dispatched;
import org.threelists.demand.messaging.SlipEventData.Recalled;
import org.threelists.demand.messaging.SlipEventData.Escalated;
import org.threelists.demand.messaging.SlipEventData.Reopened;
import org.threelists.demand.messaging.SlipEventData.Reported;
import org.threelists.demand.messaging.SlipEventData.SatisfactionRecorded;
import org.threelists.platform.relay.CloudEvent;
import org.threelists.platform.relay.IntegrationEvent;
import org.threelists.platform.relay.IntegrationEventMapper;

import java.util.List;
import java.util.Set;

/**
 * Translates slip events into {@code threelists.slip.*.v1} on demand-list.events.v1, keyed by the demand so that a
 * demand's events and its slips' stay in order on one partition; the CloudEvents subject is the key, as on every
 * message of the topic (the slip is {@code data.slipId}). Pure: each event carries all its message needs.
 */
@ApplicationScoped
public class SlipEventMapper implements IntegrationEventMapper {

    private static final String TYPE_PREFIX = "threelists.slip.";

    @Override
    public Set<String> topics() {
        return Set.of(Topics.DEMAND_EVENTS);
    }

    @Override
    public List<IntegrationEvent> map(EventMessage<?> event) {
        Translation t = translate(event.getPayload());
        if (t == null) {
            return List.of();
        }
        return List.of(new IntegrationEvent(Topics.DEMAND_EVENTS, t.demandId, CloudEvent.of(event.getIdentifier(),
                Topics.SOURCE, TYPE_PREFIX + t.type + ".v1", t.demandId, event.getTimestamp(), t.data)));
    }

    private static Translation translate(Object payload) {
        if (payload instanceof SlipDispatched e) {
            return new Translation(e.slipId(), e.demandId(), "dispatched", new Dispatched(e.slipId(), e.demandId(),
                    SlipStatus.DISPATCHED, e.actor(), e.streetCode(), e.communityCode(), e.groupId(), e.leaderId(),
                    e.memberId(), e.memberKind(), e.homeUnitId(), e.urgency(), e.acceptBy()));
        }
        if (payload instanceof SlipAccepted e) {
            return new Translation(e.slipId(), e.demandId(), "accepted", new Accepted(e.slipId(), e.demandId(),
                    SlipStatus.ACCEPTED, e.actor(), e.memberId(), e.resolveBy()));
        }
        if (payload instanceof SlipDeclined e) {
            return new Translation(e.slipId(), e.demandId(), "declined", new Declined(e.slipId(), e.demandId(),
                    SlipStatus.DECLINED, e.actor(), e.memberId()));
        }
        if (payload instanceof SlipRecalled e) {
            return new Translation(e.slipId(), e.demandId(), "recalled", new Recalled(e.slipId(), e.demandId(),
                    SlipStatus.RECALLED, e.actor(), e.memberId(), e.by(), e.level(), e.at()));
        }
        if (payload instanceof SlipEscalated e) {
            return new Translation(e.slipId(), e.demandId(), "escalated", new Escalated(e.slipId(), e.demandId(),
                    e.overdue(), e.actor(), e.memberId(), e.level(), e.overdue(), e.due(), e.next()));
        }
        if (payload instanceof SlipReported e) {
            return new Translation(e.slipId(), e.demandId(), "reported", new Reported(e.slipId(), e.demandId(),
                    SlipStatus.REPORTED, e.actor(), e.memberId(), e.homeUnitId(), e.hours(), e.mode(),
                    e.serviceDate(), e.checkedHours(), e.hoursSource()));
        }
        if (payload instanceof SlipCheckedIn e) {
            return new Translation(e.slipId(), e.demandId(), "checked-in", new CheckedIn(e.slipId(), e.demandId(),
                    SlipStatus.ACCEPTED, e.actor(), e.memberId(), e.at(), e.atPlace()));
        }
        if (payload instanceof SlipCheckedOut e) {
            return new Translation(e.slipId(), e.demandId(), "checked-out", new CheckedOut(e.slipId(), e.demandId(),
                    SlipStatus.ACCEPTED, e.actor(), e.memberId(), e.checkedInAt(), e.at(), e.atPlace(),
                    e.checkedHours()));
        }
        if (payload instanceof SlipHoursConfirmed e) {
            return new Translation(e.slipId(), e.demandId(), "hours-confirmed", new HoursConfirmed(e.slipId(),
                    e.demandId(), SlipStatus.REPORTED, e.actor(), e.memberId(), e.hours(), e.reportedHours()));
        }
        if (payload instanceof SlipSatisfactionRecorded e) {
            return new Translation(e.slipId(), e.demandId(), "satisfaction-recorded", new SatisfactionRecorded(
                    e.slipId(), e.demandId(), e.status(), e.actor(), e.score()));
        }
        if (payload instanceof SlipReopened e) {
            return new Translation(e.slipId(), e.demandId(), "reopened", new Reopened(e.slipId(), e.demandId(),
                    SlipStatus.ACCEPTED, e.actor(), e.memberId(), e.resolveBy()));
        }
        if (payload instanceof SlipClosed e) {
            return new Translation(e.slipId(), e.demandId(), "closed", new Closed(e.slipId(), e.demandId(),
                    SlipStatus.CLOSED, e.actor(), e.streetCode(), e.communityCode(), e.groupId(), e.memberId(),
                    e.memberKind(), e.homeUnitId(), e.hours(), e.mode(), e.serviceDate(), e.satisfaction(),
                    e.reportedHours(), e.checkedHours(), e.hoursSource()));
        }
        return null;
    }

    private record Translation(String slipId, String demandId, String type, Object data) {
    }
}
