package org.threelists.demand.projection;

import org.threelists.platform.projection.jdbc.ViewTable;

import java.time.Instant;

/**
 * The running time limit of a slip: {@link #deadline}, its acceptance or resolution time, and {@link #dueAt}, when
 * the poller next passes it (the deadline, then the community's turn). Kept by {@link SlipProjection} in the events'
 * transaction; fired by {@code service.SlipDeadlinePoller}. Each public field is the {@code slip_deadline} column of
 * its name in snake case (plain JDBC, {@link ViewTable}).
 */
public class SlipDeadline {

    public static final ViewTable<SlipDeadline> TABLE = ViewTable.of(SlipDeadline.class, "slip_deadline", "slipId");

    public String slipId;
    public Instant deadline;
    public Instant dueAt;
    public int attempts;
    public Instant notBefore;

    public static SlipDeadline findById(String slipId) {
        return TABLE.find(slipId);
    }

    /** Writes the row whole (inserted, or every column updated). */
    public void save() {
        TABLE.save(this);
    }

    /** Deletes the row; answers whether it was there. */
    public boolean delete() {
        return TABLE.delete(slipId);
    }
}
