package org.threelists.matchmaker.domain;

import org.threelists.testing.RefusalMatchers;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.domain.ProjectCommands.ConfirmReservation;
import org.threelists.matchmaker.domain.ProjectCommands.PledgeToProject;
import org.threelists.matchmaker.domain.ProjectCommands.ReleaseClaim;
import org.threelists.matchmaker.domain.ProjectCommands.ReportDelivery;
import org.threelists.matchmaker.domain.ProjectCommands.PassDeadline;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimExpired;
import org.threelists.matchmaker.domain.ProjectEvents.DeadlineEscalated;
import org.threelists.matchmaker.domain.ProjectEvents.VolunteerCheckedIn;
import org.threelists.matchmaker.domain.ProjectEvents.VolunteerCheckedOut;
import org.threelists.matchmaker.domain.ProjectValues.DeadlineKind;
import org.threelists.matchmaker.domain.ProjectValues.HoursBasis;
import org.threelists.matchmaker.domain.ProjectValues.ReconciledHours;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimReleased;
import org.threelists.matchmaker.domain.ProjectEvents.PledgeConfirmed;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectClaimed;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectDelivered;
import org.threelists.matchmaker.domain.ProjectValues.Claim;
import org.threelists.matchmaker.domain.ProjectValues.Consumption;
import org.threelists.matchmaker.domain.ProjectValues.DeliveryReport;
import org.threelists.matchmaker.domain.ProjectValues.Mode;
import org.threelists.matchmaker.domain.ProjectValues.Release;
import org.threelists.matchmaker.domain.ProjectValues.VolunteerHours;
import org.threelists.platform.problem.ProblemType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.threelists.matchmaker.domain.ProjectFixtures.*;

/**
 * Pledges are per unit (红色众筹): a unit that gives back gives back its own pledge only, under the claim deadline the
 * project had; a co-holder's delivery report cannot set what another holder's claim used, nor vouch for another
 * holder's volunteers' hours.
 */
class ProjectPerUnitTest {

    static final Claim COURT_4 = pledge(PLEDGE_1, COURT, COURT_RESOURCE, "4");
    static final Claim KINDERGARTEN_2 = pledge(PLEDGE_2, KINDERGARTEN, KINDERGARTEN_RESOURCE, "2");
    static final Release COURT_RELEASE = new Release(PLEDGE_1, COURT, COURT_RESOURCE);
    static final String WANG = "e0000000-0000-4000-8000-000000000001";
    static final String LI = "e0000000-0000-4000-8000-000000000002";

    FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    static List<Object> covered(Object... more) {
        List<Object> events = new ArrayList<>(publishedForPledges(requested(COURT_4), requested(KINDERGARTEN_2),
                pledgeConfirmed(COURT_4, "4"), pledgeConfirmed(KINDERGARTEN_2, "6"), new ProjectClaimed(ID, Mode.PLEDGE,
                        List.of(COURT_4.confirm(), KINDERGARTEN_2.confirm()), COMPLETION_DEADLINE, MATCHMAKER)));
        events.addAll(List.of(more));
        return events;
    }

    @Test
    void a_unit_giving_back_releases_only_its_own_pledge() {
        fixture.given(covered())
                .when(new ReleaseClaim(ID, COURT, "法官外出巡回审判", NEXT_CLAIM_DEADLINE, COURT))
                .expectEvents(new ClaimReleased(ID, List.of(COURT_RELEASE), "法官外出巡回审判", CLAIM_DEADLINE, COURT));
    }

    @Test
    void pledging_and_giving_back_does_not_restart_the_claim_deadline() {
        // still collecting pledges: the court's share is open again under the deadline the project was published with
        fixture.given(publishedForPledges(requested(COURT_4), pledgeConfirmed(COURT_4, "4")))
                .when(new ReleaseClaim(ID, COURT, "改期", NEXT_CLAIM_DEADLINE, COURT))
                .expectEvents(new ClaimReleased(ID, List.of(COURT_RELEASE), "改期", CLAIM_DEADLINE, COURT));
        // given back after that deadline, the project is overdue at once: the deadline's passing escalates it
        setUp();
        fixture.given(covered(new ClaimReleased(ID, List.of(COURT_RELEASE), "改期", CLAIM_DEADLINE, COURT)))
                .when(new PassDeadline(ID, DeadlineKind.CLAIM, CLAIM_DEADLINE, NEXT_CLAIM_DEADLINE, MATCHMAKER))
                .expectEvents(new DeadlineEscalated(ID, DeadlineKind.CLAIM, CLAIM_DEADLINE, List.of(), MATCHMAKER),
                        new ClaimExpired(ID, List.of(new Release(PLEDGE_2, KINDERGARTEN, KINDERGARTEN_RESOURCE)),
                                NEXT_CLAIM_DEADLINE, MATCHMAKER));
    }

