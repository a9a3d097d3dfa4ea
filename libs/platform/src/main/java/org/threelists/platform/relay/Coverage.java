package org.threelists.platform.relay;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A set of event-store positions, in the shape of Axon's gap-aware token: every position up to {@code index} except
 * the {@code gaps} (writers commit out of position order, so a position below the highest one may still come).
 * The relay writes the coverage of what it has published in a header of every record, and skips an event only
 * when the coverage read back from Kafka holds the event's position.
 */
record Coverage(long index, SortedSet<Long> gaps) {

    static final Coverage NOTHING = new Coverage(-1, Collections.emptySortedSet());

    Coverage {
        gaps = Collections.unmodifiableSortedSet(new TreeSet<>(gaps.headSet(index + 1)));
    }

    static Coverage upTo(long position) {
        return new Coverage(position, Collections.emptySortedSet());
    }

    /** What a processor token says is done; nothing for no token (a processor that starts at the tail). */
    static Coverage of(TrackingToken token) {
        if (token == null) {
            return NOTHING;
        }
        Optional<GapAwareTrackingToken> gapAware = WrappedToken.unwrap(token, GapAwareTrackingToken.class);
        if (gapAware.isPresent()) {
            return new Coverage(gapAware.get().getIndex(), gapAware.get().getGaps());
        }
        if (token instanceof WrappedToken) {
            // A replay from the start of the store that has not reached its first event yet.
            return NOTHING;
        }
        throw new IllegalStateException("The relay needs a gap-aware token, not " + token);
    }

    boolean covers(long position) {
        return position >= 0 && position <= index && !gaps.contains(position);
    }

    /** Whether every position of {@code other} is here too. */
    boolean covers(Coverage other) {
        if (other.index > index) {
            return false;
        }
        for (long gap : gaps.headSet(other.index + 1)) {
            if (!other.gaps.contains(gap)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether this coverage holds the event delivered with {@code delivered} right after {@code previous} in the
     * processor's stream. Axon's token does not name the event's own position, only the positions seen up to it: an
     * event above the previous index raised the index to its own position; one below it filled one of the previous
     * token's gaps. A token can also drop gaps on the way (Axon's JDBC store drops every gap of a token that reads an
     * event older than its gap timeout, 60 s, as a relay does after a broker outage), so comparing whole tokens would
     * see positions that were never gaps of the previous one and send again an event Kafka already has. Where the gap
     * the event filled cannot be told apart from gaps dropped with it, the event is held only if every one of them is:
     * in doubt, publish (a consumer drops a second copy by its id; nothing drops a lost event).
     */
    boolean holdsEventOf(Coverage previous, Coverage delivered) {
        if (previous == null || delivered.index < previous.index) {
            return covers(delivered);
        }
        if (delivered.index > previous.index) {
            return covers(delivered.index);
        }
        List<Long> filled = previous.gaps.stream().filter(delivered::covers).toList();
        return filled.isEmpty() ? covers(delivered) : filled.stream().allMatch(this::covers);
    }

    Coverage union(Coverage other) {
        TreeSet<Long> both = new TreeSet<>();
        gaps.stream().filter(g -> !other.covers(g)).forEach(both::add);
        other.gaps.stream().filter(g -> !covers(g)).forEach(both::add);
        return new Coverage(Math.max(index, other.index), both);
    }

    /** {@code index} or {@code index;gap,gap-gap,…} with runs of gaps written as ranges. */
    String format() {
        StringBuilder text = new StringBuilder(Long.toString(index));
        String separator = ";";
        Long runStart = null;
        long previous = Long.MIN_VALUE;
        for (long gap : gaps) {
            if (runStart != null && gap == previous + 1) {
                previous = gap;
                continue;
            }
            if (runStart != null) {
                text.append(separator).append(run(runStart, previous));
                separator = ",";
            }
            runStart = gap;
            previous = gap;
        }
        if (runStart != null) {
            text.append(separator).append(run(runStart, previous));
        }
        return text.toString();
    }

    static Coverage parse(String text) {
        int semicolon = text.indexOf(';');
        long index = Long.parseLong(semicolon < 0 ? text : text.substring(0, semicolon));
        TreeSet<Long> gaps = new TreeSet<>();
        if (semicolon >= 0) {
            for (String run : text.substring(semicolon + 1).split(",")) {
                int dash = run.indexOf('-');
                long first = Long.parseLong(dash < 0 ? run : run.substring(0, dash));
                long last = dash < 0 ? first : Long.parseLong(run.substring(dash + 1));
                for (long gap = first; gap <= last; gap++) {
                    gaps.add(gap);
                }
            }
        }
        return new Coverage(index, gaps);
    }

    private static String run(long first, long last) {
        return first == last ? Long.toString(first) : first + "-" + last;
    }

    static Coverage unionOf(Collection<Coverage> coverages) {
        return coverages.stream().reduce(NOTHING, Coverage::union);
    }
}
