package org.threelists.matchmaker.domain;

import org.axonframework.test.aggregate.ResultValidator;
import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.hamcrest.Matchers;
import org.threelists.matchmaker.domain.ProjectCommands.ProposeProject;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimRequested;
import org.threelists.matchmaker.domain.ProjectEvents.PledgeConfirmed;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectCancelled;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectClaimed;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectCompleted;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectDelivered;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectProposed;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectPublished;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectRated;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectScheduled;
import org.threelists.matchmaker.domain.ProjectValues.Alternative;
import org.threelists.matchmaker.domain.ProjectValues.Claim;
import org.threelists.matchmaker.domain.ProjectValues.Consumption;
import org.threelists.matchmaker.domain.ProjectValues.DeliveryReport;
import org.threelists.matchmaker.domain.ProjectValues.HoursBasis;
import org.threelists.matchmaker.domain.ProjectValues.ReconciledHours;
import org.threelists.matchmaker.domain.ProjectValues.Mode;
import org.threelists.matchmaker.domain.ProjectValues.Need;
import org.threelists.matchmaker.domain.ProjectValues.Origin;
import org.threelists.matchmaker.domain.ProjectValues.Score;
import org.threelists.matchmaker.domain.ProjectValues.VolunteerHours;
import org.threelists.platform.problem.ProblemType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.threelists.testing.RefusalMatchers.problemOf;

/**
 * A project of 殿前街道 for two legal-advice demands of 嘉福社区, needing 6 volunteer hours, and the histories that
 * bring it into each status. Mode CLAIM unless a name says PLEDGE.
 */
final class ProjectFixtures {

    static final String ID = "7d1f3c5e-2a4b-4c6d-8e9f-0a1b2c3d4e5f";
    static final String DEMAND_1 = "0f6e2a38-5c1d-4b7e-9a3f-1e2d3c4b5a61";
    static final String DEMAND_2 = "0f6e2a38-5c1d-4b7e-9a3f-1e2d3c4b5a62";
    static final String DESK = "desk:dianqian";
    static final String MATCHMAKER = "matchmaker";

    static final String COURT = "unit-huli-court";
    static final String COURT_RESOURCE = "c0000000-0000-4000-8000-000000000001";
    static final String KINDERGARTEN = "unit-jiafu-kindergarten";
    static final String KINDERGARTEN_RESOURCE = "c0000000-0000-4000-8000-000000000002";
    static final String AGENCY = "unit-12349-social-work";
    static final String AGENCY_RESOURCE = "c0000000-0000-4000-8000-000000000003";

    static final String CLAIM_ID = "a0000000-0000-4000-8000-000000000001";
    static final String PLEDGE_1 = "b0000000-0000-4000-8000-000000000001";
    static final String PLEDGE_2 = "b0000000-0000-4000-8000-000000000002";
    static final String PLEDGE_3 = "b0000000-0000-4000-8000-000000000003";

    static final String PERIOD = "2026-12";
    static final BigDecimal SIX = new BigDecimal("6");
    static final Need NEED = new Need(SIX, "VOLUNTEER_HOURS");
    static final Score SCORE = new Score(0.82, Map.of("urgency", 0.3, "proximity", 0.25, "skills", 0.27));
    static final List<Alternative> ALTERNATIVES =
            List.of(new Alternative(AGENCY, AGENCY_RESOURCE, 0.61, "没有法律咨询资质"));

    static final Instant DECIDED_AT = Instant.parse("2026-11-20T02:00:00Z");
    static final Instant CLAIM_DEADLINE = Instant.parse("2026-11-27T02:00:00Z");
    static final Instant NEXT_CLAIM_DEADLINE = Instant.parse("2026-12-04T02:00:00Z");
    static final Instant COMPLETION_DEADLINE = Instant.parse("2026-12-20T02:00:00Z");
    static final LocalDate SERVICE_DAY = LocalDate.of(2026, 12, 12);
    static final String PLACE = "嘉福社区党群服务中心";

    static final ProjectProposed PROPOSED = proposed(Origin.ENGINE, COURT);
    static final ProjectPublished PUBLISHED = published(Mode.CLAIM);
    static final ProjectPublished PUBLISHED_FOR_PLEDGES = published(Mode.PLEDGE);
    static final Claim COURT_CLAIM = claim(CLAIM_ID, Mode.CLAIM, COURT, COURT_RESOURCE, SIX);
    static final ClaimRequested CLAIM_REQUESTED = new ClaimRequested(ID, COURT_CLAIM, COURT);
    static final ProjectClaimed CLAIMED =
            new ProjectClaimed(ID, Mode.CLAIM, List.of(COURT_CLAIM.confirm()), COMPLETION_DEADLINE, MATCHMAKER);
    static final ProjectScheduled SCHEDULED = new ProjectScheduled(ID, SERVICE_DAY, PLACE, COURT);
    static final DeliveryReport REPORT = new DeliveryReport(SERVICE_DAY, PLACE,
            List.of(new VolunteerHours("e0000000-0000-4000-8000-000000000001", COURT, "王*明", new BigDecimal("2.5"))),
            14, "讲解遗嘱继承与防诈骗");
    static final ProjectDelivered DELIVERED = delivered(REPORT,
            List.of(new Consumption(CLAIM_ID, COURT, COURT_RESOURCE, SIX)), COURT);
    static final ProjectCompleted COMPLETED = new ProjectCompleted(ID, "community:jiafu-li");
    static final ProjectCancelled CANCELLED = new ProjectCancelled(ID, List.of(), "demands merged into another project", DESK);

