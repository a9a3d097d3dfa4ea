package org.threelists.demand.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The running time limit of a slip: {@link #deadline}, its acceptance or resolution time, and {@link #dueAt}, when
 * the poller next passes it (the deadline, then the community's turn). Kept by {@link SlipProjection} in the events'
 * transaction; fired by {@code service.SlipDeadlinePoller}.
 */
@Entity
@Table(name = "slip_deadline")
public class SlipDeadline extends PanacheEntityBase {

    @Id
    @Column(name = "slip_id")
    public String slipId;
    public Instant deadline;
    @Column(name = "due_at")
    public Instant dueAt;
    public int attempts;
    @Column(name = "not_before")
    public Instant notBefore;
}
