package org.threelists.matchmaker.projection;

import org.threelists.contracts.Urgency;
import org.threelists.platform.projection.jdbc.ViewTable;

import java.time.Instant;
import java.util.Objects;

/**
 * A running time limit of a project: the claim deadline while it is open for claims, the completion deadline while
 * it is held, and for each claim or pledge awaiting resource-list's answer how long it waits ({@link #RESERVATION},
 * keyed by its claim id). Kept by {@link ProjectProjection}; fired by the deadline poller.
 */
public class ProjectDeadline {

    public static final ViewTable<ProjectDeadline> TABLE = ViewTable.of(ProjectDeadline.class,
            "project_deadline", "projectId", "kind", "claimId");

    /** The kind of a pending claim's answer deadline; the project's own deadlines are named by DeadlineKind. */
    public static final String RESERVATION = "RESERVATION";
    /** The claim id of a project's own deadline. */
    public static final String NO_CLAIM = "";

    public String projectId;
    public String kind;
    public String claimId = NO_CLAIM;
    public Instant dueAt;
    public Urgency urgency;
    public int attempts;
    public Instant notBefore;

    public static ProjectDeadline findById(Key key) {
        return TABLE.find(key.projectId, key.kind, key.claimId);
    }

    public static boolean deleteById(Key key) {
        return TABLE.delete(key.projectId, key.kind, key.claimId);
    }

    public void delete() {
        TABLE.delete(projectId, kind, claimId);
    }

    /** Writes the row whole (inserted, or every column updated). */
    public void save() {
        TABLE.save(this);
    }

    public static final class Key {
        public String projectId;
        public String kind;
        public String claimId;

        /** A project's own deadline (claim or completion). */
        public Key(String projectId, String kind) {
            this(projectId, kind, NO_CLAIM);
        }

        public Key(String projectId, String kind, String claimId) {
            this.projectId = projectId;
            this.kind = kind;
            this.claimId = claimId;
        }

        /** The answer deadline of a pending claim. */
        public static Key reservation(String projectId, String claimId) {
            return new Key(projectId, RESERVATION, claimId);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(projectId, k.projectId) && Objects.equals(kind, k.kind)
                    && Objects.equals(claimId, k.claimId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, kind, claimId);
        }
    }
}
