package org.threelists.ledger.service;

import java.util.Map;

/**
 * How far the topics a rebuild reads again reach now: per chain ({@link org.threelists.ledger.domain.Chains}), the
 * partition's first offset and its end offset. A rebuild run measures it when it starts, so that its progress bar
 * counts against what there was to read then (services/ledger/README.md, "Rebuild runs").
 */
public interface ReplayExtent {

    /** A partition's offsets: the first one still held and the next one to be written. */
    record Span(long beginning, long end) {

        public long length() {
            return Math.max(0, end - beginning);
        }
    }

    Map<Integer, Span> now();
}
