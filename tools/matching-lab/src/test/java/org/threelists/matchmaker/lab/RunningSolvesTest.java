package org.threelists.matchmaker.lab;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.matching.MatchingEngine;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.MatchingPlan;
import org.threelists.matchmaker.matching.RunningSolves;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A stopping service ends a plan in progress long before its time limit, and no native solve is left running. */
class RunningSolvesTest {

    @AfterEach
    void resume() {
        RunningSolves.resume();
    }

    @Test
    void stopping_ends_a_plan_in_progress_well_before_its_time_limit() throws Exception {
        MatchingInstance instance = new InstanceGenerator(8, 2000, 200).generate();
        MatchingEngine engine = new MatchingEngine(new MatchingEngine.Options(60, 2, true, 0.0));
        long started = System.nanoTime();
        CompletableFuture<MatchingPlan> plan = CompletableFuture.supplyAsync(() -> engine.plan(instance));
        Thread.sleep(1500);
        assertThat(plan.isDone()).as("still planning when the stop comes").isFalse();

        RunningSolves.stopAll();

        MatchingPlan stopped = plan.get(30, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(RunningSolves.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(RunningSolves.running()).isZero();
        assertThat(stopped.assignments()).isNotEmpty();
    }
}
