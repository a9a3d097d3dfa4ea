package org.threelists.matchmaker.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threelists.matchmaker.domain.ProjectCommands.ReportDelivery;
import org.threelists.matchmaker.domain.ProjectCommands.ScheduleProject;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectDelivered;
import org.threelists.matchmaker.domain.ProjectEvents.ProjectScheduled;
import org.threelists.matchmaker.domain.ProjectValues.Calendar;
import org.threelists.matchmaker.domain.ProjectValues.Consumption;
import org.threelists.matchmaker.domain.ProjectValues.DeliveryReport;
import org.threelists.matchmaker.domain.ProjectValues.VolunteerHours;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.threelists.matchmaker.domain.ProjectFixtures.*;

/**
 * A service is planned on a day of the project and reported on a day of the project that has come, with a bounded
 * number of volunteers.
 */
class ProjectDeliveryBoundsTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The project was published on 2026-11-20 (DECIDED_AT, 10:00 in Shanghai). */
    static final Calendar ON_SERVICE_DAY = new Calendar(SERVICE_DAY, SHANGHAI);

    FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    @Test
    void a_delivery_on_a_day_since_publication_up_to_today_is_recorded() {
        fixture.given(HISTORY.get(ProjectStatus.SCHEDULED))
                .when(new ReportDelivery(ID, REPORT, null, COURT, ON_SERVICE_DAY, COURT))
                .expectEvents(delivered(REPORT, List.of(new Consumption(CLAIM_ID, COURT, COURT_RESOURCE, SIX)),
                        COURT));
    }

    @Test
    void a_delivery_in_the_future_is_refused() {
        expectInvalid(fixture.given(HISTORY.get(ProjectStatus.SCHEDULED))
                .when(new ReportDelivery(ID, REPORT, null, COURT, new Calendar(SERVICE_DAY.minusDays(1), SHANGHAI), COURT)),
                "report.date");
    }

    @Test
    void a_delivery_before_the_project_was_published_is_refused() {
        DeliveryReport early = new DeliveryReport(LocalDate.of(2026, 11, 19), PLACE, REPORT.volunteers(), 3, null);
        expectInvalid(fixture.given(HISTORY.get(ProjectStatus.SCHEDULED))
                .when(new ReportDelivery(ID, early, null, COURT, ON_SERVICE_DAY, COURT)), "report.date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01", "-0001-01-01", "+999999999-12-31", "1999-12-31", "3000-01-01"})
    void a_service_dated_outside_the_records_years_is_refused_whatever_the_calendar(String date) {
        LocalDate day = LocalDate.parse(date);
        expectInvalid(fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                .when(new ScheduleProject(ID, day, PLACE, COURT)), "date");
        setUp();
        DeliveryReport report = new DeliveryReport(day, PLACE, REPORT.volunteers(), 3, null);
        expectInvalid(fixture.given(HISTORY.get(ProjectStatus.SCHEDULED))
                .when(new ReportDelivery(ID, report, null, COURT)), "report.date");
    }

    @Test
    void a_service_scheduled_on_the_day_of_publication_or_later_is_recorded() {
        fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                .when(new ScheduleProject(ID, LocalDate.of(2026, 11, 20), PLACE, SHANGHAI, COURT))
                .expectEvents(new ProjectScheduled(ID, LocalDate.of(2026, 11, 20), PLACE, COURT));
    }

    @Test
    void a_service_scheduled_before_the_project_was_published_is_refused() {
        expectInvalid(fixture.given(HISTORY.get(ProjectStatus.CLAIMED))
                .when(new ScheduleProject(ID, LocalDate.of(2026, 11, 19), PLACE, SHANGHAI, COURT)), "date");
        setUp();
        expectInvalid(fixture.given(HISTORY.get(ProjectStatus.SCHEDULED))
                .when(new ScheduleProject(ID, LocalDate.of(2026, 11, 19), PLACE, SHANGHAI, COURT)), "date");
    }

    @Test
    void a_report_names_at_most_five_hundred_volunteers() {
        List<VolunteerHours> crowd = new ArrayList<>();
        for (int i = 0; i <= ProjectInput.MAX_VOLUNTEERS; i++) {
            crowd.add(new VolunteerHours(UUID.randomUUID().toString(), COURT, null, BigDecimal.ONE));
        }
        expectInvalid(fixture.given(HISTORY.get(ProjectStatus.SCHEDULED))
                .when(new ReportDelivery(ID, new DeliveryReport(SERVICE_DAY, PLACE, crowd, 3, null), null, COURT,
                        ON_SERVICE_DAY, COURT)), "report.volunteers");
    }
}
