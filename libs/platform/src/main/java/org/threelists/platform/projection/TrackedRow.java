package org.threelists.platform.projection;

import java.time.Instant;

/**
 * A read-model row that remembers the last event applied to it: when, by whom, and the aggregate's sequence number
 * (its version, which clients may use to notice they read an older state).
 */
public abstract class TrackedRow {

    public Instant updatedAt;
    public String updatedBy;
    public long version;

    public void touch(String actor, Instant at, long sequence) {
        updatedAt = at;
        updatedBy = actor;
        version = sequence;
    }
}
