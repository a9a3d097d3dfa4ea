package org.threelists.matchmaker.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.threelists.matchmaker.domain.ProjectCommands.ReportDelivery;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectClaimed;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectDelivered;
import org.threelists.matchmaker.domain.ProjectValues.Claim;
import org.threelists.matchmaker.domain.ProjectValues.Consumption;
import org.threelists.matchmaker.domain.ProjectValues.DeliveryReport;
import org.threelists.matchmaker.domain.ProjectValues.Mode;
import org.threelists.matchmaker.domain.ProjectValues.VolunteerHours;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.threelists.matchmaker.domain.ProjectFixtures.*;

/**
 * The delivery report (三联单 service slip) and what the holders consumed of their reservations: what the report
 * says for a claim, or the whole reservation when it is silent.
 */
class ProjectDeliveryTest {

    static final String VOLUNTEER_1 = "e0000000-0000-4000-8000-000000000001";
    static final String VOLUNTEER_2 = "e0000000-0000-4000-8000-000000000002";
    static final Claim COURT_4 = pledge(PLEDGE_1, COURT, COURT_RESOURCE, "4");
    static final Claim KINDERGARTEN_2 = pledge(PLEDGE_2, KINDERGARTEN, KINDERGARTEN_RESOURCE, "2");

    FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    @Test
    void a_delivery_consumes_the_whole_reservation_when_the_report_is_silent() {
        fixture.given(HISTORY.get(ProjectStatus.SCHEDULED))
                .when(new ReportDelivery(ID, REPORT, null, COURT))
                .expectEvents(DELIVERED);
    }

    @Test
    void a_delivery_consumes_what_the_report_says_was_used() {
        fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                .when(new ReportDelivery(ID, REPORT, Map.of(CLAIM_ID, new BigDecimal("4.5")), COURT))
                .expectEvents(delivered(REPORT,
                        List.of(new Consumption(CLAIM_ID, COURT, COURT_RESOURCE, new BigDecimal("4.5"))), COURT));
    }

    @Test
    void a_claim_that_used_nothing_consumes_nothing() {
        fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                .when(new ReportDelivery(ID, REPORT, Map.of(CLAIM_ID, BigDecimal.ZERO), COURT))
                .expectEvents(delivered(REPORT,
                        List.of(new Consumption(CLAIM_ID, COURT, COURT_RESOURCE, BigDecimal.ZERO)), COURT));
    }

    @Test
    void a_crowd_funded_delivery_consumes_per_pledge() {
        DeliveryReport report = new DeliveryReport(SERVICE_DAY, PLACE, List.of(
                new VolunteerHours(VOLUNTEER_1, COURT, "王*明", new BigDecimal("3")),
                new VolunteerHours(VOLUNTEER_2, KINDERGARTEN, "李*", new BigDecimal("1.5"))), 20, null);
        fixture.given(coveredByPledges())
                .when(new ReportDelivery(ID, report, Map.of(PLEDGE_2, new BigDecimal("1.5")), KINDERGARTEN))
                .expectEvents(delivered(report, List.of(
                        new Consumption(PLEDGE_1, COURT, COURT_RESOURCE, new BigDecimal("4")),
                        new Consumption(PLEDGE_2, KINDERGARTEN, KINDERGARTEN_RESOURCE, new BigDecimal("1.5"))),
                        KINDERGARTEN));
    }

    @Test
    void a_report_without_volunteers_records_an_empty_list_and_a_trimmed_place() {
        fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                .when(new ReportDelivery(ID, new DeliveryReport(SERVICE_DAY, " " + PLACE + "\n", null, 0, null), null, COURT))
                .expectEvents(delivered(new DeliveryReport(SERVICE_DAY, PLACE, List.of(), 0, null),
                        List.of(new Consumption(CLAIM_ID, COURT, COURT_RESOURCE, SIX)), COURT));
    }

    @Test
    void a_volunteer_may_serve_a_full_day() {
        DeliveryReport report = withVolunteers(new VolunteerHours(VOLUNTEER_1, COURT, "王*明", new BigDecimal("24")));
        fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                .when(new ReportDelivery(ID, report, null, COURT))
                .expectEvents(delivered(report,
                        List.of(new Consumption(CLAIM_ID, COURT, COURT_RESOURCE, SIX)), COURT));
    }

    // --- what the report may say of consumption

    @Test
    void a_claim_cannot_use_more_than_it_reserved() {
        expectInvalid(fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                .when(new ReportDelivery(ID, REPORT, Map.of(CLAIM_ID, new BigDecimal("6.01")), COURT)), "usedByClaim");
    }

    @Test
    void a_use_is_counted_to_two_decimals() {
        expectInvalid(fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                .when(new ReportDelivery(ID, REPORT, Map.of(CLAIM_ID, new BigDecimal("5.005")), COURT)), "usedByClaim");
    }

    @Test
    void a_report_names_only_the_holders_claims() {
        expectInvalid(fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                .when(new ReportDelivery(ID, REPORT, Map.of("a0000000-0000-4000-8000-0000000000ff", BigDecimal.ONE), COURT)),
                "usedByClaim");
    }

