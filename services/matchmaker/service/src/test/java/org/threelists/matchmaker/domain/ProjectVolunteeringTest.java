package org.threelists.matchmaker.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.domain.ProjectCommands.ApproveVolunteering;
import org.threelists.matchmaker.domain.ProjectCommands.CancelProject;
import org.threelists.matchmaker.domain.ProjectCommands.ClaimProject;
import org.threelists.matchmaker.domain.ProjectCommands.ConfirmReservation;
import org.threelists.matchmaker.domain.ProjectCommands.PassDeadline;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimRequested;
import org.threelists.matchmaker.domain.ProjectEvents.DeadlineEscalated;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectCancelled;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectPublished;
import org.threelists.matchmaker.domain.ProjectValues.DeadlineKind;
import org.threelists.matchmaker.domain.ProjectValues.Mode;
import org.threelists.matchmaker.domain.ProjectValues.Origin;
import org.threelists.platform.problem.ProblemType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.threelists.matchmaker.domain.ProjectFixtures.*;
import static org.threelists.testing.RefusalMatchers.problemOf;

/**
 * 揭榜: a unit that volunteered for a demand holds nothing — and so sees no resident — until the desk or the community
 * approved it; the approval publishes the project and asks for the unit's claim in one step. Nobody deciding on it
 * escalates to the desk once the approval wait passed; the desk then approves or refuses it.
 */
class ProjectVolunteeringTest {

    static final String COMMUNITY_WORKER = "community:jiafu-li";

    FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    @Test
    void the_unit_that_volunteered_cannot_claim_before_the_approval() {
        fixture.given(proposed(Origin.VOLUNTEERED, COURT))
                .when(new ClaimProject(ID, CLAIM_ID, COURT, COURT_RESOURCE, PERIOD, COURT))
                .expectNoEvents()
                .expectException(problemOf(ProblemType.ILLEGAL_TRANSITION, Map.of("state", "PROPOSED")))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("awaits the approval"));
    }

    @Test
    void the_approval_publishes_the_project_and_asks_for_the_volunteering_units_claim() {
        fixture.given(proposed(Origin.VOLUNTEERED, COURT))
                .when(new ApproveVolunteering(ID, CLAIM_ID, PERIOD, "社区同意", DECIDED_AT, CLAIM_DEADLINE,
                        COMMUNITY_WORKER))
                .expectEvents(new ProjectPublished(ID, Mode.CLAIM, "社区同意", DECIDED_AT, CLAIM_DEADLINE, COMMUNITY_WORKER),
                        new ClaimRequested(ID, COURT_CLAIM, COMMUNITY_WORKER));
    }

    @Test
    void an_approved_claim_is_confirmed_like_any_claim() {
        fixture.given(proposed(Origin.VOLUNTEERED, COURT),
                        new ProjectPublished(ID, Mode.CLAIM, null, DECIDED_AT, CLAIM_DEADLINE, DESK),
                        new ClaimRequested(ID, COURT_CLAIM, DESK))
                .when(new ConfirmReservation(ID, CLAIM_ID, COMPLETION_DEADLINE, MATCHMAKER))
                .expectEvents(CLAIMED);
    }

    @Test
    void only_a_volunteered_proposal_is_approved_and_only_once() {
        expectRefused(fixture.given(proposed(Origin.DESK, COURT))
                .when(new ApproveVolunteering(ID, CLAIM_ID, PERIOD, null, DECIDED_AT, CLAIM_DEADLINE, DESK)),
                ProblemType.ILLEGAL_TRANSITION, "only a unit's volunteering");
        setUp();
        expectRefused(fixture.given(proposed(Origin.VOLUNTEERED, COURT),
                        new ProjectPublished(ID, Mode.CLAIM, null, DECIDED_AT, CLAIM_DEADLINE, DESK),
                        new ClaimRequested(ID, COURT_CLAIM, DESK))
                .when(new ApproveVolunteering(ID, PLEDGE_1, PERIOD, null, DECIDED_AT, CLAIM_DEADLINE, DESK)),
                ProblemType.ILLEGAL_TRANSITION, "CLAIM_PENDING");
    }

    @Test
    void a_volunteering_nobody_decided_on_escalates_to_the_desk_once_and_stays_for_its_decision() {
        Instant due = Instant.parse("2026-11-23T02:00:00Z");
        DeadlineEscalated escalated = new DeadlineEscalated(ID, DeadlineKind.APPROVAL, due, List.of(COURT), MATCHMAKER);
        fixture.given(proposed(Origin.VOLUNTEERED, COURT))
                .when(new PassDeadline(ID, DeadlineKind.APPROVAL, due, null, MATCHMAKER))
                .expectEvents(escalated);
        setUp();
        fixture.given(proposed(Origin.VOLUNTEERED, COURT), escalated)
                .when(new PassDeadline(ID, DeadlineKind.APPROVAL, due, null, MATCHMAKER))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        // the desk refuses it with a reason, after the escalation as before
        setUp();
        fixture.given(proposed(Origin.VOLUNTEERED, COURT), escalated)
                .when(new CancelProject(ID, "该需求已由社区自行解决", DESK))
                .expectEvents(new ProjectCancelled(ID, List.of(), "该需求已由社区自行解决", DESK));
    }

    @Test
    void a_decided_volunteering_or_another_proposal_has_no_approval_wait() {
        Instant due = Instant.parse("2026-11-23T02:00:00Z");
        fixture.given(proposed(Origin.VOLUNTEERED, COURT),
                        new ProjectPublished(ID, Mode.CLAIM, null, DECIDED_AT, CLAIM_DEADLINE, DESK))
                .when(new PassDeadline(ID, DeadlineKind.APPROVAL, due, null, MATCHMAKER))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        setUp();
        fixture.given(proposed(Origin.VOLUNTEERED, COURT), new ProjectCancelled(ID, List.of(), "撤销", DESK))
                .when(new PassDeadline(ID, DeadlineKind.APPROVAL, due, null, MATCHMAKER))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        setUp();
        fixture.given(proposed(Origin.ENGINE, COURT))
                .when(new PassDeadline(ID, DeadlineKind.APPROVAL, due, null, MATCHMAKER))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void an_approval_names_when_and_until_when() {
        expectInvalid(fixture.given(proposed(Origin.VOLUNTEERED, COURT))
                .when(new ApproveVolunteering(ID, CLAIM_ID, PERIOD, null, DECIDED_AT, DECIDED_AT, DESK)), "claimDeadline");
        setUp();
        expectInvalid(fixture.given(proposed(Origin.VOLUNTEERED, COURT))
                .when(new ApproveVolunteering(ID, CLAIM_ID, "2026-13", null, DECIDED_AT, CLAIM_DEADLINE, DESK)), "period");
    }
}
