package org.threelists.matchmaker.domain;

import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.threelists.matchmaker.domain.ProjectCommands.CancelProject;
import org.threelists.matchmaker.domain.ProjectCommands.SupersedeProposal;
import org.threelists.matchmaker.domain.ProjectCommands.ClaimProject;
import org.threelists.matchmaker.domain.ProjectCommands.ConfirmCompletion;
import org.threelists.matchmaker.domain.ProjectCommands.PledgeToProject;
import org.threelists.matchmaker.domain.ProjectCommands.ProposeProject;
import org.threelists.matchmaker.domain.ProjectCommands.PublishProject;
import org.threelists.matchmaker.domain.ProjectCommands.RateProject;
import org.threelists.matchmaker.domain.ProjectCommands.ReleaseClaim;
import org.threelists.matchmaker.domain.ProjectCommands.ReportDelivery;
import org.threelists.matchmaker.domain.ProjectCommands.ScheduleProject;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimReleased;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectCancelled;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectCompleted;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectProposed;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectPublished;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectRated;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectScheduled;
import org.threelists.matchmaker.domain.ProjectValues.Alternative;
import org.threelists.matchmaker.domain.ProjectValues.Mode;
import org.threelists.matchmaker.domain.ProjectValues.Need;
import org.threelists.matchmaker.domain.ProjectValues.Origin;
import org.threelists.matchmaker.domain.ProjectValues.Release;
import org.threelists.platform.problem.ProblemType;
import org.threelists.testing.LifecycleCases;
import org.threelists.testing.LifecycleCases.Command;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.threelists.matchmaker.domain.ProjectFixtures.*;
import static org.threelists.testing.RefusalMatchers.exactlyOneEvent;
import static org.threelists.testing.RefusalMatchers.problemOf;

/**
 * The project's lifecycle as a table (every command in every status), and the proposal, publication, scheduling,
 * completion, rating and cancellation rules. Claims, pledges, deadlines and deliveries have their own tests.
 */
class ProjectLifecycleTest {

    /** Each command whose acceptance depends on the status, and the statuses of a CLAIM-mode project it is allowed in. */
    static final Map<String, Command<ProjectStatus>> COMMANDS = Map.of(
            "publish", new Command<>(new PublishProject(ID, Mode.CLAIM, null, DECIDED_AT, CLAIM_DEADLINE, DESK),
                    EnumSet.of(ProjectStatus.PROPOSED)),
            "claim", new Command<>(new ClaimProject(ID, "a0000000-0000-4000-8000-000000000009", AGENCY, AGENCY_RESOURCE,
                    PERIOD, AGENCY), EnumSet.of(ProjectStatus.PUBLISHED)),
            "pledge", new Command<>(new PledgeToProject(ID, PLEDGE_1, AGENCY, AGENCY_RESOURCE, BigDecimal.ONE, PERIOD,
                    AGENCY), EnumSet.noneOf(ProjectStatus.class)),
            "release", new Command<>(new ReleaseClaim(ID, "the court's judges are on circuit", NEXT_CLAIM_DEADLINE, COURT),
                    EnumSet.of(ProjectStatus.CLAIM_PENDING, ProjectStatus.CLAIMED, ProjectStatus.SCHEDULED)),
            "schedule", new Command<>(new ScheduleProject(ID, SERVICE_DAY, PLACE, COURT),
                    EnumSet.of(ProjectStatus.CLAIMED, ProjectStatus.SCHEDULED)),
            "report", new Command<>(new ReportDelivery(ID, REPORT, null, COURT),
                    EnumSet.of(ProjectStatus.CLAIMED, ProjectStatus.SCHEDULED)),
            "complete", new Command<>(new ConfirmCompletion(ID, "community:jiafu-li"), EnumSet.of(ProjectStatus.DELIVERED)),
            "rate", new Command<>(new RateProject(ID, DEMAND_1, 5, null, "community:jiafu-li"),
                    EnumSet.of(ProjectStatus.COMPLETED)),
            "cancel", new Command<>(new CancelProject(ID, "merged", DESK), EnumSet.of(ProjectStatus.PROPOSED,
                    ProjectStatus.PUBLISHED, ProjectStatus.CLAIM_PENDING, ProjectStatus.CLAIMED, ProjectStatus.SCHEDULED)));

