package org.threelists.platform.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * A read-model row that remembers the last event applied to it: when, by whom, and the aggregate's sequence number
 * (its version, which clients may use to notice they read an older state).
 */
@MappedSuperclass
public abstract class TrackedView extends PanacheEntityBase {

    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
    public long version;

    public void touch(String actor, Instant at, long sequence) {
        updatedAt = at;
        updatedBy = actor;
        version = sequence;
    }
}
