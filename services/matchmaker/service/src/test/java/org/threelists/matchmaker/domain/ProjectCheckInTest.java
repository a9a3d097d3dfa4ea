package org.threelists.matchmaker.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.domain.ProjectCommands.CheckInVolunteer;
import org.threelists.matchmaker.domain.ProjectCommands.CheckOutVolunteer;
import org.threelists.matchmaker.domain.ProjectCommands.ReportDelivery;
import org.threelists.matchmaker.domain.ProjectEvents.ClaimReleased;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectDelivered;
import org.threelists.matchmaker.domain.ProjectEvents.VolunteerCheckedIn;
import org.threelists.matchmaker.domain.ProjectEvents.VolunteerCheckedOut;
import org.threelists.matchmaker.domain.ProjectValues.Consumption;
import org.threelists.matchmaker.domain.ProjectValues.DeliveryReport;
import org.threelists.matchmaker.domain.ProjectValues.HoursBasis;
import org.threelists.matchmaker.domain.ProjectValues.ReconciledHours;
import org.threelists.matchmaker.domain.ProjectValues.Release;
import org.threelists.matchmaker.domain.ProjectValues.VolunteerHours;
import org.threelists.platform.problem.ProblemType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.threelists.matchmaker.domain.ProjectFixtures.*;

/**
 * Check-in and check-out at the scheduled activity (签到/签退), and the delivery report reconciled against them: hours
 * come from the checked time; the report's hours count, as confirmed by the unit, only for a volunteer who did not
 * check in and out; a difference is recorded, not smoothed over.
 */
class ProjectCheckInTest {

    static final String WANG = "e0000000-0000-4000-8000-000000000001";
    static final String LI = "e0000000-0000-4000-8000-000000000002";
    static final String ZHAO = "e0000000-0000-4000-8000-000000000003";
    static final String VOLUNTEER = "member:" + WANG;
    static final Instant START = Instant.parse("2026-12-12T01:00:00Z");
    static final String CODE_IN = "nonce-in-1";
    static final String CODE_OUT = "nonce-out-1";

    FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    @Test
    void a_volunteer_of_the_holder_checks_in_at_the_scheduled_activity() {
        fixture.given(HISTORY.get(ProjectStatus.SCHEDULED))
                .when(new CheckInVolunteer(ID, WANG, COURT, CODE_IN, true, START, VOLUNTEER))
                .expectEvents(new VolunteerCheckedIn(ID, WANG, COURT, START, CODE_IN, true, VOLUNTEER));
    }

    @Test
    void nobody_checks_in_before_the_activity_is_scheduled_nor_after_the_delivery() {
        expectRefused(fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                .when(new CheckInVolunteer(ID, WANG, COURT, CODE_IN, false, START, VOLUNTEER)),
                ProblemType.ILLEGAL_TRANSITION, "check in to project " + ID);
        expectRefused(fixture.given(HISTORY.get(ProjectStatus.DELIVERED))
                .when(new CheckOutVolunteer(ID, WANG, COURT, CODE_OUT, false, START, VOLUNTEER)),
                ProblemType.ILLEGAL_TRANSITION, "check out of project " + ID);
    }

    @Test
    void a_volunteer_of_a_unit_not_holding_the_project_is_refused() {
        expectInvalid(fixture.given(HISTORY.get(ProjectStatus.SCHEDULED))
                .when(new CheckInVolunteer(ID, WANG, KINDERGARTEN, CODE_IN, false, START, VOLUNTEER)), "volunteerId");
    }

