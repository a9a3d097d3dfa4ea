package org.threelists.matchmaker.matching.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.matching.TestInstances.demand;
import static org.threelists.matchmaker.matching.TestInstances.resource;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.matching.CandidatePair;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.model.Problem;
import org.threelists.matchmaker.matching.model.Profits;

/**
 * The chain step (services/matchmaker/engine/README.md, "How"): a hole in one resource that none of its unmatched
 * candidates fits moves to a neighbour that one of its own unmatched candidates fills — a move no one-resource
 * re-pack makes, since the demand that moves gains nothing by itself.
 */
class ChainStepTest {

    // R1 (2 h) holds X and has an hour free; R2 (2 h) is full with Y and Z. Y scores the same on both. U (1 h), the
    // only unmatched demand, can go to R2 only. The optimum moves Y to R1 and puts U on R2.
    private final MatchingInstance instance = new MatchingInstance(
            List.of(demand("X", "c", "HEALTH", 1), demand("Y", "c", "HEALTH", 1), demand("Z", "c", "HEALTH", 1),
                    demand("U", "c", "HEALTH", 1)),
            List.of(resource("R1", "u1", "HEALTH", "c", 2), resource("R2", "u2", "HEALTH", "c", 2)),
            List.of(new CandidatePair("X", "R1", 0.9), new CandidatePair("Y", "R1", 0.8),
                    new CandidatePair("Y", "R2", 0.8), new CandidatePair("Z", "R2", 0.9),
                    new CandidatePair("U", "R2", 0.3)),
            null);

    @Test
    void aHoleMovesToTheNeighbourWhoseUnmatchedCandidateFillsIt() {
        Problem p = Problem.build(instance);
        int[] choice = {pair(p, 0, 0), pair(p, 1, 1), pair(p, 2, 1), -1}; // X→R1, Y→R2, Z→R2, U unmatched
        Repack repack = new Repack(p, choice);

        assertThat(repack.pullUntilStable(new int[] {0, 1}, Long.MAX_VALUE)).isTrue();
        assertThat(choice[3]).as("the one-resource re-packs leave U out").isEqualTo(-1);
        long before = Profits.scaledTotal(p, choice);

        assertThat(repack.chainUntilStable(new int[] {0, 1}, Long.MAX_VALUE)).isTrue();

        assertThat(p.pairResource[choice[1]]).as("Y moved to R1").isZero();
        assertThat(p.pairResource[choice[3]]).as("U took the room Y left on R2").isEqualTo(1);
        assertThat(Profits.scaledTotal(p, choice) - before).isEqualTo(3000); // U's 0.3, in units of 1e-4
        assertThat(repack.chainMoves()).isEqualTo(1);
        assertThat(repack.residual(0)).isZero();
        assertThat(repack.residual(1)).isZero();
    }

    // A large resource's room: R1 (2 h) is full with X and Y; R2 (3 h), which Y scores the same on, has 2 h free; V
    // sits on S (1 h) and scores more on R1; W (unmatched) can go to S only. No one-resource re-pack gains, nor does
    // R2's chain step (R1 has no unmatched candidate to refill Y's hour with). R1's chain step takes V, and Y, left
    // out, goes to R2 instead of going unmatched; S then takes W.
    private final MatchingInstance roomy = new MatchingInstance(
            List.of(demand("X", "c", "HEALTH", 1), demand("Y", "c", "HEALTH", 1), demand("Z", "c", "HEALTH", 1),
                    demand("V", "c", "HEALTH", 1), demand("W", "c", "HEALTH", 1)),
            List.of(resource("R1", "u1", "HEALTH", "c", 2), resource("R2", "u2", "HEALTH", "c", 3),
                    resource("S", "u3", "HEALTH", "c", 1)),
            List.of(new CandidatePair("X", "R1", 0.9), new CandidatePair("Y", "R1", 0.8),
                    new CandidatePair("Y", "R2", 0.8), new CandidatePair("Z", "R2", 0.9),
                    new CandidatePair("V", "R1", 0.6), new CandidatePair("V", "S", 0.4),
                    new CandidatePair("W", "S", 0.3)),
            null);

    @Test
    void aDemandLeftOutOfAResourceMovesToAnotherWithRoomForIt() {
        Problem p = Problem.build(roomy);
        // X, Y → R1; Z → R2; V → S; W unmatched
        int[] choice = {pair(p, 0, 0), pair(p, 1, 0), pair(p, 2, 1), pair(p, 3, 2), -1};
        Repack repack = new Repack(p, choice);

        assertThat(repack.pullUntilStable(new int[] {0, 1, 2}, Long.MAX_VALUE)).isTrue();
        assertThat(repack.pullMoves()).as("no one-resource re-pack gains").isZero();
        long before = Profits.scaledTotal(p, choice);

        assertThat(repack.chainUntilStable(new int[] {0, 1, 2}, Long.MAX_VALUE)).isTrue();

        assertThat(p.pairResource[choice[3]]).as("V moved to R1").isZero();
        assertThat(p.pairResource[choice[1]]).as("Y, left out of R1, went to R2").isEqualTo(1);
        assertThat(p.pairResource[choice[4]]).as("W took the hour V left on S").isEqualTo(2);
        assertThat(p.pairResource[choice[0]]).as("X stayed").isZero();
        assertThat(Profits.scaledTotal(p, choice) - before).isEqualTo(5000); // V's +0.2 and W's 0.3, units of 1e-4
        assertThat(repack.residual(0)).isZero();
        assertThat(repack.residual(1)).isEqualTo(10); // tenths of an hour
        assertThat(repack.residual(2)).isZero();
    }

    private static int pair(Problem p, int demand, int resource) {
        for (int k : p.byDemand[demand]) {
            if (p.pairResource[k] == resource) {
                return k;
            }
        }
        throw new AssertionError("no pair " + demand + "→" + resource);
    }
}
