package org.threelists.demand.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
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
import org.threelists.demand.domain.DemandEvents.DuplicateAbsorbed;
import org.threelists.demand.domain.DemandEvents.ResidentDataErased;
import org.threelists.demand.domain.DemandStatus;
import org.threelists.demand.domain.ProjectHolder;
import org.threelists.demand.domain.RoutingEvents.DemandRoutedToPartyGroup;
import org.threelists.demand.domain.RoutingEvents.DemandSentToJointMeeting;
import org.threelists.demand.domain.RoutingEvents.DemandSlipOpened;
import org.threelists.demand.domain.RoutingEvents.DemandSlipReleased;
import org.threelists.platform.json.Json;

import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps {@link DemandView} from the demand events. It runs in a subscribing processor, inside the transaction
 * that appends the events, so a client reads its own write at once and the list never disagrees with the store.
 */
@Singleton
@ProcessingGroup(DemandProjection.PROCESSOR)
public class DemandProjection {

    public static final String PROCESSOR = "demand-view";

    private final WrittenRows written;

    DemandProjection(WrittenRows written) {
        this.written = written;
    }

    @EventHandler
    void on(DemandSubmitted event, @Timestamp Instant at, @SequenceNumber long sequence) {
        DemandView view = new DemandView();
        view.demandId = event.demandId();
        view.streetCode = event.streetCode();
        view.communityCode = event.communityCode();
        view.source = event.source();
        view.municipalTicketId = event.municipalTicketId();
        view.sealedResident = event.sealedResident();
        view.sealedTicketText = event.sealedTicketText();
        view.status = DemandStatus.SUBMITTED;
        view.submittedAt = at;
        view.submittedBy = event.actor();
        copy(event.details(), view);
        view.touch(event.actor(), at, sequence);
        written.insert(DemandView.TABLE, view);
    }

    @EventHandler
    void on(DemandAmended event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.demandId(), event.actor(), at, sequence, view -> {
            copy(event.details(), view);
            if (event.sealedResident() != null) {
                view.sealedResident = event.sealedResident();
            }
        });
    }

    @EventHandler
    void on(DemandVerified event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.demandId(), event.actor(), at, sequence, view -> status(view, DemandStatus.LISTED, null));
    }

    @EventHandler
    void on(DemandMerged event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.demandId(), event.actor(), at, sequence, view -> {
            status(view, DemandStatus.MERGED, "duplicate of " + event.duplicateOf());
            view.duplicateOf = event.duplicateOf();
        });
    }

    /** The target changed (it carries the duplicate's need too): its row's version follows its stream. */
    @EventHandler
    void on(DuplicateAbsorbed event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.demandId(), event.actor(), at, sequence, view -> { });
    }

    /** No longer a duplicate: awaiting review again, the reason saying why (README "Merging duplicates"). */
    @EventHandler
    void on(DemandReopenedForReview event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.demandId(), event.actor(), at, sequence, view -> {
            status(view, DemandStatus.SUBMITTED, event.reason());
            view.duplicateOf = null;
        });
    }

    @EventHandler
    void on(DemandWithdrawn event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.demandId(), event.actor(), at, sequence, view -> {
            status(view, DemandStatus.WITHDRAWN, event.reason());
            // as the aggregate: the group no longer holds it, so its leader no longer reads it
            view.partyGroupId = null;
        });
    }

    @EventHandler
    void on(DemandRejected event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.demandId(), event.actor(), at, sequence,
                view -> status(view, DemandStatus.REJECTED, event.reason()));
    }

    @EventHandler
    void on(DemandMatched event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.demandId(), event.actor(), at, sequence, view -> {
            status(view, DemandStatus.MATCHED, null);
            view.projectId = event.projectId();
            view.servingUnits = json(event.holders() == null ? List.of()
                    : event.holders().stream().map(ProjectHolder::unitId).distinct().toList());
        });
    }

    @EventHandler
    void on(DemandRoutedToPartyGroup event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.demandId(), event.actor(), at, sequence, view -> {
            status(view, DemandStatus.IN_PARTY_GROUP, null);
            view.partyGroupId = event.groupId();
        });
    }

    @EventHandler
    void on(DemandSentToJointMeeting event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.demandId(), event.actor(), at, sequence, view -> {
            status(view, DemandStatus.LISTED, event.reason());
            view.partyGroupId = null;
        });
    }

    @EventHandler
    void on(DemandSlipOpened event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.demandId(), event.actor(), at, sequence, view -> view.openSlipId = event.slipId());
    }

    @EventHandler
    void on(DemandSlipReleased event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.demandId(), event.actor(), at, sequence, view -> view.openSlipId = null);
    }

    @EventHandler
    void on(DemandReopened event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.demandId(), event.actor(), at, sequence, view -> {
            status(view, DemandStatus.LISTED, event.reason());
            view.projectId = null;
            view.servingUnits = json(List.of());
        });
    }

    @EventHandler
    void on(DemandWorkStarted event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.demandId(), event.actor(), at, sequence, view -> status(view, DemandStatus.IN_PROGRESS, null));
    }

    @EventHandler
    void on(DemandFulfilled event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.demandId(), event.actor(), at, sequence, view -> status(view, DemandStatus.FULFILLED, null));
    }

    @EventHandler
    void on(DemandRated event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.demandId(), event.actor(), at, sequence, view -> {
            status(view, DemandStatus.RATED, null);
            view.rating = event.score();
            view.openSlipId = null;
        });
    }

    @EventHandler
    void on(ResidentDataErased event, @Timestamp Instant at, @SequenceNumber long sequence) {
        // The sealed copy stays (its key is gone); the flag lets readers say "erased" rather than "none given".
        update(event.demandId(), event.actor(), at, sequence, view -> view.residentErased = true);
    }

    private void update(String demandId, String actor, Instant at, long sequence, Consumer<DemandView> change) {
        DemandView view = written.findBefore(DemandView.TABLE, sequence, demandId);
        if (view == null) {
            throw new IllegalStateException("Demand view " + demandId + " is missing");
        }
        change.accept(view);
        view.touch(actor, at, sequence);
        // written now, whole, on the transaction's connection: it commits or rolls back with the events
        written.save(DemandView.TABLE, view);
    }

    private static void status(DemandView view, DemandStatus status, String reason) {
        view.status = status;
        view.statusReason = reason;
    }

    private static void copy(DemandDetails details, DemandView view) {
        view.compound = details.compound();
        view.building = details.building();
        view.category = details.category();
        view.description = details.description();
        view.beneficiaries = details.beneficiaries();
        view.urgency = details.urgency();
        view.windowStart = details.window() == null ? null : details.window().start();
        view.windowEnd = details.window() == null ? null : details.window().end();
        view.deadline = details.deadline();
        // The column keeps two decimals; the view shows what a reader would read back, whichever path served it.
        view.estimatedHours = details.estimatedHours().setScale(2, RoundingMode.HALF_UP);
        view.requiredSkills = json(details.requiredSkills());
    }

    private static String json(List<String> values) {
        try {
            return Json.mapper().writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
