package org.threelists.matchmaker.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.domain.ProjectCommands.CancelProject;
import org.threelists.matchmaker.domain.ProjectCommands.ConfirmReservation;
import org.threelists.matchmaker.domain.ProjectCommands.PledgeToProject;
import org.threelists.matchmaker.domain.ProjectCommands.RefuseReservation;
import org.threelists.matchmaker.domain.ProjectCommands.ReleaseClaim;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimRefused;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimReleased;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectCancelled;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectClaimed;
import org.threelists.matchmaker.domain.ProjectValues.Claim;
import org.threelists.matchmaker.domain.ProjectValues.Mode;
import org.threelists.matchmaker.domain.ProjectValues.Release;
import org.threelists.platform.problem.ProblemType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.threelists.matchmaker.domain.ProjectFixtures.*;
import static org.threelists.testing.RefusalMatchers.problemOf;

/**
 * Several units cover the need with pledges (红色众筹): each reserves its unit's capacity, and together the pending
 * and confirmed pledges never exceed the need of 6 volunteer hours.
 */
class ProjectPledgeTest {

    static final Claim COURT_4 = pledge(PLEDGE_1, COURT, COURT_RESOURCE, "4");
    static final Claim KINDERGARTEN_2 = pledge(PLEDGE_2, KINDERGARTEN, KINDERGARTEN_RESOURCE, "2");
    static final Claim AGENCY_2 = pledge(PLEDGE_3, AGENCY, AGENCY_RESOURCE, "2");

    FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    @Test
    void a_unit_pledges_a_share() {
        fixture.given(publishedForPledges())
                .when(new PledgeToProject(ID, PLEDGE_1, COURT, COURT_RESOURCE, new BigDecimal("4"), PERIOD, COURT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested(COURT_4));
    }

    @Test
    void a_pledge_may_cover_the_whole_need() {
        Claim whole = pledge(PLEDGE_1, COURT, COURT_RESOURCE, "6");
        fixture.given(publishedForPledges())
                .when(new PledgeToProject(ID, PLEDGE_1, COURT, COURT_RESOURCE, SIX, PERIOD, COURT))
                .expectEvents(requested(whole));
    }

    @Test
    void a_pledge_over_the_need_is_refused() {
        expectOpen(fixture.given(publishedForPledges())
                .when(new PledgeToProject(ID, PLEDGE_1, COURT, COURT_RESOURCE, new BigDecimal("6.5"), PERIOD, COURT)),
                "6", "Only 6 VOLUNTEER_HOURS of the need of 6 are still open, 6.5 pledged");
    }

    @Test
    void pending_pledges_count_against_the_need() {
        expectOpen(fixture.given(publishedForPledges(requested(COURT_4)))
                .when(new PledgeToProject(ID, PLEDGE_2, KINDERGARTEN, KINDERGARTEN_RESOURCE, new BigDecimal("3"), PERIOD,
                        KINDERGARTEN)), "2", "Only 2 VOLUNTEER_HOURS of the need of 6 are still open, 3 pledged");
    }

    @Test
    void confirmed_and_pending_pledges_together_count_against_the_need() {
        expectOpen(fixture.given(publishedForPledges(requested(COURT_4), pledgeConfirmed(COURT_4, "4"),
                        requested(KINDERGARTEN_2)))
                .when(new PledgeToProject(ID, PLEDGE_3, AGENCY, AGENCY_RESOURCE, new BigDecimal("0.5"), PERIOD, AGENCY)),
                "0", "Only 0 VOLUNTEER_HOURS");
    }

    @Test
    void the_share_that_is_still_open_may_be_pledged() {
        fixture.given(publishedForPledges(requested(COURT_4), pledgeConfirmed(COURT_4, "4")))
                .when(new PledgeToProject(ID, PLEDGE_2, KINDERGARTEN, KINDERGARTEN_RESOURCE, new BigDecimal("2"), PERIOD,
                        KINDERGARTEN))
                .expectEvents(requested(KINDERGARTEN_2));
    }

    @Test
    void a_unit_with_a_pending_pledge_cannot_pledge_again() {
        fixture.given(publishedForPledges(requested(KINDERGARTEN_2)))
                .when(new PledgeToProject(ID, PLEDGE_3, KINDERGARTEN, KINDERGARTEN_RESOURCE, BigDecimal.ONE, PERIOD,
                        KINDERGARTEN))
                .expectNoEvents()
                .expectException(problemOf(ProblemType.CONFLICT, Map.of("claimId", PLEDGE_2)))
                .expectExceptionMessage("Unit " + KINDERGARTEN + " already pledged 2 VOLUNTEER_HOURS to project " + ID
                        + " (awaiting confirmation)");
    }

    @Test
    void a_unit_with_a_confirmed_pledge_cannot_pledge_again() {
        expectRefused(fixture.given(publishedForPledges(requested(KINDERGARTEN_2), pledgeConfirmed(KINDERGARTEN_2, "2")))
                        .when(new PledgeToProject(ID, PLEDGE_3, KINDERGARTEN, KINDERGARTEN_RESOURCE, BigDecimal.ONE,
                                PERIOD, KINDERGARTEN)), ProblemType.CONFLICT,
                "Unit " + KINDERGARTEN + " already pledged 2 VOLUNTEER_HOURS to project " + ID);
    }

    @Test
    void a_unit_whose_pledge_was_refused_may_pledge_again() {
        Claim again = pledge(PLEDGE_3, KINDERGARTEN, KINDERGARTEN_RESOURCE, "1");
        fixture.given(publishedForPledges(requested(KINDERGARTEN_2),
                        new ClaimRefused(ID, KINDERGARTEN_2, "capacity-exhausted: 1 left of 2 asked", MATCHMAKER)))
                .when(new PledgeToProject(ID, PLEDGE_3, KINDERGARTEN, KINDERGARTEN_RESOURCE, BigDecimal.ONE, PERIOD,
                        KINDERGARTEN))
                .expectEvents(requested(again));
    }

    @Test
    void a_pledge_counts_to_two_decimals() {
        expectInvalid(fixture.given(publishedForPledges())
                .when(new PledgeToProject(ID, PLEDGE_1, COURT, COURT_RESOURCE, new BigDecimal("1.125"), PERIOD, COURT)),
                "amount");
        setUp();
        fixture.given(publishedForPledges())
                .when(new PledgeToProject(ID, PLEDGE_1, COURT, COURT_RESOURCE, new BigDecimal("1.250"), PERIOD, COURT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_pledge_names_a_positive_amount() {
        expectInvalid(fixture.given(publishedForPledges())
                .when(new PledgeToProject(ID, PLEDGE_1, COURT, COURT_RESOURCE, new BigDecimal("-1"), PERIOD, COURT)),
                "amount");
    }

    @Test
    void a_project_published_for_a_claim_takes_no_pledges() {
        fixture.given(PROPOSED, PUBLISHED)
                .when(new PledgeToProject(ID, PLEDGE_1, COURT, COURT_RESOURCE, BigDecimal.ONE, PERIOD, COURT))
                .expectNoEvents()
                .expectException(problemOf(ProblemType.ILLEGAL_TRANSITION, Map.of("mode", "CLAIM")));
    }

    @Test
    void a_covered_project_takes_no_more_pledges() {
        fixture.given(coveredByCourtAndKindergarten())
                .when(new PledgeToProject(ID, PLEDGE_3, AGENCY, AGENCY_RESOURCE, BigDecimal.ONE, PERIOD, AGENCY))
                .expectNoEvents()
                .expectException(problemOf(ProblemType.ILLEGAL_TRANSITION, Map.of("state", "CLAIMED")));
    }

    // --- resource-list's answers

    @Test
    void a_confirmed_pledge_counts_towards_the_need() {
        fixture.given(publishedForPledges(requested(COURT_4)))
                .when(new ConfirmReservation(ID, PLEDGE_1, null, MATCHMAKER))
                .expectEvents(pledgeConfirmed(COURT_4, "4"));
    }

    @Test
    void the_pledge_that_covers_the_need_claims_the_project_for_all_pledgers() {
        fixture.given(publishedForPledges(requested(COURT_4), requested(KINDERGARTEN_2), pledgeConfirmed(COURT_4, "4")))
                .when(new ConfirmReservation(ID, PLEDGE_2, COMPLETION_DEADLINE, MATCHMAKER))
                .expectEvents(pledgeConfirmed(KINDERGARTEN_2, "6"),
                        new ProjectClaimed(ID, Mode.PLEDGE, List.of(COURT_4.confirm(), KINDERGARTEN_2.confirm()),
                                COMPLETION_DEADLINE, MATCHMAKER));
    }

    @Test
    void the_holders_are_listed_in_the_order_they_pledged_whatever_the_order_of_confirmation() {
        fixture.given(publishedForPledges(requested(COURT_4), requested(KINDERGARTEN_2),
                        pledgeConfirmed(KINDERGARTEN_2, "2")))
                .when(new ConfirmReservation(ID, PLEDGE_1, COMPLETION_DEADLINE, MATCHMAKER))
                .expectEvents(pledgeConfirmed(COURT_4, "6"),
                        new ProjectClaimed(ID, Mode.PLEDGE, List.of(COURT_4.confirm(), KINDERGARTEN_2.confirm()),
                                COMPLETION_DEADLINE, MATCHMAKER));
    }

    @Test
    void decimal_shares_that_add_up_to_the_need_cover_it() {
        Claim court = pledge(PLEDGE_1, COURT, COURT_RESOURCE, "2.5");
        Claim agency = pledge(PLEDGE_2, AGENCY, AGENCY_RESOURCE, "3.50");
        fixture.given(publishedForPledges(requested(court), pledgeConfirmed(court, "2.5"), requested(agency)))
                .when(new ConfirmReservation(ID, PLEDGE_2, COMPLETION_DEADLINE, MATCHMAKER))
                .expectEvents(pledgeConfirmed(agency, "6.00"), new ProjectClaimed(ID, Mode.PLEDGE,
                        List.of(court.confirm(), agency.confirm()), COMPLETION_DEADLINE, MATCHMAKER));
    }

    @Test
    void the_covering_pledge_needs_the_completion_deadline_and_records_nothing_without_it() {
        expectInvalid(fixture.given(publishedForPledges(requested(COURT_4), requested(KINDERGARTEN_2),
                        pledgeConfirmed(COURT_4, "4")))
                .when(new ConfirmReservation(ID, PLEDGE_2, null, MATCHMAKER)), "completionDeadline");
    }

    @Test
    void a_pledge_confirmed_twice_counts_once() {
        fixture.given(publishedForPledges(requested(COURT_4), pledgeConfirmed(COURT_4, "4")))
                .when(new ConfirmReservation(ID, PLEDGE_1, COMPLETION_DEADLINE, MATCHMAKER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_refused_pledge_opens_its_share_again() {
        ClaimRefused refused = new ClaimRefused(ID, COURT_4, "capacity-exhausted: 3 left of 4 asked", MATCHMAKER);
        fixture.given(publishedForPledges(requested(COURT_4), requested(KINDERGARTEN_2)))
                .when(new RefuseReservation(ID, PLEDGE_1, "capacity-exhausted: 3 left of 4 asked", MATCHMAKER))
                .expectEvents(refused);
        setUp();
        Claim agency = pledge(PLEDGE_3, AGENCY, AGENCY_RESOURCE, "4");
        fixture.given(publishedForPledges(requested(COURT_4), requested(KINDERGARTEN_2), refused))
                .when(new PledgeToProject(ID, PLEDGE_3, AGENCY, AGENCY_RESOURCE, new BigDecimal("4"), PERIOD, AGENCY))
                .expectEvents(requested(agency));
    }

    @Test
    void a_refused_pledge_delivered_twice_changes_nothing() {
        fixture.given(publishedForPledges(requested(COURT_4), new ClaimRefused(ID, COURT_4, "capacity-exhausted", MATCHMAKER)))
                .when(new RefuseReservation(ID, PLEDGE_1, "capacity-exhausted", MATCHMAKER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- release and cancellation

    @Test
    void releasing_a_partly_covered_project_releases_pending_and_confirmed_pledges() {
        fixture.given(publishedForPledges(requested(COURT_4), pledgeConfirmed(COURT_4, "4"), requested(KINDERGARTEN_2)))
                .when(new ReleaseClaim(ID, "联席会决定重新发布", NEXT_CLAIM_DEADLINE, DESK))
                .expectEvents(new ClaimReleased(ID, List.of(new Release(PLEDGE_1, COURT, COURT_RESOURCE),
                        new Release(PLEDGE_2, KINDERGARTEN, KINDERGARTEN_RESOURCE)), "联席会决定重新发布",
                        NEXT_CLAIM_DEADLINE, DESK));
    }

    @Test
    void after_releasing_a_covered_project_the_whole_need_is_open_for_pledges_again() {
        ClaimReleased released = new ClaimReleased(ID, List.of(new Release(PLEDGE_1, COURT, COURT_RESOURCE),
                new Release(PLEDGE_2, KINDERGARTEN, KINDERGARTEN_RESOURCE)), "改派", NEXT_CLAIM_DEADLINE, DESK);
        fixture.given(coveredByCourtAndKindergarten())
                .when(new ReleaseClaim(ID, "改派", NEXT_CLAIM_DEADLINE, DESK))
                .expectEvents(released);
        setUp();
        Claim whole = pledge(PLEDGE_3, AGENCY, AGENCY_RESOURCE, "6");
        List<Object> history = coveredByCourtAndKindergarten();
        history.add(released);
        fixture.given(history)
                .when(new PledgeToProject(ID, PLEDGE_3, AGENCY, AGENCY_RESOURCE, SIX, PERIOD, AGENCY))
                .expectEvents(requested(whole));
    }

    @Test
    void cancelling_releases_every_pledge() {
        fixture.given(publishedForPledges(requested(COURT_4), pledgeConfirmed(COURT_4, "4"), requested(KINDERGARTEN_2)))
                .when(new CancelProject(ID, "居民已搬离", DESK))
                .expectEvents(new ProjectCancelled(ID, List.of(new Release(PLEDGE_1, COURT, COURT_RESOURCE),
                        new Release(PLEDGE_2, KINDERGARTEN, KINDERGARTEN_RESOURCE)), "居民已搬离", DESK));
    }

    static List<Object> coveredByCourtAndKindergarten() {
        return publishedForPledges(requested(COURT_4), requested(KINDERGARTEN_2), pledgeConfirmed(COURT_4, "4"),
                pledgeConfirmed(KINDERGARTEN_2, "6"), new ProjectClaimed(ID, Mode.PLEDGE,
                        List.of(COURT_4.confirm(), KINDERGARTEN_2.confirm()), COMPLETION_DEADLINE, MATCHMAKER));
    }

    private static void expectOpen(org.axonframework.test.aggregate.ResultValidator<Project> result, String open,
            String detailPart) {
        result.expectNoEvents()
                .expectException(problemOf(ProblemType.CONFLICT, Map.of("open", new BigDecimal(open))))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString(detailPart));
    }
}
