package org.threelists.platform.inbox;

import java.time.Instant;

/** The message a paused partition waits to try again, how often it failed, and whether its DLQ copy is written. */
final class PartitionRetry {

    final long offset;
    int failures;
    boolean deadLettered;
    Instant due = Instant.MIN;

    PartitionRetry(long offset) {
        this.offset = offset;
    }
}
