package org.threelists.matchmaker.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.threelists.matchmaker.domain.ProjectCommands.ConfirmCompletion;
import org.threelists.matchmaker.domain.ProjectCommands.ConfirmCompletionForCommunity;
import org.threelists.matchmaker.domain.ProjectCommands.PassDeadline;
import org.threelists.matchmaker.domain.ProjectEvents.DeadlineEscalated;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectCompleted;
import org.threelists.matchmaker.domain.ProjectValues.DeadlineKind;
import org.threelists.matchmaker.domain.ProjectValues.OnBehalf;
import org.threelists.platform.problem.ProblemType;

import java.time.Instant;
import java.util.List;

import static org.threelists.matchmaker.domain.ProjectFixtures.*;

/**
 * The confirmation wait (README "Confirmation wait"): a delivery its community leaves unconfirmed escalates to the desk
 * once, and only then may the desk confirm it on the community's behalf, with a reason; the community may still
 * confirm it itself.
 */
class ProjectConfirmationWaitTest {

    static final String SCHEDULER = "matchmaker";
    static final String DESK_ACCOUNT = "desk:desk-dianqian";
    static final String COMMUNITY_WORKER = "community:jiafu-li";
    static final String REASON = "协调台电话联系嘉福社区书记，确认讲座已于12月12日举办";
    static final Instant WAIT_PASSED = Instant.parse("2026-12-19T02:00:00Z");
    static final PassDeadline CONFIRMATION_PASSED =
            new PassDeadline(ID, DeadlineKind.CONFIRMATION, WAIT_PASSED, null, SCHEDULER);
    static final DeadlineEscalated CONFIRMATION_ESCALATED =
            new DeadlineEscalated(ID, DeadlineKind.CONFIRMATION, WAIT_PASSED, List.of(COURT), SCHEDULER);

    FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    @Test
    void an_unconfirmed_delivery_escalates_to_the_desk_with_the_units_that_delivered() {
        fixture.given(HISTORY.get(ProjectStatus.DELIVERED))
                .when(CONFIRMATION_PASSED)
                .expectSuccessfulHandlerExecution()
                .expectEvents(CONFIRMATION_ESCALATED);
    }

    @Test
    void the_wait_escalates_once_however_often_it_fires() {
        fixture.given(after(ProjectStatus.DELIVERED, CONFIRMATION_ESCALATED))
                .when(CONFIRMATION_PASSED)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        setUp();
        fixture.given(after(ProjectStatus.DELIVERED, CONFIRMATION_ESCALATED))
                .when(new PassDeadline(ID, DeadlineKind.CONFIRMATION, WAIT_PASSED.plusSeconds(60), null, SCHEDULER))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = ProjectStatus.class, names = "DELIVERED", mode = EnumSource.Mode.EXCLUDE)
    void only_a_delivered_project_awaits_a_confirmation(ProjectStatus status) {
        fixture.given(HISTORY.get(status))
                .when(CONFIRMATION_PASSED)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void after_the_escalation_the_desk_confirms_on_the_communitys_behalf_with_its_reason() {
        fixture.given(after(ProjectStatus.DELIVERED, CONFIRMATION_ESCALATED))
                .when(new ConfirmCompletionForCommunity(ID, "  " + REASON + "\n", DESK_ACCOUNT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProjectCompleted(ID, DESK_ACCOUNT, new OnBehalf(REASON)));
    }

    @Test
    void a_project_the_desk_confirmed_is_completed_and_rated_like_any_other() {
        fixture.given(after(ProjectStatus.DELIVERED, CONFIRMATION_ESCALATED,
                        new ProjectCompleted(ID, DESK_ACCOUNT, new OnBehalf(REASON))))
                .when(new ProjectCommands.RateProject(ID, DEMAND_1, 4, null, COMMUNITY_WORKER))
                .expectEvents(new ProjectEvents.ProjectRated(ID, DEMAND_1, 4, null, false, COMMUNITY_WORKER));
    }

    @Test
    void before_the_wait_has_passed_the_community_confirms_first() {
        expectRefused(fixture.given(HISTORY.get(ProjectStatus.DELIVERED))
                .when(new ConfirmCompletionForCommunity(ID, REASON, DESK_ACCOUNT)),
                ProblemType.ILLEGAL_TRANSITION, "awaits its community's confirmation");
    }

    @Test
    void the_desk_gives_its_reason() {
        expectInvalid(fixture.given(after(ProjectStatus.DELIVERED, CONFIRMATION_ESCALATED))
                .when(new ConfirmCompletionForCommunity(ID, " ", DESK_ACCOUNT)), "reason");
        setUp();
        expectInvalid(fixture.given(after(ProjectStatus.DELIVERED, CONFIRMATION_ESCALATED))
                .when(new ConfirmCompletionForCommunity(ID, "电".repeat(2001), DESK_ACCOUNT)), "reason");
    }

    @Test
    void a_confirmed_delivery_is_not_confirmed_again_by_either() {
        List<Object> confirmed = after(ProjectStatus.DELIVERED, CONFIRMATION_ESCALATED, COMPLETED);
        expectRefused(fixture.given(confirmed).when(new ConfirmCompletionForCommunity(ID, REASON, DESK_ACCOUNT)),
                ProblemType.ILLEGAL_TRANSITION, "COMPLETED");
        setUp();
        expectRefused(fixture.given(after(ProjectStatus.DELIVERED, CONFIRMATION_ESCALATED,
                        new ProjectCompleted(ID, DESK_ACCOUNT, new OnBehalf(REASON))))
                .when(new ConfirmCompletion(ID, COMMUNITY_WORKER)), ProblemType.ILLEGAL_TRANSITION, "COMPLETED");
    }

    @ParameterizedTest
    @EnumSource(value = ProjectStatus.class, names = {"DELIVERED", "COMPLETED", "RATED"}, mode = EnumSource.Mode.EXCLUDE)
    void nothing_undelivered_is_confirmed_by_the_desk(ProjectStatus status) {
        expectRefused(fixture.given(HISTORY.get(status)).when(new ConfirmCompletionForCommunity(ID, REASON,
                DESK_ACCOUNT)), ProblemType.ILLEGAL_TRANSITION, "state " + status);
    }

    @Test
    void the_community_still_confirms_after_the_escalation_as_itself() {
        fixture.given(after(ProjectStatus.DELIVERED, CONFIRMATION_ESCALATED))
                .when(new ConfirmCompletion(ID, COMMUNITY_WORKER))
                .expectEvents(new ProjectCompleted(ID, COMMUNITY_WORKER));
    }
}
