package org.threelists.matchmaker.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A running time limit of a project: the claim deadline while it is open for claims, the completion deadline while
 * it is held. Kept by {@link ProjectProjection}; fired by the deadline poller.
 */
@Entity
@Table(name = "project_deadline")
@IdClass(ProjectDeadline.Key.class)
public class ProjectDeadline extends PanacheEntityBase {

    @Id
    @Column(name = "project_id")
    public String projectId;
    @Id
    public String kind;
    @Column(name = "due_at")
    public Instant dueAt;
    public String urgency;
    public int attempts;
    @Column(name = "not_before")
    public Instant notBefore;

    public static class Key implements Serializable {
        public String projectId;
        public String kind;

        public Key() {
        }

        public Key(String projectId, String kind) {
            this.projectId = projectId;
            this.kind = kind;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(projectId, k.projectId) && Objects.equals(kind, k.kind);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, kind);
        }
    }
}
