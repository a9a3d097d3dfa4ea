package org.threelists.resource.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.platform.domain.NotFoundException;
import org.threelists.resource.domain.ResourceCommands.ConsumeCapacity;
import org.threelists.resource.domain.ResourceCommands.ReleaseCapacity;
import org.threelists.resource.domain.ResourceCommands.ReserveCapacity;
import org.threelists.resource.projection.ResourceListQueries;

import java.math.BigDecimal;

/**
 * Reservations a unit or the desk makes directly (over REST), beside those the project list's claims make
 * ({@link ClaimReservations}). They release and consume only reservations made this way: one a claim holds belongs
 * to the capacity saga, and the {@code Resource} refuses it (services/resource-list/README.md, "Consumes").
 *
 * <p>The commands run in Axon's own transaction ({@link CapacityCommands}), committed by the time they return; the
 * caller then reads the answer afresh. Every read of the read models is a statement of its own (plain JDBC, no
 * session caching the rows read before the command), so it sees what that transaction committed.
 */
@ApplicationScoped
public class Reservations {

    private final CapacityCommands capacity;
    private final ResourceListQueries queries;

    Reservations(CapacityCommands capacity, ResourceListQueries queries) {
        this.capacity = capacity;
        this.queries = queries;
    }

    /** True when reserved now; false when the project already held exactly this reservation. */
    public boolean reserve(String resourceId, String projectId, BigDecimal amount, String period, String actor) {
        return capacity.send(new ReserveCapacity(resourceId, projectId, amount, period, actor));
    }

    /** Releasing twice changes nothing; a project that never reserved this resource has nothing to release. */
    public void release(String resourceId, String projectId, String reason, String actor) {
        if (!queries.hasReservation(resourceId, projectId)) {
            throw new NotFoundException("Reservation of project", projectId);
        }
        capacity.send(new ReleaseCapacity(resourceId, projectId, reason, actor, null));
    }

    /** What a delivery used; the rest of the reservation returns to the capacity. */
    public void consume(String resourceId, String projectId, BigDecimal amount, String actor) {
        capacity.send(new ConsumeCapacity(resourceId, projectId, amount, actor, null));
    }
}
