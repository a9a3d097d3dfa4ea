package org.threelists.matchmaker.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.threelists.matchmaker.domain.ProjectCommands.ClaimProject;
import org.threelists.matchmaker.domain.ProjectCommands.PassDeadline;
import org.threelists.matchmaker.domain.ProjectCommands.ScheduleProject;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimExpired;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimRefused;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimReleased;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimRequested;
import org.threelists.matchmaker.domain.ProjectEvents.DeadlineEscalated;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectClaimed;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectScheduled;
import org.threelists.matchmaker.domain.ProjectValues.Claim;
import org.threelists.matchmaker.domain.ProjectValues.DeadlineKind;
import org.threelists.matchmaker.domain.ProjectValues.Mode;
import org.threelists.matchmaker.domain.ProjectValues.Release;

import java.time.Instant;
import java.util.List;

import static org.threelists.matchmaker.domain.ProjectFixtures.*;

/**
 * The time limits (规定时限): a claim deadline after publication, a completion deadline after the claim. The scheduler
 * may fire late, twice or for a deadline that has moved on; only the current one counts, and each escalates once.
 */
class ProjectDeadlineTest {

    static final String SCHEDULER = "deadlines";
    static final Instant LATER = NEXT_CLAIM_DEADLINE.plusSeconds(7 * 86_400);
    static final PassDeadline CLAIM_PASSED =
            new PassDeadline(ID, DeadlineKind.CLAIM, CLAIM_DEADLINE, NEXT_CLAIM_DEADLINE, SCHEDULER);
    static final PassDeadline COMPLETION_PASSED =
            new PassDeadline(ID, DeadlineKind.COMPLETION, COMPLETION_DEADLINE, null, SCHEDULER);
    static final DeadlineEscalated CLAIM_ESCALATED =
            new DeadlineEscalated(ID, DeadlineKind.CLAIM, CLAIM_DEADLINE, List.of(), SCHEDULER);
    static final DeadlineEscalated COMPLETION_ESCALATED =
            new DeadlineEscalated(ID, DeadlineKind.COMPLETION, COMPLETION_DEADLINE, List.of(COURT), SCHEDULER);

    FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    // --- claim deadline

    @Test
    void an_unclaimed_project_escalates_to_the_desk_and_goes_back_on_the_list_with_a_new_deadline() {
        fixture.given(PROPOSED, PUBLISHED)
                .when(CLAIM_PASSED)
                .expectSuccessfulHandlerExecution()
                .expectEvents(CLAIM_ESCALATED, new ClaimExpired(ID, List.of(), NEXT_CLAIM_DEADLINE, SCHEDULER));
    }

    @Test
    void an_expired_crowd_funding_releases_its_pending_and_confirmed_pledges() {
        Claim court = pledge(PLEDGE_1, COURT, COURT_RESOURCE, "3");
        Claim kindergarten = pledge(PLEDGE_2, KINDERGARTEN, KINDERGARTEN_RESOURCE, "2");
        fixture.given(publishedForPledges(requested(court), pledgeConfirmed(court, "3"), requested(kindergarten)))
                .when(CLAIM_PASSED)
                .expectEvents(CLAIM_ESCALATED, new ClaimExpired(ID, List.of(new Release(PLEDGE_1, COURT, COURT_RESOURCE),
                        new Release(PLEDGE_2, KINDERGARTEN, KINDERGARTEN_RESOURCE)), NEXT_CLAIM_DEADLINE, SCHEDULER));
    }

