package org.threelists.demand.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.EventMessage;
import org.threelists.demand.domain.DemandDetails;
import org.threelists.demand.domain.DemandEvents.DemandAmended;
import org.threelists.demand.domain.DemandEvents.DemandFulfilled;
import org.threelists.demand.domain.DemandEvents.DemandMatched;
import org.threelists.demand.domain.DemandEvents.DemandMerged;
import org.threelists.demand.domain.DemandEvents.DemandRated;
import org.threelists.demand.domain.DemandEvents.DemandRejected;
import org.threelists.demand.domain.DemandEvents.DemandReopened;
import org.threelists.demand.domain.DemandEvents.DemandReopenedForReview;
import org.threelists.demand.domain.DemandEvents.DemandSubmitted;
import org.threelists.demand.domain.DemandEvents.DemandVerified;
import org.threelists.demand.domain.DemandEvents.DemandWithdrawn;
import org.threelists.demand.domain.DemandEvents.DemandWorkStarted;
import org.threelists.demand.domain.DemandEvents.ResidentDataErased;
import org.threelists.demand.domain.DemandStatus;
import org.threelists.demand.domain.ReopenCause;
import org.threelists.demand.domain.RoutingEvents.DemandRoutedToPartyGroup;
import org.threelists.demand.domain.RoutingEvents.DemandSentToJointMeeting;
import org.threelists.demand.messaging.DemandEventData.Amended;
import org.threelists.demand.messaging.DemandEventData.Changed;
import org.threelists.demand.messaging.DemandEventData.Merged;
import org.threelists.demand.messaging.DemandEventData.Rated;
import org.threelists.demand.messaging.DemandEventData.Reopened;
import org.threelists.demand.messaging.DemandEventData.ReopenedForReview;
import org.threelists.demand.messaging.DemandEventData.Routed;
import org.threelists.demand.messaging.DemandEventData.Submitted;
import org.threelists.demand.messaging.DemandEventData.WithProject;
import org.threelists.demand.messaging.DemandEventData.WithReason;
import org.threelists.demand.projection.DemandView;
import org.threelists.platform.relay.CloudEvent;
import org.threelists.platform.relay.IntegrationEvent;
import org.threelists.platform.relay.IntegrationEventMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Translates demand events into demand-list.events.v1 and, for demands that came from the municipal platform,
 * into municipal.feedback.v1 (its slips' steps: {@link SlipFeedbackMapper}). Residents' personal data never leaves:
 * the sealed contact stays in the service, and so do the reasons people give ({@link PublicReasons}).
 */
@ApplicationScoped
public class DemandEventMapper implements IntegrationEventMapper {

    private static final String TYPE_PREFIX = "threelists.demand.";
    /** The second lane's status on municipal.feedback.v1: a building Party group holds the request. */
    static final String IN_PARTY_GROUP = "in_party_group";

    @Override
    public Set<String> topics() {
        return Set.of(Topics.DEMAND_EVENTS, Topics.MUNICIPAL_FEEDBACK);
    }

    @Override
    public List<IntegrationEvent> map(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof DemandSubmitted submitted) {
            SubmittedTickets.submitted(submitted.demandId(), submitted.municipalTicketId());
        }
        Translation translation = translate(payload);
        if (translation == null) {
            return List.of();
        }
        List<IntegrationEvent> out = new ArrayList<>();
        out.add(new IntegrationEvent(Topics.DEMAND_EVENTS, translation.demandId, CloudEvent.of(event.getIdentifier(),
                Topics.SOURCE, TYPE_PREFIX + translation.type + ".v1", translation.demandId,
                event.getTimestamp(), translation.data)));
        if (translation.feedback != null) {
            String ticket = payload instanceof DemandSubmitted submitted
                    ? submitted.municipalTicketId()
                    : ticketOf(translation.demandId);
            if (ticket != null) {
                out.add(new MunicipalFeedback(ticket, translation.demandId, translation.feedback.open,
                        translation.feedback.detailed, translation.feedback.notes, event.getTimestamp(),
                        translation.feedback.rating).message(event.getIdentifier()));
            }
        }
        return out;
    }

    private static Translation translate(Object payload) {
        if (payload instanceof DemandSubmitted e) {
            DemandDetails d = e.details();
            return new Translation(e.demandId(), "submitted", new Submitted(e.demandId(), DemandStatus.SUBMITTED,
                    e.actor(), e.streetCode(), e.communityCode(), d.compound(), d.building(), d.category(),
                    d.description(), d.beneficiaries(), d.urgency(), d.window(), d.deadline(), d.estimatedHours(),
                    d.requiredSkills(), e.source(), e.municipalTicketId(), e.sealedResident() != null),
                    Feedback.open("received", null));
        }
        if (payload instanceof DemandAmended e) {
            DemandDetails d = e.details();
            DemandView view = DemandView.findById(e.demandId());
            return new Translation(e.demandId(), "amended", new Amended(e.demandId(), e.status(), e.actor(),
                    view.streetCode, view.communityCode, d.compound(), d.building(), d.category(), d.description(),
                    d.beneficiaries(), d.urgency(), d.window(), d.deadline(), d.estimatedHours(), d.requiredSkills(),
                    e.hasResidentContact()), null);
        }
        if (payload instanceof DemandVerified e) {
            return new Translation(e.demandId(), "verified", new Changed(e.demandId(), DemandStatus.LISTED, e.actor()),
                    Feedback.open("accepted", null));
        }
        if (payload instanceof DemandMerged e) {
            return new Translation(e.demandId(), "merged",
                    new Merged(e.demandId(), DemandStatus.MERGED, e.actor(), e.duplicateOf()),
                    Feedback.closed("duplicate", "merged into demand " + e.duplicateOf()));
        }
        if (payload instanceof DemandReopenedForReview e) {
            // the platform hears a fixed sentence: the withdrawal's or rejection's words stay with the community
            return new Translation(e.demandId(), "reopened-for-review",
                    new ReopenedForReview(e.demandId(), DemandStatus.SUBMITTED, e.actor(), e.mergedInto(),
                            e.mergedIntoStatus(), e.reason()),
                    Feedback.open("reopened", "the request it had been merged into was "
                            + e.mergedIntoStatus().name().toLowerCase(Locale.ROOT)
                            + "; it is reviewed again"));
        }
        // People's reasons stay here: both topics get a fixed text (PublicReasons)
        if (payload instanceof DemandWithdrawn e) {
            return new Translation(e.demandId(), "withdrawn",
                    new WithReason(e.demandId(), DemandStatus.WITHDRAWN, e.actor(), PublicReasons.WITHDRAWN),
                    Feedback.closed("withdrawn", PublicReasons.WITHDRAWN_NOTE));
        }
        if (payload instanceof DemandRejected e) {
            return new Translation(e.demandId(), "rejected",
                    new WithReason(e.demandId(), DemandStatus.REJECTED, e.actor(), PublicReasons.REJECTED),
                    Feedback.closed("rejected", PublicReasons.REJECTED_NOTE));
        }
        if (payload instanceof DemandMatched e) {
            return new Translation(e.demandId(), "matched",
                    new WithProject(e.demandId(), DemandStatus.MATCHED, e.actor(), e.projectId()),
                    Feedback.open("matched", null));
        }
        if (payload instanceof DemandReopened e) {
            ReopenCause cause = e.cause() != null ? e.cause() : ReopenCause.recordedAs(e.reason());
            return new Translation(e.demandId(), "reopened",
                    new Reopened(e.demandId(), DemandStatus.LISTED, e.actor(), cause, PublicReasons.reopened(cause)),
                    Feedback.open("reopened", PublicReasons.reopenedNote(cause)));
        }
        if (payload instanceof DemandWorkStarted e) {
            return new Translation(e.demandId(), "work-started",
                    new WithProject(e.demandId(), DemandStatus.IN_PROGRESS, e.actor(), e.projectId()),
                    Feedback.open("in_progress", null));
        }
        if (payload instanceof DemandFulfilled e) {
            return new Translation(e.demandId(), "fulfilled",
                    new WithProject(e.demandId(), DemandStatus.FULFILLED, e.actor(), e.projectId()),
                    Feedback.closed("resolved", null));
        }
        if (payload instanceof DemandRated e) {
            Feedback rated = Feedback.closed("rated", null);
            return new Translation(e.demandId(), "rated", new Rated(e.demandId(), DemandStatus.RATED, e.actor(), e.score()),
                    new Feedback(rated.open, rated.detailed, null, e.score()));
        }
        if (payload instanceof DemandRoutedToPartyGroup e) {
            return new Translation(e.demandId(), "routed-to-party-group",
                    new Routed(e.demandId(), DemandStatus.IN_PARTY_GROUP, e.actor(), e.groupId(), null),
                    Feedback.open(IN_PARTY_GROUP, null));
        }
        if (payload instanceof DemandSentToJointMeeting e) {
            // back on the list for the joint meeting: the group's reason is its own words, for the community and desk
            return new Translation(e.demandId(), "sent-to-joint-meeting",
                    new Routed(e.demandId(), DemandStatus.LISTED, e.actor(), e.groupId(),
                            PublicReasons.SENT_TO_JOINT_MEETING),
                    Feedback.open("accepted", "sent back to the joint meeting by the building Party group"));
        }
        if (payload instanceof ResidentDataErased e) {
            return new Translation(e.demandId(), "resident-data-erased",
                    new Changed(e.demandId(), e.status(), e.actor()), null);
        }
        return null;
    }

    /** The ticket a demand came from; null for a demand that did not come from the municipal platform. */
    static String ticketOf(String demandId) {
        return SubmittedTickets.of(demandId);
    }

    private record Translation(String demandId, String type, Object data, Feedback feedback) {
    }

    private record Feedback(String open, String detailed, String notes, Integer rating) {
        static Feedback open(String detailed, String notes) {
            return new Feedback("open", detailed, notes, null);
        }

        static Feedback closed(String detailed, String notes) {
            return new Feedback("closed", detailed, notes, null);
        }
    }
}
