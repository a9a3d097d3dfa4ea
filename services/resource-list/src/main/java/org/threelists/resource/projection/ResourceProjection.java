package org.threelists.resource.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.threelists.contracts.Category;
import org.threelists.platform.json.Json;
import org.threelists.resource.domain.Availability;
import org.threelists.resource.domain.ResourceDetails;
import org.threelists.resource.domain.ResourceEvents.CapacityConsumed;
import org.threelists.resource.domain.ResourceEvents.CapacityReleased;
import org.threelists.resource.domain.ResourceEvents.CapacityReserved;
import org.threelists.resource.domain.ResourceEvents.ResourceAmended;
import org.threelists.resource.domain.ResourceEvents.ResourceOffered;
import org.threelists.resource.domain.ResourceEvents.ResourceWithdrawn;
import org.threelists.resource.domain.ResourceStatus;
import org.threelists.resource.domain.ResourceType;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * Keeps {@link ResourceView} and {@link ReservationView}, in the transaction that appends the resource's events. A
 * refused request ({@code CapacityRefused}) changes neither: nothing was reserved.
 */
@Singleton
@ProcessingGroup(Views.PROCESSOR)
public class ResourceProjection {

    @EventHandler
    void on(ResourceOffered event, @Timestamp Instant at, @SequenceNumber long sequence) {
        ResourceView view = new ResourceView();
        view.resourceId = event.resourceId();
        view.unitId = event.unitId();
        view.streetCode = Views.require(MemberUnitView.TABLE, event.unitId()).streetCode;
        view.status = ResourceStatus.ACTIVE;
        view.offeredAt = at;
        view.offeredBy = event.actor();
        copy(event.type(), event.details(), view);
        view.touch(event.actor(), at, sequence);
        view.save();
    }

    @EventHandler
    void on(ResourceAmended event, @Timestamp Instant at, @SequenceNumber long sequence) {
        ResourceView view = Views.require(ResourceView.TABLE, event.resourceId());
        copy(event.type(), event.details(), view);
        view.touch(event.actor(), at, sequence);
        view.save();
    }

    @EventHandler
    void on(ResourceWithdrawn event, @Timestamp Instant at, @SequenceNumber long sequence) {
        ResourceView view = Views.require(ResourceView.TABLE, event.resourceId());
        view.status = ResourceStatus.WITHDRAWN;
        view.statusReason = event.reason();
        view.touch(event.actor(), at, sequence);
        view.save();
    }

    @EventHandler
    void on(CapacityReserved event, @Timestamp Instant at, @SequenceNumber long sequence) {
        // A released reservation's row is reused: the same key, every column written anew.
        ReservationView reservation = new ReservationView();
        reservation.resourceId = event.resourceId();
        reservation.projectId = event.projectId();
        reservation.claimId = event.claimId();
        reservation.period = event.period();
        reservation.amount = event.amount();
        reservation.status = ReservationView.Status.RESERVED;
        reservation.reason = null;
        stamp(reservation, event.actor(), at);
        reservation.save();
        touch(event.resourceId(), event.actor(), at, sequence);
    }

    @EventHandler
    void on(CapacityReleased event, @Timestamp Instant at, @SequenceNumber long sequence) {
        ReservationView reservation = Views.require(ReservationView.TABLE, event.resourceId(), event.projectId());
        reservation.status = ReservationView.Status.RELEASED;
        reservation.reason = event.reason();
        stamp(reservation, event.actor(), at);
        reservation.save();
        touch(event.resourceId(), event.actor(), at, sequence);
    }

    @EventHandler
    void on(CapacityConsumed event, @Timestamp Instant at, @SequenceNumber long sequence) {
        ReservationView reservation = Views.require(ReservationView.TABLE, event.resourceId(), event.projectId());
        reservation.status = ReservationView.Status.CONSUMED;
        reservation.amount = event.amount();
        stamp(reservation, event.actor(), at);
        reservation.save();
        touch(event.resourceId(), event.actor(), at, sequence);
    }

    /** A change of the resource's capacity is a change of the resource: its row records the event too. */
    private static void touch(String resourceId, String actor, Instant at, long sequence) {
        ResourceView resource = Views.require(ResourceView.TABLE, resourceId);
        resource.touch(actor, at, sequence);
        resource.save();
    }

    private static void stamp(ReservationView reservation, String actor, Instant at) {
        reservation.updatedAt = at;
        reservation.updatedBy = actor;
    }

    private static void copy(ResourceType type, ResourceDetails details, ResourceView view) {
        view.type = type;
        view.capacityUnit = type.capacityUnit();
        view.title = details.title();
        view.description = details.description();
        view.categories = details.categories().stream().map(Category::name).toArray(String[]::new);
        view.skills = details.skills().toArray(String[]::new);
        view.serviceArea = details.serviceArea().toArray(String[]::new);
        view.availability = json(details.availability());
        view.capacityAmount = details.capacity().amount().setScale(2, RoundingMode.HALF_UP);
        view.capacityPeriod = details.capacity().period();
        view.validFrom = details.validFrom();
        view.validUntil = details.validUntil();
        // Searching by availability window uses the envelope of the days the offer can be used on.
        var ranges = details.availability().dateRanges();
        LocalDate firstDay = ranges.stream().map(Availability.DateRange::start).min(Comparator.naturalOrder())
                .orElse(details.validFrom());
        LocalDate lastDay = ranges.stream().map(Availability.DateRange::end).max(Comparator.naturalOrder()).orElse(null);
        view.availableFrom = firstDay.isAfter(details.validFrom()) ? firstDay : details.validFrom();
        view.availableUntil = earliest(lastDay, details.validUntil());
    }

    /** The earlier of two days where null is "open-ended"; null when both are (an offer with no end at all). */
    private static LocalDate earliest(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