    /** The events that bring a (CLAIM mode) project into each status. */
    static final Map<ProjectStatus, List<Object>> HISTORY = Map.of(
            ProjectStatus.PROPOSED, List.of(PROPOSED),
            ProjectStatus.PUBLISHED, List.of(PROPOSED, PUBLISHED),
            ProjectStatus.CLAIM_PENDING, List.of(PROPOSED, PUBLISHED, CLAIM_REQUESTED),
            ProjectStatus.CLAIMED, List.of(PROPOSED, PUBLISHED, CLAIM_REQUESTED, CLAIMED),
            ProjectStatus.SCHEDULED, List.of(PROPOSED, PUBLISHED, CLAIM_REQUESTED, CLAIMED, SCHEDULED),
            ProjectStatus.DELIVERED, List.of(PROPOSED, PUBLISHED, CLAIM_REQUESTED, CLAIMED, SCHEDULED, DELIVERED),
            ProjectStatus.COMPLETED, List.of(PROPOSED, PUBLISHED, CLAIM_REQUESTED, CLAIMED, SCHEDULED, DELIVERED,
                    COMPLETED),
            ProjectStatus.RATED, List.of(PROPOSED, PUBLISHED, CLAIM_REQUESTED, CLAIMED, SCHEDULED, DELIVERED, COMPLETED,
                    rated(DEMAND_1, 5, false), rated(DEMAND_2, 4, true)),
            ProjectStatus.CANCELLED, List.of(PROPOSED, CANCELLED));

    private ProjectFixtures() {
    }

    /**
     * The delivery of a report nobody checked in for: each volunteer is credited the report's hours, as confirmed by
     * the unit.
     */
    static ProjectDelivered delivered(DeliveryReport report, List<Consumption> consumptions, String actor) {
        return new ProjectDelivered(ID, report, consumptions, actor, report.volunteers().stream()
                .map(v -> new ReconciledHours(v.volunteerId(), v.unitId(), v.hours(), null, v.hours(),
                        HoursBasis.CONFIRMED_BY_UNIT, null)).toList());
    }

    static ProposeProject propose(Origin origin, String proposedUnitId) {
        return new ProposeProject(ID, origin, "dianqian", "jiafu", Category.LEGAL_ADVICE, Urgency.HIGH, "法律咨询进社区",
                List.of(DEMAND_1, DEMAND_2), NEED, proposedUnitId, COURT_RESOURCE, SCORE, "法院有法律咨询资源，距离最近",
                ALTERNATIVES, origin == Origin.ENGINE ? MATCHMAKER : DESK);
    }

    static ProjectProposed proposed(Origin origin, String proposedUnitId) {
        ProposeProject c = propose(origin, proposedUnitId);
        return new ProjectProposed(c.projectId(), c.origin(), c.streetCode(), c.communityCode(), c.category(),
                c.urgency(), c.title(), c.demandIds(), c.need(), c.proposedUnitId(), c.proposedResourceId(), c.score(),
                c.explanation(), c.alternatives(), c.actor());
    }

    static ProjectPublished published(Mode mode) {
        return new ProjectPublished(ID, mode, "联席会2026年第11次会议", DECIDED_AT, CLAIM_DEADLINE, DESK);
    }

    static Claim claim(String claimId, Mode kind, String unitId, String resourceId, BigDecimal amount) {
        return new Claim(claimId, kind, unitId, resourceId, amount, PERIOD, false);
    }

    static Claim pledge(String claimId, String unitId, String resourceId, String amount) {
        return claim(claimId, Mode.PLEDGE, unitId, resourceId, new BigDecimal(amount));
    }

    static ClaimRequested requested(Claim claim) {
        return new ClaimRequested(ID, claim, claim.unitId());
    }

    static PledgeConfirmed pledgeConfirmed(Claim pledge, String covered) {
        return new PledgeConfirmed(ID, pledge.confirm(), new BigDecimal(covered), MATCHMAKER);
    }

    static ProjectRated rated(String demandId, int score, boolean allRated) {
        return new ProjectRated(ID, demandId, score, "很好", allRated, "community:jiafu-li");
    }

    /** The events of a history, followed by more. */
    static List<Object> after(ProjectStatus status, Object... more) {
        List<Object> events = new java.util.ArrayList<>(HISTORY.get(status));
        events.addAll(List.of(more));
        return events;
    }

    static List<Object> publishedForPledges(Object... more) {
        List<Object> events = new java.util.ArrayList<>(List.of(PROPOSED, PUBLISHED_FOR_PLEDGES));
        events.addAll(List.of(more));
        return events;
    }

    static void expectInvalid(ResultValidator<Project> result, String field) {
        result.expectNoEvents()
                .expectException(problemOf(ProblemType.INVALID_INPUT))
                .expectExceptionMessage(Matchers.startsWith(field + ":"));
    }

    static void expectRefused(ResultValidator<Project> result, ProblemType type, String detailPart) {
        result.expectNoEvents()
                .expectException(problemOf(type))
                .expectExceptionMessage(Matchers.containsString(detailPart));
    }
}
