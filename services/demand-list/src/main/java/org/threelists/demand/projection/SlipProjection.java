package org.threelists.demand.projection;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.threelists.demand.domain.slip.HoursSource;
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
import org.threelists.platform.projection.jdbc.Jdbc;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Keeps {@link SlipView} and each slip's running time limit ({@link SlipDeadline}) from the slip events, in a
 * subscribing processor: inside the transaction that appends the events, so the deadline row and the slip never
 * disagree, and a caller reads its own write ({@link WrittenRows}). Each change is written as its event is applied
 * (plain JDBC on the transaction's connection: nothing is written unless it is saved).
 */
@Singleton
@ProcessingGroup(SlipProjection.PROCESSOR)
public class SlipProjection {

    public static final String PROCESSOR = "slip-view";

    private final WrittenRows written;

    SlipProjection(WrittenRows written) {
        this.written = written;
    }

    @EventHandler
    void on(SlipDispatched event, @Timestamp Instant at, @SequenceNumber long sequence) {
        SlipView view = new SlipView();
        view.slipId = event.slipId();
        view.demandId = event.demandId();
        view.streetCode = event.streetCode();
        view.communityCode = event.communityCode();
        view.groupId = event.groupId();
        view.leaderId = event.leaderId();
        view.memberId = event.memberId();
        view.memberKind = event.memberKind();
        view.homeUnitId = event.homeUnitId();
        view.problem = event.problem();
        view.urgency = event.urgency();
        view.status = SlipStatus.DISPATCHED;
        view.dispatchedAt = at;
        view.acceptBy = event.acceptBy();
        view.touch(event.actor(), at, sequence);
        written.save(SlipView.TABLE, view);
        runs(event.slipId(), event.acceptBy());
    }

    @EventHandler
    void on(SlipAccepted event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.slipId(), event.actor(), at, sequence, view -> {
            view.status = SlipStatus.ACCEPTED;
            view.acceptedAt = at;
            view.resolveBy = event.resolveBy();
            view.escalationLevel = null;
        });
        runs(event.slipId(), event.resolveBy());
    }

    @EventHandler
    void on(SlipDeclined event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.slipId(), event.actor(), at, sequence, view -> {
            view.status = SlipStatus.DECLINED;
            view.declineReason = event.reason();
            view.escalationLevel = null;
        });
        stops(event.slipId());
    }

    @EventHandler
    void on(SlipRecalled event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.slipId(), event.actor(), at, sequence, view -> {
            view.status = SlipStatus.RECALLED;
            view.recalledAt = event.at();
            view.recalledBy = event.actor();
            view.recallReason = event.reason();
            view.recallLevel = event.level();
            view.escalationLevel = null;
            // a check-in the member never ended ends with the slip, uncredited (checkedInAt stays, as a record)
            view.checkedIn = false;
        });
        stops(event.slipId());
    }

    @EventHandler
    void on(SlipEscalated event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.slipId(), event.actor(), at, sequence, view -> {
            view.escalationLevel = event.level();
            view.escalations++;
        });
        if (event.next() == null) {
            stops(event.slipId());
        } else {
            // the community's turn, if the slip still has a time limit running
            Jdbc.update("UPDATE slip_deadline SET due_at = ?, attempts = 0, not_before = NULL WHERE slip_id = ?",
                    event.next(), event.slipId());
        }
    }

    @EventHandler
    void on(SlipReported event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.slipId(), event.actor(), at, sequence, view -> {
            view.status = SlipStatus.REPORTED;
            view.service = event.service();
            view.reportedHours = event.hours();
            view.checkedHours = event.checkedHours();
            view.hoursSource = event.hoursSource();
            view.hours = event.hoursSource() == null ? null : event.checkedHours();
            view.mode = event.mode();
            view.serviceDate = event.serviceDate();
            view.reportedAt = at;
            view.escalationLevel = null;
        });
        stops(event.slipId());
    }

    @EventHandler
    void on(SlipCheckedIn event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.slipId(), event.actor(), at, sequence, view -> {
            view.checkedInAt = event.at();
            view.checkedIn = true;
            view.atPlace = event.atPlace() ? Boolean.TRUE : null;
        });
    }

    @EventHandler
    void on(SlipCheckedOut event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.slipId(), event.actor(), at, sequence, view -> {
            view.checkedOutAt = event.at();
            view.checkedIn = false;
            view.checkedHours = event.checkedHours();
            view.atPlace = event.atPlace() ? Boolean.TRUE : null;
        });
    }

    @EventHandler
    void on(SlipHoursConfirmed event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.slipId(), event.actor(), at, sequence, view -> {
            view.hours = event.hours();
            view.hoursSource = HoursSource.CONFIRMED_BY_LEADER;
            view.hoursConfirmedBy = event.actor();
            view.hoursConfirmationReason = event.reason();
        });
    }

    @EventHandler
    void on(SlipSatisfactionRecorded event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.slipId(), event.actor(), at, sequence, view -> {
            view.status = event.status();
            view.satisfaction = event.score();
        });
    }

    @EventHandler
    void on(SlipReopened event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.slipId(), event.actor(), at, sequence, view -> {
            view.status = SlipStatus.ACCEPTED;
            view.resolveBy = event.resolveBy();
            view.hours = null;
            view.hoursSource = null;
        });
        runs(event.slipId(), event.resolveBy());
    }

    @EventHandler
    void on(SlipClosed event, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(event.slipId(), event.actor(), at, sequence, view -> {
            view.status = SlipStatus.CLOSED;
            view.closedAt = at;
        });
    }

    /**
     * The slip's time limit is now {@code deadline}; an earlier one, and how far it went, no longer count. Every
     * column is set here, so the row is written whole whether the slip had one or not.
     */
    private static void runs(String slipId, Instant deadline) {
        SlipDeadline row = new SlipDeadline();
        row.slipId = slipId;
        row.deadline = deadline;
        row.dueAt = deadline;
        row.attempts = 0;
        row.notBefore = null;
        row.save();
    }

    /** Removed at once, in the events' transaction: the poller that fired it reads it gone and leaves it. */
    private static void stops(String slipId) {
        SlipDeadline.TABLE.delete(slipId);
    }

    private void update(String slipId, String actor, Instant at, long sequence, Consumer<SlipView> change) {
        SlipView view = written.findBefore(SlipView.TABLE, sequence, slipId);
        if (view == null) {
            throw new IllegalStateException("Slip view " + slipId + " is missing");
        }
        change.accept(view);
        view.touch(actor, at, sequence);
        written.save(SlipView.TABLE, view);
    }
}
