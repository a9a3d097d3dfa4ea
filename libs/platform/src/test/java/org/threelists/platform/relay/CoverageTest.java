package org.threelists.platform.relay;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether what is on Kafka holds an event is told from the event's own position, read from its token and the one
 * before it in the stream, with tokens made by Axon's own {@code advanceTo} as its JDBC store makes them.
 */
class CoverageTest {

    /** Axon's JDBC store keeps gaps up to 10,000 positions below the index, and none for an event older than 60 s. */
    private static final int RECENT = 10_000;
    private static final int OLDER_THAN_THE_GAP_TIMEOUT = 0;

    /** Rolled-back writers left 1–10 and 158 as gaps for good; 160 is a writer still open. */
    private final GapAwareTrackingToken resumedFrom = GapAwareTrackingToken.newInstance(272,
            new TreeSet<>(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 158L, 160L)));

    @Test
    void anEventReadAfterTheGapTimeoutIsHeldWhenItsOwnPositionIsOnKafka() {
        // The relay published 273 and failed before its token; the broker was away for a minute, so the next owner
        // reads 273 when it is older than the gap timeout, and the token it gets has lost every gap.
        GapAwareTrackingToken delivered = resumedFrom.advanceTo(273, OLDER_THAN_THE_GAP_TIMEOUT);
        Coverage onKafka = Coverage.parse("273;1-10,158,160");
        assertThat(delivered.getGaps()).as("Axon dropped the gaps").isEmpty();

        assertThat(onKafka.covers(Coverage.of(delivered))).as("the whole token is not on Kafka").isFalse();
        assertThat(onKafka.holdsEventOf(Coverage.of(resumedFrom), Coverage.of(delivered))).isTrue();
        assertThat(Coverage.parse("272;1-10,158,160").holdsEventOf(Coverage.of(resumedFrom), Coverage.of(delivered)))
                .as("273 not on Kafka yet").isFalse();
    }

    @Test
    void anEventAboveTheIndexIsItsOwnPositionWhateverTheGapsBelow() {
        GapAwareTrackingToken delivered = resumedFrom.advanceTo(280, RECENT);
        assertThat(delivered.getGaps()).contains(273L, 279L);

        assertThat(Coverage.parse("280;1-10,158,160,273-279").holdsEventOf(Coverage.of(resumedFrom), Coverage.of(delivered)))
                .as("280 is on Kafka, the writers of 273–279 are still open").isTrue();
        assertThat(Coverage.parse("279;1-10,158,160").holdsEventOf(Coverage.of(resumedFrom), Coverage.of(delivered)))
                .isFalse();
    }

    @Test
    void anEventCommittedLateIsTheGapItFilled() {
        GapAwareTrackingToken delivered = resumedFrom.advanceTo(160, RECENT);

        assertThat(Coverage.parse("300;1-10,158").holdsEventOf(Coverage.of(resumedFrom), Coverage.of(delivered)))
                .as("160 on Kafka").isTrue();
        assertThat(Coverage.parse("300;1-10,158,160").holdsEventOf(Coverage.of(resumedFrom), Coverage.of(delivered)))
                .as("160 not on Kafka: published once, late").isFalse();
    }

    @Test
    void aLateEventWhoseTokenAlsoDroppedGapsIsHeldOnlyIfEveryGapThatClosedIsOnKafka() {
        // 160 filled when older than the gap timeout: 1–10 and 158 closed with it, and which one was the event's is
        // not in the token. In doubt the relay publishes: a second copy is dropped by its id, a lost event by nothing.
        GapAwareTrackingToken delivered = resumedFrom.advanceTo(160, OLDER_THAN_THE_GAP_TIMEOUT);

        assertThat(Coverage.parse("300").holdsEventOf(Coverage.of(resumedFrom), Coverage.of(delivered))).isTrue();
        assertThat(Coverage.parse("300;1-10,158").holdsEventOf(Coverage.of(resumedFrom), Coverage.of(delivered)))
                .isFalse();
    }

    @Test
    void withoutTheTokenBeforeItTheWholeTokenMustBeOnKafka() {
        GapAwareTrackingToken delivered = resumedFrom.advanceTo(273, RECENT);

        assertThat(Coverage.parse("273;1-10,158,160").holdsEventOf(null, Coverage.of(delivered))).isTrue();
        assertThat(Coverage.parse("273;1-10,158,160").holdsEventOf(null, Coverage.of(
                resumedFrom.advanceTo(273, OLDER_THAN_THE_GAP_TIMEOUT)))).isFalse();
    }

    @Test
    void aStreamFromTheStartOfTheStoreTakesEachEventsPositionFromItsToken() {
        Coverage nothing = Coverage.of(null);
        GapAwareTrackingToken first = GapAwareTrackingToken.newInstance(3,
                new TreeSet<>(LongStream.range(1, 3).boxed().toList()));

        assertThat(Coverage.parse("3;1-2").holdsEventOf(nothing, Coverage.of(first))).isTrue();
        assertThat(Coverage.parse("2").holdsEventOf(nothing, Coverage.of(first))).isFalse();
    }

    @Test
    void aCoverageReadsBackAsItWasWritten() {
        Coverage written = Coverage.parse("273;1-10,158,160,163-165");
        assertThat(Coverage.parse(written.format())).isEqualTo(written);
        assertThat(written.format()).isEqualTo("273;1-10,158,160,163-165");
    }
}
