package org.threelists.matchmaker.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.domain.ProjectCommands.AbandonPendingClaim;
import org.threelists.matchmaker.domain.ProjectCommands.ClaimProject;
import org.threelists.matchmaker.domain.ProjectCommands.ConfirmReservation;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimExpired;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimRefused;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimReleased;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectCancelled;
import org.threelists.matchmaker.domain.ProjectEvents.ReservationReturned;
import org.threelists.matchmaker.domain.ProjectValues.Claim;
import org.threelists.matchmaker.domain.ProjectValues.Release;

import java.util.List;

import static org.threelists.matchmaker.domain.ProjectFixtures.*;

/**
 * The capacity saga cannot hang or leak: a claim or pledge that resource-list leaves unanswered is refused after the
 * configured wait, and a reservation reported for a claim that no longer awaits one is given back — decided by the
 * project when the reservation is applied, however late.
 */
class ProjectReservationAnswerTest {

    static final String WAITED = "resource-list did not answer within PT5M";
    static final String RESOURCE_LIST = "resource-list";
    static final Claim KINDERGARTEN_PLEDGE = pledge(PLEDGE_1, KINDERGARTEN, KINDERGARTEN_RESOURCE, "4");
    static final Claim AGENCY_PLEDGE = pledge(PLEDGE_2, AGENCY, AGENCY_RESOURCE, "2");

    FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    @Test
    void a_claim_left_unanswered_is_refused_with_the_reason_and_the_project_is_open_again() {
        fixture.given(PROPOSED, PUBLISHED, CLAIM_REQUESTED)
                .when(new AbandonPendingClaim(ID, CLAIM_ID, WAITED, MATCHMAKER))
                .expectEvents(new ClaimRefused(ID, COURT_CLAIM, WAITED, MATCHMAKER));
        setUp();
        // Open for a new claim: another unit's claim is asked for, not a conflict.
        fixture.given(PROPOSED, PUBLISHED, CLAIM_REQUESTED, new ClaimRefused(ID, COURT_CLAIM, WAITED, MATCHMAKER))
                .when(new ClaimProject(ID, "a0000000-0000-4000-8000-000000000009", KINDERGARTEN,
                        KINDERGARTEN_RESOURCE, PERIOD, KINDERGARTEN))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void only_the_unanswered_pledge_is_refused_and_the_others_stay() {
        fixture.given(publishedForPledges(requested(KINDERGARTEN_PLEDGE), requested(AGENCY_PLEDGE),
                        pledgeConfirmed(AGENCY_PLEDGE, "2")))
                .when(new AbandonPendingClaim(ID, PLEDGE_1, WAITED, MATCHMAKER))
                .expectEvents(new ClaimRefused(ID, KINDERGARTEN_PLEDGE, WAITED, MATCHMAKER));
    }

    @Test
    void an_answered_claim_is_not_abandoned() {
        fixture.given(after(ProjectStatus.CLAIMED))
                .when(new AbandonPendingClaim(ID, CLAIM_ID, WAITED, MATCHMAKER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        setUp();
        fixture.given(PROPOSED, PUBLISHED, CLAIM_REQUESTED, new ClaimRefused(ID, COURT_CLAIM, "capacity-exhausted", MATCHMAKER))
                .when(new AbandonPendingClaim(ID, CLAIM_ID, WAITED, MATCHMAKER))
                .expectNoEvents();
    }

    @Test
    void a_reservation_that_comes_as_the_wait_for_it_runs_out_is_given_back() {
        // The saga read the claim as pending, the deadline poller refused it, then the confirmation found it closed.
        fixture.given(PROPOSED, PUBLISHED, CLAIM_REQUESTED, new ClaimRefused(ID, COURT_CLAIM, WAITED, MATCHMAKER))
                .when(new ConfirmReservation(ID, CLAIM_ID, COURT, COURT_RESOURCE, COMPLETION_DEADLINE, RESOURCE_LIST))
                .expectEvents(new ReservationReturned(ID, new Release(CLAIM_ID, COURT, COURT_RESOURCE),
                        "reserved after the claim was refused", RESOURCE_LIST));
    }

    @Test
    void a_reservation_for_a_released_or_cancelled_claim_is_given_back_each_time_it_is_reported() {
        ClaimReleased released = new ClaimReleased(ID, List.of(new Release(CLAIM_ID, COURT, COURT_RESOURCE)), "given back",
                NEXT_CLAIM_DEADLINE, COURT);
        ReservationReturned returned = new ReservationReturned(ID, new Release(CLAIM_ID, COURT, COURT_RESOURCE),
                "reserved after the claim was released", RESOURCE_LIST);
        fixture.given(after(ProjectStatus.CLAIMED, released, returned))
                .when(new ConfirmReservation(ID, CLAIM_ID, COURT, COURT_RESOURCE, COMPLETION_DEADLINE, RESOURCE_LIST))
                .expectEvents(returned);
        setUp();
        fixture.given(PROPOSED, PUBLISHED, CLAIM_REQUESTED, new ProjectCancelled(ID,
                        List.of(new Release(CLAIM_ID, COURT, COURT_RESOURCE)), "merged", DESK))
                .when(new ConfirmReservation(ID, CLAIM_ID, COURT, COURT_RESOURCE, COMPLETION_DEADLINE, RESOURCE_LIST))
                .expectEvents(new ReservationReturned(ID, new Release(CLAIM_ID, COURT, COURT_RESOURCE),
                        "reserved after the claim was cancelled", RESOURCE_LIST));
    }

    @Test
    void a_reservation_for_an_expired_pledge_names_the_resource_resource_list_reserved() {
        fixture.given(publishedForPledges(requested(KINDERGARTEN_PLEDGE), new ClaimExpired(ID,
                        List.of(new Release(PLEDGE_1, KINDERGARTEN, KINDERGARTEN_RESOURCE)), NEXT_CLAIM_DEADLINE,
                        MATCHMAKER)))
                .when(new ConfirmReservation(ID, PLEDGE_1, KINDERGARTEN, KINDERGARTEN_RESOURCE, COMPLETION_DEADLINE,
                        RESOURCE_LIST))
                .expectEvents(new ReservationReturned(ID, new Release(PLEDGE_1, KINDERGARTEN, KINDERGARTEN_RESOURCE),
                        "reserved after the claim was expired", RESOURCE_LIST));
    }

    @Test
    void a_reservation_for_a_confirmed_or_unknown_claim_is_not_given_back() {
        fixture.given(after(ProjectStatus.CLAIMED))
                .when(new ConfirmReservation(ID, CLAIM_ID, COURT, COURT_RESOURCE, COMPLETION_DEADLINE, RESOURCE_LIST))
                .expectNoEvents();
        setUp();
        fixture.given(after(ProjectStatus.DELIVERED))
                .when(new ConfirmReservation(ID, CLAIM_ID, COURT, COURT_RESOURCE, COMPLETION_DEADLINE, RESOURCE_LIST))
                .expectNoEvents();
        setUp();
        fixture.given(PROPOSED, PUBLISHED)
                .when(new ConfirmReservation(ID, "a0000000-0000-4000-8000-00000000000f", COURT, COURT_RESOURCE,
                        COMPLETION_DEADLINE, RESOURCE_LIST))
                .expectNoEvents();
    }
}
