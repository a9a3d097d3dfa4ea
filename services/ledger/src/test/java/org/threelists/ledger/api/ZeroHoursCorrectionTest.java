package org.threelists.ledger.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.threelists.devkit.DevTokens;
import org.threelists.ledger.messaging.Topics;
import org.threelists.testing.RealInfrastructure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.ledger.Fixtures.as;
import static org.threelists.ledger.Fixtures.awaitConsumed;
import static org.threelists.ledger.Fixtures.deliverConfirmed;
import static org.threelists.ledger.Fixtures.delivered;
import static org.threelists.ledger.Fixtures.publish;
import static org.threelists.ledger.Fixtures.resourceListEvent;
import static org.threelists.ledger.Fixtures.unitRegistered;
import static org.threelists.ledger.Fixtures.uuid;
import static org.threelists.ledger.Fixtures.volunteerHours;
import static org.threelists.ledger.Fixtures.volunteerRegistered;

/**
 * The desk corrects a volunteer's hours to 0 when the volunteer was reported but did not serve: from then on the
 * service counts for nothing in the volunteer's name — no line on an hour statement, no volunteer in the reports, the
 * rankings, the monthly summary or a unit's yearly summary — until a later correction puts hours back
 * (services/ledger/README.md, "Hours corrected to 0"). Each test has a year of 殿前街道 that no other suite records:
 * 2020, 2019, 2018, 2017.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ZeroHoursCorrectionTest {

    static final String STREET = "dianqian";
    static final String COMMUNITY = "jiafu";
    static final String DESK = DevTokens.desk("desk-dianqian-zero", STREET);
    static final String AUDITOR = DevTokens.auditor("auditor-dianqian-zero", STREET);
    static final String COURT = "unit-zero-court";
    static final String CLINIC = "unit-zero-clinic";

    @Test
    void a_statement_issued_after_a_correction_to_0_neither_lists_nor_counts_the_service() {
        String volunteer = registered("林*", COURT);
        String absent = confirmed(LocalDate.of(2020, 3, 5), Map.of(volunteer, 3.0));
        confirmed(LocalDate.of(2020, 3, 18), Map.of(volunteer, 2.0));
        String onlyAbsent = registered("邓*", COURT);
        String neverServed = confirmed(LocalDate.of(2020, 3, 20), Map.of(onlyAbsent, 2.5));
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);

        correct(hoursEntry(absent, volunteer), 0);
        correct(hoursEntry(neverServed, onlyAbsent), 0);

        JsonPath statement = issue(volunteer, "2020-03-01", "2020-03-31").then().statusCode(201).extract().jsonPath();
        assertThat(statement.getString("hours")).isEqualTo("2");
        assertThat(statement.getString("content")).as("服务次数 and the services listed")
                .startsWith("志愿服务1次：2020-03-18 ").doesNotContain("2020-03-05").doesNotContain("0小时");
        // a volunteer who served only in name has no hours to certify
        issue(onlyAbsent, "2020-03-01", "2020-03-31").then().statusCode(400);

        correct(hoursEntry(neverServed, onlyAbsent), 1.5);
        JsonPath served = issue(onlyAbsent, "2020-03-01", "2020-03-31").then().statusCode(201).extract().jsonPath();
        assertThat(served.getString("hours")).isEqualTo("1.5");
        assertThat(served.getString("content")).startsWith("志愿服务1次：2020-03-20 ").endsWith("1.5小时");
    }

    @Test
    void a_volunteer_corrected_to_0_is_no_volunteer_of_the_reports_nor_of_the_monthly_summary() {
        String court = registered("许*", COURT);
        String clinic = registered("何*", CLINIC);
        String other = registered("吕*", COURT);
        // May 2019: court's volunteer served on the 10th only in name; June: court's volunteer served for real
        String may = confirmed(LocalDate.of(2019, 5, 10), Map.of(court, 3.0, clinic, 2.0));
        confirmed(LocalDate.of(2019, 5, 20), Map.of(other, 1.0));
        String june = confirmed(LocalDate.of(2019, 6, 5), Map.of(court, 4.0));
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        correct(hoursEntry(may, court), 0);
        correct(hoursEntry(june, court), 3);   // still serving in June, fewer hours: counted there

        // a whole month (the month roll-ups), days inside it, a whole year, months and days around them
        assertVolunteers("2019-05-01", "2019-05-31", "community", Map.of(COMMUNITY, 2L), 2);
        assertVolunteers("2019-05-01", "2019-05-15", "community", Map.of(COMMUNITY, 1L), 1);
        assertVolunteers("2019-04-20", "2019-05-31", "category", Map.of("HEALTH", 2L), 2);
        assertVolunteers("2019-05-01", "2019-06-30", "month", Map.of("2019-05", 2L, "2019-06", 1L), 3);
        assertVolunteers("2019-01-01", "2019-12-31", "street", Map.of(STREET, 3L), 3);
        assertVolunteers("2019-05-01", "2019-05-31", "unit", Map.of(COURT, 1L, CLINIC, 1L), 2);
        assertVolunteers("2019-04-20", "2019-06-10", "unit", Map.of(COURT, 2L, CLINIC, 1L), 3);
        assertThat(report(DevTokens.unit("staff-court", COURT, STREET), "month", "2019-05-01", "2019-05-31")
                .getLong("totals.volunteers")).as("the court's own May").isEqualTo(1);

        as(DESK).body(Map.of("month", "2019-05")).post("/ledger/municipal-summaries").then().statusCode(201)
                .body("figures.volunteers", org.hamcrest.Matchers.equalTo(2));

        correct(hoursEntry(may, court), 0.5);
        assertVolunteers("2019-05-01", "2019-05-31", "community", Map.of(COMMUNITY, 3L), 3);
        assertVolunteers("2019-05-01", "2019-05-15", "unit", Map.of(COURT, 1L, CLINIC, 1L), 2);
    }

    @Test
    void a_volunteer_corrected_to_0_takes_no_place_nor_points_in_the_rankings() {
        String absent = registered("贺*", COURT);
        String partly = registered("汤*", CLINIC);
        String first = confirmed(LocalDate.of(2018, 5, 10), Map.of(absent, 2.0, partly, 2.0));
        String second = confirmed(LocalDate.of(2018, 5, 12), Map.of(partly, 1.0));
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        correct(hoursEntry(first, absent), 0);
        correct(hoursEntry(first, partly), 0);
        assertThat(second).isNotNull();

        assertThat(ranking("volunteers")).as("id points hours completed projects")
                .containsExactly(partly + " 11 1 1");
        assertThat(ranking("units")).as("the court took part only in name").containsExactly(CLINIC + " 11 1 1");
    }

    @Test
    void a_unit_s_yearly_summary_counts_no_volunteer_whose_hours_for_it_were_corrected_to_0() {
        publish(Topics.RESOURCE_EVENTS, COURT, resourceListEvent("unit.registered", COURT,
                unitRegistered(COURT, "湖里区人民法院", STREET, COMMUNITY)));
        String absent = registered("龚*", COURT);
        String present = registered("程*", COURT);
        String project = confirmed(LocalDate.of(2017, 9, 9), Map.of(absent, 2.0, present, 3.0));
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        correct(hoursEntry(project, absent), 0);

        JsonPath summary = as(AUDITOR).queryParam("year", 2017).get("/ledger/units/" + COURT + "/yearly-summary").then()
                .statusCode(200).extract().jsonPath();
        assertThat(summary.getLong("volunteers")).as("served for the court").isEqualTo(1);
        assertThat(summary.getLong("memberVolunteers")).as("the court's own, wherever they served").isEqualTo(1);
        assertThat(RollupFiguresTest.plain(summary.get("servedHours"))).isEqualTo("3");
    }

    private static void assertVolunteers(String from, String to, String groupBy, Map<String, Long> rows, long total) {
        JsonPath report = report(AUDITOR, groupBy, from, to);
        Map<String, Long> actual = new java.util.TreeMap<>();
        for (Map<String, Object> row : report.<Map<String, Object>>getList("rows")) {
            actual.put(String.valueOf(row.get("key")), Long.parseLong(String.valueOf(row.get("volunteers"))));
        }
        String what = "volunteers by " + groupBy + " " + from + ".." + to;
        assertThat(actual).as(what).isEqualTo(new java.util.TreeMap<>(rows));
        assertThat(report.getLong("totals.volunteers")).as("total " + what).isEqualTo(total);
    }

    private static JsonPath report(String token, String groupBy, String from, String to) {
        return as(token).queryParam("groupBy", groupBy).queryParam("from", from).queryParam("to", to)
                .get("/ledger/reports").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ranking(String of) {
        JsonPath ranking = as(AUDITOR).queryParam("of", of).queryParam("from", "2018-05-01").queryParam("to", "2018-05-31")
                .get("/ledger/rankings").then().statusCode(200).extract().jsonPath();
        List<String> out = new ArrayList<>();
        for (Map<String, Object> s : ranking.<Map<String, Object>>getList("standings")) {
            out.add(s.get("id") + " " + RollupFiguresTest.plain(s.get("points")) + " "
                    + RollupFiguresTest.plain(s.get("hours")) + " " + s.get("completedProjects"));
        }
        return out;
    }

    private static String registered(String masked, String unit) {
        String volunteer = uuid();
        UNITS.put(volunteer, unit);
        publish(Topics.RESOURCE_EVENTS, unit, resourceListEvent("volunteer.registered", volunteer,
                volunteerRegistered(volunteer, unit, COMMUNITY, masked)));
        awaitConsumed("ledger.resource-list", Topics.RESOURCE_EVENTS);
        return volunteer;
    }

    /** A confirmed delivery of the volunteers' hours (each for the unit they registered with); answers the project. */
    private static String confirmed(LocalDate date, Map<String, Double> hours) {
        String project = uuid();
        List<Map<String, Object>> served = new ArrayList<>();
        hours.forEach((volunteer, h) -> served.add(volunteerHours(volunteer, unitOf(volunteer), h)));
        deliverConfirmed(delivered(project, STREET, COMMUNITY, "HEALTH", date, 3, served, List.of()));
        return project;
    }

    private static final Map<String, String> UNITS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String unitOf(String volunteer) {
        return UNITS.get(volunteer);
    }

    private static io.restassured.response.Response issue(String volunteer, String from, String to) {
        return as(DESK).body(Map.of("volunteerId", volunteer, "from", from, "to", to)).post("/ledger/statements");
    }

    private static String hoursEntry(String project, String volunteer) {
        String entry = as(DESK).queryParam("project", project).queryParam("kind", "HOURS").get("/ledger/entries").then()
                .statusCode(200).extract().jsonPath().getString("items.find { it.volunteerId == '" + volunteer
                        + "' }.entryId");
        assertThat(entry).as("the HOURS entry of " + volunteer).isNotNull();
        return entry;
    }

    private static void correct(String entryId, double hours) {
        as(DESK).body(Map.of("hours", hours, "reason", "签到表核对：未到场")).post("/ledger/entries/" + entryId
                + "/corrections").then().statusCode(201);
    }
}