    @Test
    void after_an_expiry_the_whole_need_is_open_and_a_late_reservation_goes_back() {
        Claim court = pledge(PLEDGE_1, COURT, COURT_RESOURCE, "3");
        List<Object> history = publishedForPledges(requested(court), CLAIM_ESCALATED,
                new ClaimExpired(ID, List.of(new Release(PLEDGE_1, COURT, COURT_RESOURCE)), NEXT_CLAIM_DEADLINE, SCHEDULER));
        fixture.given(history)
                .when(new ProjectCommands.ConfirmReservation(ID, PLEDGE_1, COURT, COURT_RESOURCE, COMPLETION_DEADLINE,
                        MATCHMAKER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProjectEvents.ReservationReturned(ID, new Release(PLEDGE_1, COURT, COURT_RESOURCE),
                        "reserved after the claim was expired", MATCHMAKER));
        setUp();
        Claim whole = pledge(PLEDGE_2, COURT, COURT_RESOURCE, "6");
        fixture.given(history)
                .when(new ProjectCommands.PledgeToProject(ID, PLEDGE_2, COURT, COURT_RESOURCE, SIX, PERIOD, COURT))
                .expectEvents(requested(whole));
    }

    @Test
    void a_deadline_that_fires_twice_expires_once() {
        fixture.given(PROPOSED, PUBLISHED, CLAIM_ESCALATED, new ClaimExpired(ID, List.of(), NEXT_CLAIM_DEADLINE, SCHEDULER))
                .when(CLAIM_PASSED)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void the_new_claim_deadline_expires_in_its_turn() {
        fixture.given(PROPOSED, PUBLISHED, CLAIM_ESCALATED, new ClaimExpired(ID, List.of(), NEXT_CLAIM_DEADLINE, SCHEDULER))
                .when(new PassDeadline(ID, DeadlineKind.CLAIM, NEXT_CLAIM_DEADLINE, LATER, SCHEDULER))
                .expectEvents(new DeadlineEscalated(ID, DeadlineKind.CLAIM, NEXT_CLAIM_DEADLINE, List.of(), SCHEDULER),
                        new ClaimExpired(ID, List.of(), LATER, SCHEDULER));
    }

    @Test
    void a_deadline_moved_by_a_release_is_stale() {
        fixture.given(after(ProjectStatus.CLAIMED, new ClaimReleased(ID, List.of(new Release(CLAIM_ID, COURT,
                        COURT_RESOURCE)), "改派", NEXT_CLAIM_DEADLINE, DESK)))
                .when(CLAIM_PASSED)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_pending_claim_is_not_expired_but_the_deadline_still_holds_after_its_refusal() {
        fixture.given(PROPOSED, PUBLISHED, CLAIM_REQUESTED)
                .when(CLAIM_PASSED)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        setUp();
        fixture.given(PROPOSED, PUBLISHED, CLAIM_REQUESTED, new ClaimRefused(ID, COURT_CLAIM, "capacity-exhausted", MATCHMAKER))
                .when(CLAIM_PASSED)
                .expectEvents(CLAIM_ESCALATED, new ClaimExpired(ID, List.of(), NEXT_CLAIM_DEADLINE, SCHEDULER));
    }

    @Test
    void pledges_awaiting_confirmation_that_cover_the_need_are_not_expired() {
        Claim court = pledge(PLEDGE_1, COURT, COURT_RESOURCE, "4");
        Claim kindergarten = pledge(PLEDGE_2, KINDERGARTEN, KINDERGARTEN_RESOURCE, "2");
        fixture.given(publishedForPledges(requested(court), pledgeConfirmed(court, "4"), requested(kindergarten)))
                .when(CLAIM_PASSED)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest(name = "when the project is {0}")
    @EnumSource(value = ProjectStatus.class, names = {"PUBLISHED"}, mode = EnumSource.Mode.EXCLUDE)
    void the_claim_deadline_is_ignored_once_the_project_is_off_the_list(ProjectStatus status) {
        fixture.given(HISTORY.get(status))
                .when(CLAIM_PASSED)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_expiry_needs_a_new_claim_deadline_after_the_one_that_passed() {
        expectInvalid(fixture.given(PROPOSED, PUBLISHED)
                .when(new PassDeadline(ID, DeadlineKind.CLAIM, CLAIM_DEADLINE, null, SCHEDULER)), "nextClaimDeadline");
        setUp();
        expectInvalid(fixture.given(PROPOSED, PUBLISHED)
                .when(new PassDeadline(ID, DeadlineKind.CLAIM, CLAIM_DEADLINE, CLAIM_DEADLINE, SCHEDULER)),
                "nextClaimDeadline");
    }

    @Test
    void a_passed_deadline_names_its_kind_and_due_time() {
        expectInvalid(fixture.given(PROPOSED, PUBLISHED)
                .when(new PassDeadline(ID, null, CLAIM_DEADLINE, NEXT_CLAIM_DEADLINE, SCHEDULER)), "kind");
        setUp();
        expectInvalid(fixture.given(PROPOSED, PUBLISHED)
                .when(new PassDeadline(ID, DeadlineKind.COMPLETION, null, null, SCHEDULER)), "dueAt");
    }

    // --- completion deadline

    @Test
    void an_undelivered_claim_escalates_to_the_desk_and_stays_with_its_holder() {
        fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                .when(COMPLETION_PASSED)
                .expectEvents(COMPLETION_ESCALATED);
        setUp();
        fixture.given(after(ProjectStatus.CLAIMED, COMPLETION_ESCALATED))
                .when(new ScheduleProject(ID, SERVICE_DAY, PLACE, COURT))
                .expectEvents(new ProjectScheduled(ID, SERVICE_DAY, PLACE, COURT));
    }

    @Test
    void a_scheduled_but_undelivered_project_escalates() {
        fixture.given(HISTORY.get(ProjectStatus.SCHEDULED))
                .when(COMPLETION_PASSED)
                .expectEvents(COMPLETION_ESCALATED);
    }

    @Test
    void a_completion_deadline_escalates_once_even_after_rescheduling() {
        fixture.given(after(ProjectStatus.CLAIMED, COMPLETION_ESCALATED))
                .when(COMPLETION_PASSED)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        setUp();
        fixture.given(after(ProjectStatus.CLAIMED, COMPLETION_ESCALATED, SCHEDULED))
                .when(COMPLETION_PASSED)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_completion_deadline_that_is_not_the_current_one_is_ignored() {
        fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                .when(new PassDeadline(ID, DeadlineKind.COMPLETION, COMPLETION_DEADLINE.minusSeconds(1), null, SCHEDULER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void the_completion_deadline_of_a_former_holder_is_ignored_once_another_unit_holds_the_project() {
        Claim agency = new Claim("a0000000-0000-4000-8000-000000000002", Mode.CLAIM, AGENCY, AGENCY_RESOURCE, SIX,
                PERIOD, false);
        Instant agencyDeadline = COMPLETION_DEADLINE.plusSeconds(3 * 86_400);
        List<Object> reclaimed = after(ProjectStatus.CLAIMED, new ClaimReleased(ID, List.of(new Release(CLAIM_ID, COURT,
                        COURT_RESOURCE)), "改派", NEXT_CLAIM_DEADLINE, DESK), new ClaimRequested(ID, agency, AGENCY),
                new ProjectClaimed(ID, Mode.CLAIM, List.of(agency.confirm()), agencyDeadline, MATCHMAKER));
        fixture.given(reclaimed)
                .when(COMPLETION_PASSED)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        setUp();
        fixture.given(reclaimed)
                .when(new PassDeadline(ID, DeadlineKind.COMPLETION, agencyDeadline, null, SCHEDULER))
                .expectEvents(new DeadlineEscalated(ID, DeadlineKind.COMPLETION, agencyDeadline, List.of(AGENCY), SCHEDULER));
    }

    @Test
    void a_crowd_funded_project_escalates_to_every_pledging_unit() {
        Claim court = pledge(PLEDGE_1, COURT, COURT_RESOURCE, "4");
        Claim kindergarten = pledge(PLEDGE_2, KINDERGARTEN, KINDERGARTEN_RESOURCE, "2");
        fixture.given(publishedForPledges(requested(court), requested(kindergarten), pledgeConfirmed(court, "4"),
                        pledgeConfirmed(kindergarten, "6"), new ProjectClaimed(ID, Mode.PLEDGE,
                                List.of(court.confirm(), kindergarten.confirm()), COMPLETION_DEADLINE, MATCHMAKER)))
                .when(COMPLETION_PASSED)
                .expectEvents(new DeadlineEscalated(ID, DeadlineKind.COMPLETION, COMPLETION_DEADLINE,
                        List.of(COURT, KINDERGARTEN), SCHEDULER));
    }

    @ParameterizedTest(name = "when the project is {0}")
    @EnumSource(value = ProjectStatus.class, names = {"CLAIMED", "SCHEDULED"}, mode = EnumSource.Mode.EXCLUDE)
    void the_completion_deadline_is_ignored_unless_the_project_is_claimed_or_scheduled(ProjectStatus status) {
        fixture.given(HISTORY.get(status))
                .when(COMPLETION_PASSED)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_passed_claim_deadline_does_not_stop_a_later_claim() {
        fixture.given(PROPOSED, PUBLISHED, CLAIM_ESCALATED, new ClaimExpired(ID, List.of(), NEXT_CLAIM_DEADLINE, SCHEDULER))
                .when(new ClaimProject(ID, CLAIM_ID, COURT, COURT_RESOURCE, PERIOD, COURT))
                .expectEvents(CLAIM_REQUESTED);
    }
}
