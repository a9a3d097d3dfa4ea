package org.threelists.demand.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.threelists.demand.domain.DemandCommands.AbsorbDuplicate;
import org.threelists.demand.domain.DemandCommands.RejectDemand;
import org.threelists.demand.domain.DemandCommands.ReopenMergedDemand;
import org.threelists.demand.domain.DemandCommands.WithdrawDemand;
import org.threelists.demand.domain.DemandEvents.DemandMerged;
import org.threelists.demand.domain.DemandEvents.DemandRejected;
import org.threelists.demand.domain.DemandEvents.DemandReopenedForReview;
import org.threelists.demand.domain.DemandEvents.DemandVerified;
import org.threelists.demand.domain.DemandEvents.DemandWithdrawn;
import org.threelists.demand.domain.DemandEvents.DuplicateAbsorbed;

import java.util.ArrayList;
import java.util.List;

import static org.threelists.demand.domain.DemandTest.ACTOR;
import static org.threelists.demand.domain.DemandTest.HISTORY;
import static org.threelists.demand.domain.DemandTest.ID;
import static org.threelists.demand.domain.DemandTest.SUBMITTED;
import static org.threelists.testing.RefusalMatchers.ruleBrokenOn;

/**
 * Merging duplicates (services/demand-list/README.md, "Merging duplicates"): the target records what it absorbs and
 * refuses once it is no longer open; a target withdrawn or rejected hands its duplicates back for review.
 */
class DemandMergeTest {

    static final String DUPLICATE = "d-2";
    static final String OTHER = "d-3";
    static final String DESK = "desk:desk-dianqian";

    FixtureConfiguration<Demand> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Demand.class);
    }

    @ParameterizedTest(name = "a {0} demand absorbs a duplicate")
    @EnumSource(names = {"SUBMITTED", "LISTED", "MATCHED", "IN_PROGRESS"})
    void an_open_demand_absorbs_a_duplicate_of_its_community(DemandStatus status) {
        fixture.given(HISTORY.get(status)).when(new AbsorbDuplicate(ID, DUPLICATE, "jiafu", ACTOR))
                .expectEvents(new DuplicateAbsorbed(ID, DUPLICATE, ACTOR));
    }

    @ParameterizedTest(name = "a {0} demand absorbs no duplicate")
    @EnumSource(names = {"IN_PARTY_GROUP", "FULFILLED", "RATED", "WITHDRAWN", "REJECTED", "MERGED"})
    void a_demand_no_longer_open_refuses_a_duplicate(DemandStatus status) {
        fixture.given(HISTORY.get(status)).when(new AbsorbDuplicate(ID, DUPLICATE, "jiafu", ACTOR))
                .expectNoEvents()
                .expectException(ruleBrokenOn("duplicateOf"))
                .expectExceptionMessage(Matchers.containsString("is " + status + " and cannot absorb duplicates"));
    }

    @Test
    void a_duplicate_of_another_community_or_itself_is_refused() {
        fixture.given(SUBMITTED).when(new AbsorbDuplicate(ID, DUPLICATE, "lianqiao", ACTOR))
                .expectNoEvents().expectException(ruleBrokenOn("duplicateOf"))
                .expectExceptionMessage(Matchers.containsString("same community"));
        fixture.given(SUBMITTED).when(new AbsorbDuplicate(ID, ID, "jiafu", ACTOR))
                .expectNoEvents().expectException(ruleBrokenOn("duplicateOf"));
    }

    @Test
    void withdrawing_answers_the_absorbed_duplicates_to_reopen() {
        fixture.given(absorbed(DUPLICATE, OTHER)).when(new WithdrawDemand(ID, "邻里已帮忙解决", ACTOR))
                .expectEvents(new DemandWithdrawn(ID, "邻里已帮忙解决", ACTOR))
                .expectResultMessagePayload(List.of(DUPLICATE, OTHER));
    }

    @Test
    void rejecting_answers_the_absorbed_duplicates_to_reopen() {
        fixture.given(absorbed(DUPLICATE)).when(new RejectDemand(ID, "属于物业管理范围", DESK))
                .expectEvents(new DemandRejected(ID, "属于物业管理范围", DESK))
                .expectResultMessagePayload(List.of(DUPLICATE));
    }

    @Test
    void a_demand_without_duplicates_answers_none() {
        fixture.given(SUBMITTED).when(new WithdrawDemand(ID, "moved away", ACTOR))
                .expectResultMessagePayload(List.of());
    }

    @Test
    void a_merged_duplicate_reopens_for_review_when_its_target_was_withdrawn() {
        fixture.given(SUBMITTED, new DemandVerified(ID, ACTOR), new DemandMerged(ID, OTHER, ACTOR))
                .when(new ReopenMergedDemand(ID, OTHER, DemandStatus.WITHDRAWN, DESK))
                .expectEvents(new DemandReopenedForReview(ID, OTHER, DemandStatus.WITHDRAWN,
                        "所并入的需求 " + OTHER + " 已撤回，本需求恢复为待核实", DESK));
    }

    @Test
    void a_reopened_duplicate_is_submitted_again_and_can_be_verified_or_merged_anew() {
        fixture.given(SUBMITTED, new DemandMerged(ID, OTHER, ACTOR),
                        new DemandReopenedForReview(ID, OTHER, DemandStatus.REJECTED, "r", DESK))
                .when(new DemandCommands.MergeDemand(ID, DUPLICATE, ACTOR))
                .expectEvents(new DemandMerged(ID, DUPLICATE, ACTOR));
    }

    @Test
    void only_a_duplicate_still_merged_into_that_demand_reopens() {
        fixture.given(SUBMITTED, new DemandMerged(ID, OTHER, ACTOR))
                .when(new ReopenMergedDemand(ID, DUPLICATE, DemandStatus.WITHDRAWN, DESK)).expectNoEvents();
        fixture.given(SUBMITTED, new DemandMerged(ID, OTHER, ACTOR),
                        new DemandReopenedForReview(ID, OTHER, DemandStatus.WITHDRAWN, "r", DESK))
                .when(new ReopenMergedDemand(ID, OTHER, DemandStatus.WITHDRAWN, DESK)).expectNoEvents();
        fixture.given(SUBMITTED)
                .when(new ReopenMergedDemand(ID, OTHER, DemandStatus.WITHDRAWN, DESK)).expectNoEvents();
    }

    private static List<Object> absorbed(String... duplicates) {
        List<Object> history = new ArrayList<>(HISTORY.get(DemandStatus.LISTED));
        for (String duplicate : duplicates) {
            history.add(new DuplicateAbsorbed(ID, duplicate, ACTOR));
        }
        return history;
    }
}