    @Test
    void after_one_pledge_is_given_back_only_its_share_is_open_and_the_other_pledge_still_counts() {
        ClaimReleased courtLeaves = new ClaimReleased(ID, List.of(COURT_RELEASE), "改期", NEXT_CLAIM_DEADLINE, COURT);
        Claim agency = pledge(PLEDGE_3, AGENCY, AGENCY_RESOURCE, "4");
        fixture.given(covered(courtLeaves))
                .when(new PledgeToProject(ID, PLEDGE_3, AGENCY, AGENCY_RESOURCE, new BigDecimal("4.5"), PERIOD, AGENCY))
                .expectException(RefusalMatchers.problemOf(ProblemType.CONFLICT,
                        Map.of("open", new BigDecimal("4"))));
        setUp();
        fixture.given(covered(courtLeaves, requested(agency)))
                .when(new ConfirmReservation(ID, PLEDGE_3, COMPLETION_DEADLINE, MATCHMAKER))
                .expectEvents(new PledgeConfirmed(ID, agency.confirm(), SIX, MATCHMAKER),
                        new ProjectClaimed(ID, Mode.PLEDGE, List.of(KINDERGARTEN_2.confirm(), agency.confirm()),
                                COMPLETION_DEADLINE, MATCHMAKER));
    }

    @Test
    void a_unit_without_a_claim_gives_back_nothing() {
        expectRefused(fixture.given(covered())
                .when(new ReleaseClaim(ID, AGENCY, "?", NEXT_CLAIM_DEADLINE, AGENCY)), ProblemType.ILLEGAL_TRANSITION,
                "holds no claim or pledge");
    }

    @Test
    void the_desk_still_takes_back_every_pledge() {
        fixture.given(covered())
                .when(new ReleaseClaim(ID, null, "改派", NEXT_CLAIM_DEADLINE, DESK))
                .expectEvents(new ClaimReleased(ID, List.of(COURT_RELEASE,
                        new Release(PLEDGE_2, KINDERGARTEN, KINDERGARTEN_RESOURCE)), "改派", NEXT_CLAIM_DEADLINE, DESK));
    }

    @Test
    void a_co_holder_cannot_vouch_for_another_holders_volunteers() {
        DeliveryReport forged = new DeliveryReport(SERVICE_DAY, PLACE, List.of(
                new VolunteerHours(LI, KINDERGARTEN, "李*", new BigDecimal("1.5")),
                new VolunteerHours(WANG, COURT, "王*明", new BigDecimal("8"))), 20, null);
        expectInvalid(fixture.given(covered())
                .when(new ReportDelivery(ID, forged, null, KINDERGARTEN, KINDERGARTEN)), "report.volunteers[1].volunteerId");
        // the court's volunteer checked in and out: the kindergarten may list them, and they are credited what they
        // checked (2 h), not the 8 h the kindergarten wrote
        setUp();
        Instant start = Instant.parse("2026-12-12T01:00:00Z");
        fixture.given(covered(new VolunteerCheckedIn(ID, WANG, COURT, start, "in", false, "member:" + WANG),
                        new VolunteerCheckedOut(ID, WANG, COURT, start, start.plusSeconds(7200), "out", false,
                                new BigDecimal("2.00"), "member:" + WANG)))
                .when(new ReportDelivery(ID, forged, null, KINDERGARTEN, KINDERGARTEN))
                .expectEvents(new ProjectDelivered(ID, forged, List.of(
                        new Consumption(PLEDGE_1, COURT, COURT_RESOURCE, new BigDecimal("4")),
                        new Consumption(PLEDGE_2, KINDERGARTEN, KINDERGARTEN_RESOURCE, new BigDecimal("2"))),
                        KINDERGARTEN, List.of(
                        new ReconciledHours(LI, KINDERGARTEN, new BigDecimal("1.5"), null, new BigDecimal("1.5"),
                                HoursBasis.CONFIRMED_BY_UNIT, null),
                        new ReconciledHours(WANG, COURT, new BigDecimal("8"), new BigDecimal("2.00"),
                                new BigDecimal("2.00"), HoursBasis.CHECKED, new BigDecimal("6.00")))));
    }

    @Test
    void a_co_holder_cannot_set_what_another_holders_claim_used() {
        DeliveryReport report = new DeliveryReport(SERVICE_DAY, PLACE, List.of(
                new VolunteerHours("e0000000-0000-4000-8000-000000000002", KINDERGARTEN, "李*", new BigDecimal("1.5"))),
                20, null);
        expectInvalid(fixture.given(covered())
                .when(new ReportDelivery(ID, report, Map.of(PLEDGE_1, BigDecimal.ZERO), KINDERGARTEN, KINDERGARTEN)),
                "usedByClaim");
        setUp();
        fixture.given(covered())
                .when(new ReportDelivery(ID, report, Map.of(PLEDGE_2, new BigDecimal("1.5")), KINDERGARTEN, KINDERGARTEN))
                .expectEvents(delivered(report, List.of(
                        new Consumption(PLEDGE_1, COURT, COURT_RESOURCE, new BigDecimal("4")),
                        new Consumption(PLEDGE_2, KINDERGARTEN, KINDERGARTEN_RESOURCE, new BigDecimal("1.5"))),
                        KINDERGARTEN));
    }
}