    /** A claim while another one is pending or holds the project is a conflict, not a wrong step of the lifecycle. */
    static final Map<ProjectStatus, ProblemType> CLAIM_CONFLICTS = Map.of(ProjectStatus.CLAIM_PENDING, ProblemType.CONFLICT,
            ProjectStatus.CLAIMED, ProblemType.CONFLICT, ProjectStatus.SCHEDULED, ProblemType.CONFLICT);

    FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    static Stream<Arguments> illegalTransitions() {
        return LifecycleCases.illegal(COMMANDS, ProjectStatus.class);
    }

    @ParameterizedTest(name = "{0} is refused when the project is {1}")
    @MethodSource("illegalTransitions")
    void every_illegal_transition_is_refused_and_records_nothing(String name, ProjectStatus status) {
        ProblemType expected = name.equals("claim")
                ? CLAIM_CONFLICTS.getOrDefault(status, ProblemType.ILLEGAL_TRANSITION) : ProblemType.ILLEGAL_TRANSITION;
        fixture.given(HISTORY.get(status))
                .when(COMMANDS.get(name).command())
                .expectNoEvents()
                .expectException(problemOf(expected, Map.of("state", status.name())));
    }

    static Stream<Arguments> allowedTransitions() {
        return LifecycleCases.allowed(COMMANDS);
    }

    @ParameterizedTest(name = "{0} is accepted when the project is {1}")
    @MethodSource("allowedTransitions")
    void every_allowed_transition_records_one_event(String name, ProjectStatus status) {
        fixture.given(HISTORY.get(status))
                .when(COMMANDS.get(name).command())
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(exactlyOneEvent());
    }

    // --- proposal

