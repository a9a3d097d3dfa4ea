package org.threelists.matchmaker.projection;

import org.threelists.platform.projection.jdbc.ViewTable;

import java.time.Instant;

/** One passed deadline in the desk's queue. Written only by {@link ProjectProjection}. */
public class EscalationView {

    public static final ViewTable<EscalationView> TABLE = ViewTable.of(EscalationView.class,
            "escalation", "escalationId");

    public String escalationId;
    public String projectId;
    public String streetCode;
    public String communityCode;
    public String title;
    /** CLAIM, COMPLETION, CONFIRMATION or APPROVAL ({@code DeadlineKind}). */
    public String deadline;
    public Instant dueAt;
    public String[] unitIds;
    public Instant escalatedAt;
    public String escalatedBy;

    /** Writes the row whole (inserted, or every column updated). */
    public void save() {
        TABLE.save(this);
    }
}
