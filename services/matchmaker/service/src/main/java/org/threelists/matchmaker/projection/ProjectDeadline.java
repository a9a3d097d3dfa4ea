package org.threelists.matchmaker.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.threelists.contracts.Urgency;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A running time limit of a project: the claim deadline while it is open for claims, the completion deadline while
 * it is held, and for each claim or pledge awaiting resource-list's answer how long it waits ({@link #RESERVATION},
 * keyed by its claim id). Kept by {@link ProjectProjection}; fired by the deadline poller.
 */
@Entity
@Table(name = "project_deadline")
@IdClass(ProjectDeadline.Key.class)
public class ProjectDeadline extends PanacheEntityBase {

    /** The kind of a pending claim's answer deadline; the project's own deadlines are named by DeadlineKind. */
    public static final String RESERVATION = "RESERVATION";
    /** The claim id of a project's own deadline. */
    public static final String NO_CLAIM = "";

    @Id
    @Column(name = "project_id")
    public String projectId;
    @Id
    public String kind;
    @Id
    @Column(name = "claim_id")
    public String claimId = NO_CLAIM;
    @Column(name = "due_at")
    public Instant dueAt;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    public int attempts;
    @Column(name = "not_before")
    public Instant notBefore;

    public static class Key implements Serializable {
        public String projectId;
        public String kind;
        public String claimId;

        public Key() {
        }

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