    @ParameterizedTest
    @EnumSource(Origin.class)
    void a_valid_proposal_enters_the_list(Origin origin) {
        fixture.givenNoPriorActivity()
                .when(propose(origin, COURT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(proposed(origin, COURT));
    }

    @Test
    void a_proposal_without_alternatives_records_none() {
        ProposeProject p = propose(Origin.DESK, COURT);
        ProjectProposed expected = proposed(Origin.DESK, COURT);
        fixture.givenNoPriorActivity()
                .when(new ProposeProject(p.projectId(), p.origin(), p.streetCode(), p.communityCode(), p.category(),
                        p.urgency(), " " + p.title() + " ", p.demandIds(), p.need(), p.proposedUnitId(),
                        p.proposedResourceId(), null, null, null, p.actor()))
                .expectEvents(new ProjectProposed(ID, Origin.DESK, expected.streetCode(), expected.communityCode(),
                        expected.category(), expected.urgency(), expected.title(), expected.demandIds(), NEED, COURT,
                        COURT_RESOURCE, null, null, List.of(), DESK));
    }

    @Test
    void an_engine_proposal_may_name_no_unit() {
        fixture.givenNoPriorActivity()
                .when(propose(Origin.ENGINE, null))
                .expectEvents(proposed(Origin.ENGINE, null));
    }

    static Stream<Arguments> invalidProposals() {
        return Stream.of(
                invalid("no project id", p -> with(p, null, p.origin(), p.streetCode(), p.communityCode(), p.category(),
                        p.urgency(), p.title(), p.demandIds(), p.need(), p.proposedUnitId()), "projectId"),
                invalid("no origin", p -> with(p, p.projectId(), null, p.streetCode(), p.communityCode(), p.category(),
                        p.urgency(), p.title(), p.demandIds(), p.need(), p.proposedUnitId()), "origin"),
                invalid("no street", p -> with(p, p.projectId(), p.origin(), " ", p.communityCode(), p.category(),
                        p.urgency(), p.title(), p.demandIds(), p.need(), p.proposedUnitId()), "streetCode"),
                invalid("no community", p -> with(p, p.projectId(), p.origin(), p.streetCode(), null, p.category(),
                        p.urgency(), p.title(), p.demandIds(), p.need(), p.proposedUnitId()), "communityCode"),
                invalid("no category", p -> with(p, p.projectId(), p.origin(), p.streetCode(), p.communityCode(), null,
                        p.urgency(), p.title(), p.demandIds(), p.need(), p.proposedUnitId()), "category"),
                invalid("no urgency", p -> with(p, p.projectId(), p.origin(), p.streetCode(), p.communityCode(),
                        p.category(), null, p.title(), p.demandIds(), p.need(), p.proposedUnitId()), "urgency"),
                invalid("a blank title", p -> with(p, p.projectId(), p.origin(), p.streetCode(), p.communityCode(),
                        p.category(), p.urgency(), "  ", p.demandIds(), p.need(), p.proposedUnitId()), "title"),
                invalid("a title over 200 characters", p -> with(p, p.projectId(), p.origin(), p.streetCode(),
                        p.communityCode(), p.category(), p.urgency(), "法".repeat(201), p.demandIds(), p.need(),
                        p.proposedUnitId()), "title"),
                invalid("no demands", p -> with(p, p.projectId(), p.origin(), p.streetCode(), p.communityCode(),
                        p.category(), p.urgency(), p.title(), List.of(), p.need(), p.proposedUnitId()), "demandIds"),
                invalid("a null list of demands", p -> with(p, p.projectId(), p.origin(), p.streetCode(),
                        p.communityCode(), p.category(), p.urgency(), p.title(), null, p.need(), p.proposedUnitId()),
                        "demandIds"),
                invalid("a blank demand id", p -> with(p, p.projectId(), p.origin(), p.streetCode(), p.communityCode(),
                        p.category(), p.urgency(), p.title(), Collections.singletonList(" "), p.need(),
                        p.proposedUnitId()), "demandIds"),
                invalid("a demand listed twice", p -> with(p, p.projectId(), p.origin(), p.streetCode(),
                        p.communityCode(), p.category(), p.urgency(), p.title(), List.of(DEMAND_1, DEMAND_2, DEMAND_1),
                        p.need(), p.proposedUnitId()), "demandIds"),
                invalid("no need", p -> with(p, p.projectId(), p.origin(), p.streetCode(), p.communityCode(),
                        p.category(), p.urgency(), p.title(), p.demandIds(), null, p.proposedUnitId()), "need"),
                invalid("no need amount", p -> withNeed(p, new Need(null, "VOLUNTEER_HOURS")), "need.amount"),
                invalid("a need of 0", p -> withNeed(p, new Need(new BigDecimal("0.0"), "VOLUNTEER_HOURS")),
                        "need.amount"),
                invalid("a negative need", p -> withNeed(p, new Need(new BigDecimal("-3"), "YUAN")), "need.amount"),
                invalid("a need finer than two decimals", p -> withNeed(p, new Need(new BigDecimal("2.125"),
                        "VOLUNTEER_HOURS")), "need.amount"),
                invalid("no need unit", p -> withNeed(p, new Need(SIX, null)), "need.unit"),
                invalid("an unknown need unit", p -> withNeed(p, new Need(SIX, "BOWLS_OF_RICE")), "need.unit"),
                invalid("a desk project for no unit", p -> with(p, p.projectId(), Origin.DESK, p.streetCode(),
                        p.communityCode(), p.category(), p.urgency(), p.title(), p.demandIds(), p.need(), null),
                        "proposedUnitId"),
                invalid("a volunteered project without its unit", p -> with(p, p.projectId(), Origin.VOLUNTEERED,
                        p.streetCode(), p.communityCode(), p.category(), p.urgency(), p.title(), p.demandIds(), p.need(),
                        " "), "proposedUnitId"),
                invalid("an alternative that does not say why it lost", p -> new ProposeProject(p.projectId(), p.origin(),
                        p.streetCode(), p.communityCode(), p.category(), p.urgency(), p.title(), p.demandIds(), p.need(),
                        p.proposedUnitId(), p.proposedResourceId(), p.score(), p.explanation(), List.of(ALTERNATIVES.get(0),
                        new Alternative(KINDERGARTEN, KINDERGARTEN_RESOURCE, 0.4, " ")), p.actor()), "alternatives[1]"));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("invalidProposals")
    void an_invalid_proposal_is_refused_and_records_nothing(String what, ProposeProject command, String field) {
        expectInvalid(fixture.givenNoPriorActivity().when(command), field);
    }

    // --- publication

    @Test
    void the_joint_meeting_publishes_a_proposal_for_a_claim() {
        fixture.given(PROPOSED)
                .when(new PublishProject(ID, Mode.CLAIM, "联席会2026年第11次会议", DECIDED_AT, CLAIM_DEADLINE, DESK))
                .expectEvents(PUBLISHED);
    }

    @Test
    void the_joint_meeting_publishes_a_proposal_for_pledges() {
        fixture.given(PROPOSED)
                .when(new PublishProject(ID, Mode.PLEDGE, "联席会2026年第11次会议", DECIDED_AT, CLAIM_DEADLINE, DESK))
                .expectEvents(PUBLISHED_FOR_PLEDGES);
    }

    @Test
    void a_publication_without_a_mode_is_refused() {
        expectInvalid(fixture.given(PROPOSED).when(new PublishProject(ID, null, null, DECIDED_AT, CLAIM_DEADLINE, DESK)),
                "mode");
    }

    @Test
    void a_publication_must_say_when_the_meeting_decided() {
        expectInvalid(fixture.given(PROPOSED).when(new PublishProject(ID, Mode.CLAIM, null, null, CLAIM_DEADLINE, DESK)),
                "decidedAt");
    }

    @Test
    void a_publication_needs_a_claim_deadline_after_the_decision() {
        expectInvalid(fixture.given(PROPOSED).when(new PublishProject(ID, Mode.CLAIM, null, DECIDED_AT, null, DESK)),
                "claimDeadline");
        setUp();
        expectInvalid(fixture.given(PROPOSED).when(new PublishProject(ID, Mode.CLAIM, null, DECIDED_AT, DECIDED_AT, DESK)),
                "claimDeadline");
    }

    @Test
    void a_decision_note_over_2000_characters_is_refused() {
        expectInvalid(fixture.given(PROPOSED)
                .when(new PublishProject(ID, Mode.CLAIM, "记".repeat(2001), DECIDED_AT, CLAIM_DEADLINE, DESK)), "decisionNote");
    }

    // --- scheduling and completion

    @Test
    void the_holder_schedules_and_reschedules_the_service() {
        fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                .when(new ScheduleProject(ID, SERVICE_DAY, " " + PLACE + " ", COURT))
                .expectEvents(SCHEDULED);
        setUp();
        fixture.given(HISTORY.get(ProjectStatus.SCHEDULED))
                .when(new ScheduleProject(ID, SERVICE_DAY.plusDays(7), "嘉福盐业小区活动室", COURT))
                .expectEvents(new ProjectScheduled(ID, SERVICE_DAY.plusDays(7), "嘉福盐业小区活动室", COURT));
    }

    @Test
    void a_schedule_needs_a_date_and_a_place() {
        expectInvalid(fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                .when(new ScheduleProject(ID, null, PLACE, COURT)), "date");
        setUp();
        expectInvalid(fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                .when(new ScheduleProject(ID, SERVICE_DAY, "", COURT)), "place");
        setUp();
        expectInvalid(fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                .when(new ScheduleProject(ID, SERVICE_DAY, "地".repeat(201), COURT)), "place");
    }

    @Test
    void the_community_confirms_the_delivery() {
        fixture.given(HISTORY.get(ProjectStatus.DELIVERED))
                .when(new ConfirmCompletion(ID, "community:jiafu-li"))
                .expectEvents(new ProjectCompleted(ID, "community:jiafu-li"));
    }

    // --- rating

    @Test
    void the_first_rating_of_two_demands_leaves_one_to_rate() {
        fixture.given(HISTORY.get(ProjectStatus.COMPLETED))
                .when(new RateProject(ID, DEMAND_2, 2, "来得太晚", "community:jiafu-li"))
                .expectEvents(new ProjectRated(ID, DEMAND_2, 2, "来得太晚", false, "community:jiafu-li"));
    }

    @Test
    void the_last_rating_rates_the_project() {
        fixture.given(after(ProjectStatus.COMPLETED, rated(DEMAND_1, 5, false)))
                .when(new RateProject(ID, DEMAND_2, 4, null, "community:jiafu-li"))
                .expectEvents(new ProjectRated(ID, DEMAND_2, 4, null, true, "community:jiafu-li"));
    }

    @Test
    void a_project_of_one_demand_is_rated_by_its_only_rating() {
        ProjectProposed single = new ProjectProposed(ID, Origin.ENGINE, "dianqian", "jiafu", Category.LEGAL_ADVICE, Urgency.HIGH,
                "法律咨询进社区", List.of(DEMAND_1), NEED, COURT, COURT_RESOURCE, SCORE, null, List.of(), MATCHMAKER);
        List<Object> history = new ArrayList<>(HISTORY.get(ProjectStatus.COMPLETED));
        history.set(0, single);
        fixture.given(history)
                .when(new RateProject(ID, DEMAND_1, 1, "没有人来", "community:jiafu-li"))
                .expectEvents(new ProjectRated(ID, DEMAND_1, 1, "没有人来", true, "community:jiafu-li"));
    }

    @Test
    void a_demand_is_rated_once() {
        expectRefused(fixture.given(after(ProjectStatus.COMPLETED, rated(DEMAND_1, 5, false)))
                .when(new RateProject(ID, DEMAND_1, 3, null, "community:jiafu-li")), ProblemType.CONFLICT,
                "Demand " + DEMAND_1 + " of project " + ID + " is rated already");
    }

    @Test
    void once_every_demand_is_rated_no_rating_is_taken() {
        fixture.given(HISTORY.get(ProjectStatus.RATED))
                .when(new RateProject(ID, DEMAND_2, 1, null, "community:jiafu-li"))
                .expectNoEvents()
                .expectException(problemOf(ProblemType.ILLEGAL_TRANSITION, Map.of("state", "RATED")));
    }

    @Test
    void only_the_projects_demands_are_rated() {
        expectInvalid(fixture.given(HISTORY.get(ProjectStatus.COMPLETED))
                .when(new RateProject(ID, "0f6e2a38-5c1d-4b7e-9a3f-1e2d3c4b5a69", 5, null, "community:jiafu-li")),
                "demandId");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 6, -1})
    void a_score_outside_one_to_five_is_refused(int score) {
        expectInvalid(fixture.given(HISTORY.get(ProjectStatus.COMPLETED))
                .when(new RateProject(ID, DEMAND_1, score, null, "community:jiafu-li")), "score");
    }

    // --- cancellation

    @Test
    void cancelling_a_proposal_releases_nothing() {
        fixture.given(PROPOSED)
                .when(new CancelProject(ID, "  ", DESK))
                .expectEvents(new ProjectCancelled(ID, List.of(), "no reason given", DESK));
    }

    @Test
    void a_proposal_is_superseded_while_it_is_one() {
        fixture.given(PROPOSED)
                .when(new SupersedeProposal(ID, "superseded: demand d-1 withdrawn", MATCHMAKER))
                .expectEvents(new ProjectCancelled(ID, List.of(), "superseded: demand d-1 withdrawn", MATCHMAKER))
                .expectResultMessagePayload(true);
    }

    @Test
    void a_project_the_desk_published_meanwhile_is_not_superseded() {
        // the re-plan read it as a proposal; the desk's publication committed before the re-plan's command
        for (ProjectStatus status : EnumSet.complementOf(EnumSet.of(ProjectStatus.PROPOSED))) {
            if (HISTORY.containsKey(status)) {
                setUp();
                fixture.given(HISTORY.get(status))
                        .when(new SupersedeProposal(ID, "superseded: demand d-1 withdrawn", MATCHMAKER))
                        .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(false);
            }
        }
    }

    @Test
    void cancelling_a_claimed_project_releases_the_claim() {
        fixture.given(HISTORY.get(ProjectStatus.SCHEDULED))
                .when(new CancelProject(ID, "居民已自行解决", DESK))
                .expectEvents(new ProjectCancelled(ID, List.of(new Release(CLAIM_ID, COURT, COURT_RESOURCE)),
                        "居民已自行解决", DESK));
    }

    @Test
    void cancelling_a_pending_claim_releases_what_resource_list_may_have_reserved() {
        fixture.given(HISTORY.get(ProjectStatus.CLAIM_PENDING))
                .when(new CancelProject(ID, "重复项目", DESK))
                .expectEvents(new ProjectCancelled(ID, List.of(new Release(CLAIM_ID, COURT, COURT_RESOURCE)),
                        "重复项目", DESK));
    }

    @Test
    void a_cancelled_project_takes_no_late_reservation_but_gives_it_back() {
        fixture.given(PROPOSED, PUBLISHED, CLAIM_REQUESTED,
                        new ProjectCancelled(ID, List.of(new Release(CLAIM_ID, COURT, COURT_RESOURCE)), "重复项目", DESK))
                .when(new ProjectCommands.ConfirmReservation(ID, CLAIM_ID, COURT, COURT_RESOURCE, COMPLETION_DEADLINE,
                        MATCHMAKER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProjectEvents.ReservationReturned(ID, new Release(CLAIM_ID, COURT, COURT_RESOURCE),
                        "reserved after the claim was cancelled", MATCHMAKER));
    }

    @Test
    void a_release_puts_a_scheduled_project_back_on_the_list() {
        fixture.given(HISTORY.get(ProjectStatus.SCHEDULED))
                .when(new ReleaseClaim(ID, null, NEXT_CLAIM_DEADLINE, DESK))
                .expectEvents(new ClaimReleased(ID, List.of(new Release(CLAIM_ID, COURT, COURT_RESOURCE)),
                        "no reason given", NEXT_CLAIM_DEADLINE, DESK));
    }

    private static Arguments invalid(String what, UnaryOperator<ProposeProject> change, String field) {
        return Arguments.of(what, change.apply(propose(Origin.ENGINE, COURT)), field);
    }

    private static ProposeProject with(ProposeProject p, String projectId, Origin origin, String street, String community,
            Category category, Urgency urgency, String title, List<String> demandIds, Need need, String unitId) {
        return new ProposeProject(projectId, origin, street, community, category, urgency, title, demandIds, need, unitId,
                p.proposedResourceId(), p.score(), p.explanation(), p.alternatives(), p.actor());
    }

    private static ProposeProject withNeed(ProposeProject p, Need need) {
        return with(p, p.projectId(), p.origin(), p.streetCode(), p.communityCode(), p.category(), p.urgency(), p.title(),
                p.demandIds(), need, p.proposedUnitId());
    }
}