    @Test
    void a_code_opens_its_purpose_once_per_volunteer_and_is_shown_to_them_all() {
        fixture.given(after(ProjectStatus.SCHEDULED, checkedIn(WANG, START), checkedOut(WANG, START, 60)))
                .when(new CheckInVolunteer(ID, WANG, COURT, CODE_IN, false, START.plusSeconds(3600), VOLUNTEER))
                .expectNoEvents()
                .expectException(org.threelists.testing.RefusalMatchers.problemOf(ProblemType.INVALID_INPUT))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("used already"));
        fixture.given(after(ProjectStatus.SCHEDULED, checkedIn(WANG, START)))
                .when(new CheckInVolunteer(ID, LI, COURT, CODE_IN, false, START, "member:" + LI))
                .expectEvents(new VolunteerCheckedIn(ID, LI, COURT, START, CODE_IN, false, "member:" + LI));
    }

    @Test
    void one_round_at_a_time_and_no_check_out_without_a_check_in() {
        expectRefused(fixture.given(after(ProjectStatus.SCHEDULED, checkedIn(WANG, START)))
                .when(new CheckInVolunteer(ID, WANG, COURT, "nonce-in-2", false, START.plusSeconds(60), VOLUNTEER)),
                ProblemType.ILLEGAL_TRANSITION, "again before checking out");
        expectRefused(fixture.given(HISTORY.get(ProjectStatus.SCHEDULED))
                .when(new CheckOutVolunteer(ID, WANG, COURT, CODE_OUT, false, START, VOLUNTEER)),
                ProblemType.ILLEGAL_TRANSITION, "without checking in");
    }

    @Test
    void the_checked_hours_add_up_every_round_to_the_nearest_quarter_hour() {
        Instant secondStart = START.plus(Duration.ofHours(3));
        fixture.given(after(ProjectStatus.SCHEDULED, checkedIn(WANG, START), checkedOut(WANG, START, 80),
                        new VolunteerCheckedIn(ID, WANG, COURT, secondStart, "nonce-in-2", false, VOLUNTEER)))
                .when(new CheckOutVolunteer(ID, WANG, COURT, "nonce-out-2", false, secondStart.plusSeconds(37 * 60),
                        VOLUNTEER))
                .expectEvents(new VolunteerCheckedOut(ID, WANG, COURT, secondStart, secondStart.plusSeconds(37 * 60),
                        "nonce-out-2", false, new BigDecimal("2.00"), VOLUNTEER));
    }

    @Test
    void the_delivery_is_reconciled_with_the_check_ins_and_credits_the_checked_hours() {
        DeliveryReport report = new DeliveryReport(SERVICE_DAY, PLACE, List.of(
                new VolunteerHours(WANG, COURT, "王*明", new BigDecimal("2.5")),
                new VolunteerHours(LI, COURT, "李*", new BigDecimal("1.5"))), 14, null);
        fixture.given(after(ProjectStatus.SCHEDULED, checkedIn(WANG, START), checkedOut(WANG, START, 120),
                        checkedIn(ZHAO, START), checkedOut(ZHAO, START, 60)))
                .when(new ReportDelivery(ID, report, null, COURT))
                .expectEvents(new ProjectDelivered(ID, report,
                        List.of(new Consumption(CLAIM_ID, COURT, COURT_RESOURCE, SIX)), COURT, List.of(
                        new ReconciledHours(WANG, COURT, new BigDecimal("2.5"), new BigDecimal("2.00"),
                                new BigDecimal("2.00"), HoursBasis.CHECKED, new BigDecimal("0.50")),
                        new ReconciledHours(LI, COURT, new BigDecimal("1.5"), null, new BigDecimal("1.5"),
                                HoursBasis.CONFIRMED_BY_UNIT, null),
                        new ReconciledHours(ZHAO, COURT, null, new BigDecimal("1.00"), null, null,
                                new BigDecimal("-1.00")))));
    }

    @Test
    void a_volunteer_who_never_checked_out_is_credited_the_reported_hours_as_confirmed_by_the_unit() {
        fixture.given(after(ProjectStatus.SCHEDULED, checkedIn(WANG, START)))
                .when(new ReportDelivery(ID, REPORT, null, COURT))
                .expectEvents(DELIVERED);
    }

    @Test
    void a_project_given_back_loses_its_check_ins_with_its_schedule() {
        fixture.given(after(ProjectStatus.SCHEDULED, checkedIn(WANG, START), checkedOut(WANG, START, 120),
                        new ClaimReleased(ID, List.of(new Release(CLAIM_ID, COURT, COURT_RESOURCE)), "改期",
                                NEXT_CLAIM_DEADLINE, COURT),
                        requested(claim("a0000000-0000-4000-8000-000000000002", ProjectValues.Mode.CLAIM, COURT,
                                COURT_RESOURCE, SIX)),
                        new ProjectEvents.ProjectClaimed(ID, ProjectValues.Mode.CLAIM, List.of(claim(
                                "a0000000-0000-4000-8000-000000000002", ProjectValues.Mode.CLAIM, COURT,
                                COURT_RESOURCE, SIX).confirm()), COMPLETION_DEADLINE, MATCHMAKER)))
                .when(new ReportDelivery(ID, REPORT, null, COURT))
                .expectEvents(delivered(REPORT, List.of(new Consumption("a0000000-0000-4000-8000-000000000002", COURT,
                        COURT_RESOURCE, SIX)), COURT));
    }

    private static VolunteerCheckedIn checkedIn(String volunteerId, Instant at) {
        return new VolunteerCheckedIn(ID, volunteerId, COURT, at, CODE_IN, false, "member:" + volunteerId);
    }

    private static VolunteerCheckedOut checkedOut(String volunteerId, Instant checkedInAt, int minutes) {
        return new VolunteerCheckedOut(ID, volunteerId, COURT, checkedInAt, checkedInAt.plusSeconds(minutes * 60L),
                CODE_OUT, false, BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2,
                java.math.RoundingMode.HALF_UP), "member:" + volunteerId);
    }
}