    @Test
    void a_negative_or_missing_use_is_refused() {
        expectInvalid(fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                .when(new ReportDelivery(ID, REPORT, Map.of(CLAIM_ID, new BigDecimal("-1")), COURT)), "usedByClaim");
        setUp();
        Map<String, BigDecimal> missing = new HashMap<>();
        missing.put(CLAIM_ID, null);
        expectInvalid(fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                .when(new ReportDelivery(ID, REPORT, missing, COURT)), "usedByClaim");
    }

    // --- the report itself

    static Stream<Arguments> invalidReports() {
        return Stream.of(
                Arguments.of("no report", null, "report"),
                Arguments.of("no date", new DeliveryReport(null, PLACE, REPORT.volunteers(), 14, null), "report.date"),
                Arguments.of("no place", new DeliveryReport(SERVICE_DAY, " ", REPORT.volunteers(), 14, null), "report.place"),
                Arguments.of("a place over 200 characters", new DeliveryReport(SERVICE_DAY, "地".repeat(201),
                        REPORT.volunteers(), 14, null), "report.place"),
                Arguments.of("negative residents", new DeliveryReport(SERVICE_DAY, PLACE, REPORT.volunteers(), -1, null),
                        "report.residentsServed"),
                Arguments.of("notes over 2000 characters", new DeliveryReport(SERVICE_DAY, PLACE, REPORT.volunteers(), 14,
                        "记".repeat(2001)), "report.notes"),
                Arguments.of("a missing volunteer", withVolunteers((VolunteerHours) null), "report.volunteers[0]"),
                Arguments.of("a volunteer without id", withVolunteers(
                        new VolunteerHours(" ", COURT, "王*明", BigDecimal.ONE)), "report.volunteers[0].volunteerId"),
                Arguments.of("a volunteer reported twice", withVolunteers(
                        new VolunteerHours(VOLUNTEER_1, COURT, "王*明", BigDecimal.ONE),
                        new VolunteerHours(VOLUNTEER_1, COURT, "王*明", new BigDecimal("2"))), "report.volunteers[1].volunteerId"),
                Arguments.of("a volunteer of a unit that does not hold the project", withVolunteers(
                        new VolunteerHours(VOLUNTEER_1, COURT, "王*明", BigDecimal.ONE),
                        new VolunteerHours(VOLUNTEER_2, AGENCY, "张*", BigDecimal.ONE)), "report.volunteers[1].unitId"),
                Arguments.of("a volunteer without unit", withVolunteers(
                        new VolunteerHours(VOLUNTEER_1, null, "王*明", BigDecimal.ONE)), "report.volunteers[0].unitId"),
                Arguments.of("no hours", withVolunteers(
                        new VolunteerHours(VOLUNTEER_1, COURT, "王*明", null)), "report.volunteers[0].hours"),
                Arguments.of("0 hours", withVolunteers(
                        new VolunteerHours(VOLUNTEER_1, COURT, "王*明", BigDecimal.ZERO)), "report.volunteers[0].hours"),
                Arguments.of("more than 24 hours", withVolunteers(
                        new VolunteerHours(VOLUNTEER_1, COURT, "王*明", new BigDecimal("24.5"))), "report.volunteers[0].hours"),
                Arguments.of("a masked name over 40 characters", withVolunteers(
                        new VolunteerHours(VOLUNTEER_1, COURT, "王".repeat(41), BigDecimal.ONE)),
                        "report.volunteers[0].maskedName"));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("invalidReports")
    void an_invalid_report_is_refused_and_records_nothing(String what, DeliveryReport report, String field) {
        expectInvalid(fixture.given(HISTORY.get(ProjectStatus.SCHEDULED)).when(new ReportDelivery(ID, report, null, COURT)),
                field);
    }

    @Test
    void the_volunteers_of_one_pledging_unit_may_report_for_all() {
        DeliveryReport report = withVolunteers(new VolunteerHours(VOLUNTEER_2, KINDERGARTEN, "李*", new BigDecimal("2")));
        fixture.given(coveredByPledges())
                .when(new ReportDelivery(ID, report, null, KINDERGARTEN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(delivered(report, List.of(
                        new Consumption(PLEDGE_1, COURT, COURT_RESOURCE, new BigDecimal("4")),
                        new Consumption(PLEDGE_2, KINDERGARTEN, KINDERGARTEN_RESOURCE, new BigDecimal("2"))), KINDERGARTEN));
    }

    static DeliveryReport withVolunteers(VolunteerHours... volunteers) {
        return new DeliveryReport(SERVICE_DAY, PLACE, Arrays.asList(volunteers), 14, "讲解遗嘱继承与防诈骗");
    }

    static List<Object> coveredByPledges() {
        return publishedForPledges(requested(COURT_4), requested(KINDERGARTEN_2), pledgeConfirmed(COURT_4, "4"),
                pledgeConfirmed(KINDERGARTEN_2, "6"), new ProjectClaimed(ID, Mode.PLEDGE,
                        List.of(COURT_4.confirm(), KINDERGARTEN_2.confirm()), COMPLETION_DEADLINE, MATCHMAKER));
    }
}
