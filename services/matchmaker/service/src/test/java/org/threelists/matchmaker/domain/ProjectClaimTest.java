package org.threelists.matchmaker.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.matchmaker.domain.ProjectCommands.ClaimProject;
import org.threelists.matchmaker.domain.ProjectCommands.ConfirmReservation;
import org.threelists.matchmaker.domain.ProjectCommands.PublishProject;
import org.threelists.matchmaker.domain.ProjectCommands.RefuseReservation;
import org.threelists.matchmaker.domain.ProjectCommands.ReleaseClaim;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimRefused;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimReleased;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimRequested;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectClaimed;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectProposed;
import org.threelists.matchmaker.domain.ProjectEvents.ReservationReturned;
import org.threelists.matchmaker.domain.ProjectValues.Claim;
import org.threelists.matchmaker.domain.ProjectValues.Mode;
import org.threelists.matchmaker.domain.ProjectValues.Need;
import org.threelists.matchmaker.domain.ProjectValues.Origin;
import org.threelists.matchmaker.domain.ProjectValues.Release;
import org.threelists.platform.problem.ProblemType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.threelists.matchmaker.domain.ProjectFixtures.*;
import static org.threelists.testing.RefusalMatchers.problemOf;

/** One unit claims the whole project (认领): asked for, then confirmed or refused by resource-list's answer. */
class ProjectClaimTest {

    static final String AGENCY_CLAIM = "a0000000-0000-4000-8000-000000000002";
    static final ClaimRefused COURT_REFUSED =
            new ClaimRefused(ID, COURT_CLAIM, "capacity-exhausted: 2 left of 6 asked", MATCHMAKER);

    FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    @Test
    void a_unit_asks_to_claim_a_published_project() {
        fixture.given(PROPOSED, PUBLISHED)
                .when(new ClaimProject(ID, CLAIM_ID, COURT, COURT_RESOURCE, PERIOD, COURT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(CLAIM_REQUESTED);
    }

    @Test
    void a_claim_may_draw_on_a_total_capacity() {
        fixture.given(PROPOSED, PUBLISHED)
                .when(new ClaimProject(ID, CLAIM_ID, COURT, COURT_RESOURCE, "TOTAL", COURT))
                .expectEvents(new ClaimRequested(ID, new Claim(CLAIM_ID, Mode.CLAIM, COURT, COURT_RESOURCE, SIX, "TOTAL",
                        false), COURT));
    }

    @Test
    void a_claim_asks_for_the_whole_need_as_the_project_recorded_it() {
        // A need recorded with three decimals before amounts were bounded to two: the read model shows it as 2.13.
        BigDecimal recorded = new BigDecimal("2.125");
        ProjectProposed proposed = new ProjectProposed(ID, Origin.DESK, "dianqian", "jiafu", Category.LEGAL_ADVICE,
                Urgency.HIGH, "法律咨询进社区", List.of(DEMAND_1), new Need(recorded, "VOLUNTEER_HOURS"), COURT,
                COURT_RESOURCE, null, null, List.of(), DESK);
        ClaimRequested refusedClaim = new ClaimRequested(ID, claim(CLAIM_ID, Mode.CLAIM, COURT, COURT_RESOURCE,
                recorded), DESK);
        fixture.given(proposed, PUBLISHED, refusedClaim, new ClaimRefused(ID, refusedClaim.claim(),
                        "capacity-exhausted: 2.13 left", MATCHMAKER))
                .when(new ClaimProject(ID, AGENCY_CLAIM, AGENCY, AGENCY_RESOURCE, PERIOD, AGENCY))
                .expectEvents(new ClaimRequested(ID, claim(AGENCY_CLAIM, Mode.CLAIM, AGENCY, AGENCY_RESOURCE, recorded),
                        AGENCY));
    }

    @Test
    void a_claim_names_its_id_unit_resource_and_period() {
        expectInvalid(fixture.given(PROPOSED, PUBLISHED)
                .when(new ClaimProject(ID, " ", COURT, COURT_RESOURCE, PERIOD, COURT)), "claimId");
        setUp();
        expectInvalid(fixture.given(PROPOSED, PUBLISHED)
                .when(new ClaimProject(ID, CLAIM_ID, null, COURT_RESOURCE, PERIOD, COURT)), "unitId");
        setUp();
        expectInvalid(fixture.given(PROPOSED, PUBLISHED)
                .when(new ClaimProject(ID, CLAIM_ID, COURT, "", PERIOD, COURT)), "resourceId");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"2026-13", "2026-1", "December", "total"})
    void a_claim_draws_on_a_month_or_the_total(String period) {
        expectInvalid(fixture.given(PROPOSED, PUBLISHED)
                .when(new ClaimProject(ID, CLAIM_ID, COURT, COURT_RESOURCE, period, COURT)), "period");
    }

    @Test
    void a_second_claim_while_one_is_pending_is_a_conflict_that_does_not_name_the_claimant() {
        fixture.given(PROPOSED, PUBLISHED, CLAIM_REQUESTED)
                .when(new ClaimProject(ID, AGENCY_CLAIM, AGENCY, AGENCY_RESOURCE, PERIOD, AGENCY))
                .expectNoEvents()
                .expectException(problemOf(ProblemType.CONFLICT, Map.of("state", "CLAIM_PENDING")))
                .expectExceptionMessage("Project " + ID + " is already claimed by another unit"
                        + " (awaiting the reservation of its capacity)");
    }

    @Test
    void a_second_claim_of_a_claimed_project_is_a_conflict() {
        expectRefused(fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                        .when(new ClaimProject(ID, AGENCY_CLAIM, AGENCY, AGENCY_RESOURCE, PERIOD, AGENCY)),
                ProblemType.CONFLICT, "is already claimed by another unit");
    }

    @Test
    void a_project_published_for_pledges_cannot_be_claimed_whole() {
        fixture.given(PROPOSED, PUBLISHED_FOR_PLEDGES)
                .when(new ClaimProject(ID, CLAIM_ID, COURT, COURT_RESOURCE, PERIOD, COURT))
                .expectNoEvents()
                .expectException(problemOf(ProblemType.ILLEGAL_TRANSITION, Map.of("mode", "PLEDGE")));
    }

    // --- resource-list's answer

    @Test
    void the_reserved_capacity_confirms_the_claim_and_starts_the_completion_deadline() {
        fixture.given(PROPOSED, PUBLISHED, CLAIM_REQUESTED)
                .when(new ConfirmReservation(ID, CLAIM_ID, COMPLETION_DEADLINE, MATCHMAKER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(CLAIMED);
    }

    @Test
    void a_confirmation_delivered_twice_confirms_once() {
        fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                .when(new ConfirmReservation(ID, CLAIM_ID, COMPLETION_DEADLINE, MATCHMAKER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_confirmation_that_takes_the_project_needs_the_completion_deadline() {
        expectInvalid(fixture.given(PROPOSED, PUBLISHED, CLAIM_REQUESTED)
                .when(new ConfirmReservation(ID, CLAIM_ID, null, MATCHMAKER)), "completionDeadline");
    }

    @Test
    void an_answer_must_name_the_claim() {
        expectInvalid(fixture.given(PROPOSED, PUBLISHED, CLAIM_REQUESTED)
                .when(new ConfirmReservation(ID, null, COMPLETION_DEADLINE, MATCHMAKER)), "claimId");
        setUp();
        expectInvalid(fixture.given(PROPOSED, PUBLISHED, CLAIM_REQUESTED)
                .when(new RefuseReservation(ID, " ", "capacity-exhausted", MATCHMAKER)), "claimId");
    }

    @ParameterizedTest(name = "when the project is {0}")
    @EnumSource(ProjectStatus.class)
    void an_answer_about_an_unknown_claim_changes_nothing_in_any_status(ProjectStatus status) {
        fixture.given(HISTORY.get(status))
                .when(new ConfirmReservation(ID, "a0000000-0000-4000-8000-0000000000ff", COMPLETION_DEADLINE, MATCHMAKER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        setUp();
        fixture.given(HISTORY.get(status))
                .when(new RefuseReservation(ID, "a0000000-0000-4000-8000-0000000000ff", "capacity-exhausted", MATCHMAKER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_refused_reservation_reverts_the_claim_with_the_reason() {
        fixture.given(PROPOSED, PUBLISHED, CLAIM_REQUESTED)
                .when(new RefuseReservation(ID, CLAIM_ID, "capacity-exhausted: 2 left of 6 asked", MATCHMAKER))
                .expectEvents(COURT_REFUSED);
    }

    @Test
    void a_refusal_without_a_reason_says_the_capacity_was_not_reserved() {
        fixture.given(PROPOSED, PUBLISHED, CLAIM_REQUESTED)
                .when(new RefuseReservation(ID, CLAIM_ID, null, MATCHMAKER))
                .expectEvents(new ClaimRefused(ID, COURT_CLAIM, "capacity not reserved", MATCHMAKER));
    }

    @Test
    void after_a_refusal_the_project_is_open_for_another_claim() {
        fixture.given(PROPOSED, PUBLISHED, CLAIM_REQUESTED, COURT_REFUSED)
                .when(new ClaimProject(ID, AGENCY_CLAIM, AGENCY, AGENCY_RESOURCE, PERIOD, AGENCY))
                .expectEvents(new ClaimRequested(ID, new Claim(AGENCY_CLAIM, Mode.CLAIM, AGENCY, AGENCY_RESOURCE, SIX,
                        PERIOD, false), AGENCY));
    }

    @Test
    void a_refusal_delivered_twice_changes_nothing_and_a_late_confirmation_gives_the_reservation_back() {
        fixture.given(PROPOSED, PUBLISHED, CLAIM_REQUESTED, COURT_REFUSED)
                .when(new RefuseReservation(ID, CLAIM_ID, "capacity-exhausted", MATCHMAKER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        setUp();
        fixture.given(PROPOSED, PUBLISHED, CLAIM_REQUESTED, COURT_REFUSED)
                .when(new ConfirmReservation(ID, CLAIM_ID, COURT, COURT_RESOURCE, COMPLETION_DEADLINE, MATCHMAKER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReservationReturned(ID, new Release(CLAIM_ID, COURT, COURT_RESOURCE),
                        "reserved after the claim was refused", MATCHMAKER));
    }

    @Test
    void a_refusal_never_undoes_a_confirmed_claim() {
        fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                .when(new RefuseReservation(ID, CLAIM_ID, "capacity-exhausted", MATCHMAKER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_claim_id_names_one_claim_for_ever() {
        expectRefused(fixture.given(PROPOSED, PUBLISHED, CLAIM_REQUESTED, COURT_REFUSED)
                        .when(new ClaimProject(ID, CLAIM_ID, AGENCY, AGENCY_RESOURCE, PERIOD, AGENCY)),
                ProblemType.CONFLICT, "Claim " + CLAIM_ID + " was already asked for");
    }

    // --- claims before publication

    @Test
    void the_unit_the_desk_assigned_a_project_claims_it_before_publication() {
        fixture.given(proposed(Origin.DESK, COURT))
                .when(new ClaimProject(ID, CLAIM_ID, COURT, COURT_RESOURCE, PERIOD, COURT))
                .expectEvents(CLAIM_REQUESTED);
    }

    @Test
    void another_unit_cannot_claim_a_project_before_publication() {
        fixture.given(proposed(Origin.DESK, COURT))
                .when(new ClaimProject(ID, AGENCY_CLAIM, AGENCY, AGENCY_RESOURCE, PERIOD, AGENCY))
                .expectNoEvents()
                .expectException(problemOf(ProblemType.ILLEGAL_TRANSITION, Map.of("state", "PROPOSED")))
                .expectExceptionMessage("Cannot claim project " + ID + " in state PROPOSED: it is not published and is for "
                        + COURT);
    }

    @Test
    void an_engine_proposal_is_claimed_only_after_publication_even_by_its_proposed_unit() {
        fixture.given(PROPOSED)
                .when(new ClaimProject(ID, CLAIM_ID, COURT, COURT_RESOURCE, PERIOD, COURT))
                .expectNoEvents()
                .expectException(problemOf(ProblemType.ILLEGAL_TRANSITION, Map.of("state", "PROPOSED")));
    }

    @Test
    void a_direct_claim_is_confirmed_like_any_claim() {
        fixture.given(proposed(Origin.DESK, COURT), CLAIM_REQUESTED)
                .when(new ConfirmReservation(ID, CLAIM_ID, COMPLETION_DEADLINE, MATCHMAKER))
                .expectEvents(CLAIMED);
    }

    @Test
    void a_refused_direct_claim_leaves_the_proposal_to_the_joint_meeting() {
        fixture.given(proposed(Origin.VOLUNTEERED, COURT), CLAIM_REQUESTED, COURT_REFUSED)
                .when(new PublishProject(ID, Mode.CLAIM, "联席会2026年第11次会议", DECIDED_AT, CLAIM_DEADLINE, DESK))
                .expectEvents(PUBLISHED);
    }

    @Test
    void a_released_direct_claim_puts_the_project_on_the_list_for_any_unit() {
        fixture.given(proposed(Origin.DESK, COURT), CLAIM_REQUESTED, CLAIMED,
                        new ClaimReleased(ID, List.of(new Release(CLAIM_ID, COURT, COURT_RESOURCE)), "法官外出巡回审判",
                                NEXT_CLAIM_DEADLINE, COURT))
                .when(new ClaimProject(ID, AGENCY_CLAIM, AGENCY, AGENCY_RESOURCE, PERIOD, AGENCY))
                .expectEvents(new ClaimRequested(ID, new Claim(AGENCY_CLAIM, Mode.CLAIM, AGENCY, AGENCY_RESOURCE, SIX,
                        PERIOD, false), AGENCY));
    }

    // --- release

    @Test
    void the_holder_gives_the_project_back_and_its_capacity_is_released() {
        fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                .when(new ReleaseClaim(ID, "法官外出巡回审判", NEXT_CLAIM_DEADLINE, COURT))
                .expectEvents(new ClaimReleased(ID, List.of(new Release(CLAIM_ID, COURT, COURT_RESOURCE)), "法官外出巡回审判",
                        NEXT_CLAIM_DEADLINE, COURT));
    }

    @Test
    void the_desk_takes_back_a_pending_claim_and_a_late_confirmation_gives_the_reservation_back() {
        ClaimReleased released = new ClaimReleased(ID, List.of(new Release(CLAIM_ID, COURT, COURT_RESOURCE)), "改派",
                NEXT_CLAIM_DEADLINE, DESK);
        fixture.given(PROPOSED, PUBLISHED, CLAIM_REQUESTED)
                .when(new ReleaseClaim(ID, "改派", NEXT_CLAIM_DEADLINE, DESK))
                .expectEvents(released);
        setUp();
        fixture.given(PROPOSED, PUBLISHED, CLAIM_REQUESTED, released)
                .when(new ConfirmReservation(ID, CLAIM_ID, COURT, COURT_RESOURCE, COMPLETION_DEADLINE, MATCHMAKER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReservationReturned(ID, new Release(CLAIM_ID, COURT, COURT_RESOURCE),
                        "reserved after the claim was released", MATCHMAKER));
    }

    @Test
    void after_a_release_another_unit_claims_the_project() {
        fixture.given(after(ProjectStatus.CLAIMED, new ClaimReleased(ID, List.of(new Release(CLAIM_ID, COURT,
                        COURT_RESOURCE)), "改派", NEXT_CLAIM_DEADLINE, DESK)))
                .when(new ClaimProject(ID, AGENCY_CLAIM, AGENCY, AGENCY_RESOURCE, PERIOD, AGENCY))
                .expectEvents(new ClaimRequested(ID, new Claim(AGENCY_CLAIM, Mode.CLAIM, AGENCY, AGENCY_RESOURCE, SIX,
                        PERIOD, false), AGENCY));
    }

    @Test
    void a_release_needs_the_new_claim_deadline() {
        expectInvalid(fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                .when(new ReleaseClaim(ID, "改派", null, DESK)), "claimDeadline");
    }

    @Test
    void a_published_project_without_claims_has_nothing_to_release() {
        expectRefused(fixture.given(PROPOSED, PUBLISHED).when(new ReleaseClaim(ID, "改派", NEXT_CLAIM_DEADLINE, DESK)),
                ProblemType.ILLEGAL_TRANSITION, "(none is held) in state PUBLISHED");
    }

    @Test
    void the_unit_that_takes_a_released_project_gets_its_own_completion_deadline() {
        Claim agency = new Claim(AGENCY_CLAIM, Mode.CLAIM, AGENCY, AGENCY_RESOURCE, SIX, PERIOD, false);
        fixture.given(after(ProjectStatus.CLAIMED, new ClaimReleased(ID, List.of(new Release(CLAIM_ID, COURT,
                        COURT_RESOURCE)), "改派", NEXT_CLAIM_DEADLINE, DESK), new ClaimRequested(ID, agency, AGENCY)))
                .when(new ConfirmReservation(ID, AGENCY_CLAIM, COMPLETION_DEADLINE.plusSeconds(86_400), MATCHMAKER))
                .expectEvents(new ProjectClaimed(ID, Mode.CLAIM, List.of(agency.confirm()),
                        COMPLETION_DEADLINE.plusSeconds(86_400), MATCHMAKER));
    }
}
