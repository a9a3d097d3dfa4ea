package org.threelists.resource.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.threelists.resource.domain.CapacityPeriod;
import org.threelists.resource.domain.CapacityUnit;
import org.threelists.resource.domain.ResourceStatus;
import org.threelists.resource.domain.ResourceType;
import org.threelists.resource.projection.ReservationView;
import org.threelists.resource.projection.ResourceView;
import org.threelists.testing.RealInfrastructure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.threelists.resource.Fixtures.DIANQIAN_AUDITOR;
import static org.threelists.resource.Fixtures.DIANQIAN_DESK;
import static org.threelists.resource.Fixtures.HEPING_AUDITOR;
import static org.threelists.resource.Fixtures.HEPING_DESK;
import static org.threelists.resource.Fixtures.JIAFU_WORKER;
import static org.threelists.resource.Fixtures.LIANQIAO_WORKER;
import static org.threelists.resource.Fixtures.PROBLEM_JSON;
import static org.threelists.resource.Fixtures.amendment;
import static org.threelists.resource.Fixtures.anonymous;
import static org.threelists.resource.Fixtures.as;
import static org.threelists.resource.Fixtures.committed;
import static org.threelists.resource.Fixtures.legalAdvice;
import static org.threelists.resource.Fixtures.newProjectId;
import static org.threelists.resource.Fixtures.number;
import static org.threelists.resource.Fixtures.offered;
import static org.threelists.resource.Fixtures.problem;
import static org.threelists.resource.Fixtures.registeredHepingUnit;
import static org.threelists.resource.Fixtures.registeredUnit;
import static org.threelists.resource.Fixtures.reservation;
import static org.threelists.resource.Fixtures.reserved;
import static org.threelists.resource.Fixtures.storedResource;
import static org.threelists.resource.Fixtures.unitToken;
import static org.threelists.resource.Fixtures.with;

/** /resources: offering, reading, searching, amending and withdrawing offers; who may, and what is stored. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ResourceResourceTest {

    private static final String UNKNOWN = "00000000-0000-0000-0000-00000000dead";

    // ---- POST /resources --------------------------------------------------------------------------------------

    @Test
    void a_unit_offers_a_resource_and_it_is_stored() {
        String unitId = registeredUnit();
        ExtractableResponse<Response> created = as(unitToken(unitId)).body(legalAdvice(unitId, 10, "TOTAL"))
                .post("/resources")
                .then().statusCode(201)
                .body("unitId", equalTo(unitId))
                .body("streetCode", equalTo("dianqian"))
                .body("type", equalTo("PROFESSIONAL_SERVICE"))
                .body("typeLabel", equalTo("专业服务"))
                .body("title", equalTo("法官进社区：法律咨询"))
                .body("categories", equalTo(List.of("LEGAL_ADVICE", "DISPUTE_MEDIATION")))
                .body("skills", equalTo(List.of("法律咨询")))
                .body("serviceArea", equalTo(List.of("jiafu")))
                .body("availability.weeklySlots[0].dayOfWeek", equalTo("SATURDAY"))
                .body("capacity.amount", number(10))
                .body("capacity.unit", equalTo("SERVICE_HOURS"))
                .body("capacity.unitLabel", equalTo("服务时长(小时)"))
                .body("capacity.period", equalTo("TOTAL"))
                .body("capacity.usage", hasSize(1))
                .body("capacity.usage[0].period", equalTo("TOTAL"))
                .body("capacity.usage[0].reserved", number(0))
                .body("capacity.usage[0].remaining", number(10))
                .body("status", equalTo("ACTIVE"))
                .body("statusLabel", equalTo("可用"))
                .body("reservations", hasSize(0))
                .body("offeredBy", equalTo("unit:staff-" + unitId))
                .body("version", equalTo(0))
                .extract();
        String resourceId = created.path("resourceId");
        assertThat(created.header("Location")).endsWith("/resources/" + resourceId);

        ResourceView stored = storedResource(resourceId);
        assertThat(stored.unitId).isEqualTo(unitId);
        assertThat(stored.streetCode).isEqualTo("dianqian");
        assertThat(stored.type).isEqualTo(ResourceType.PROFESSIONAL_SERVICE);
        assertThat(stored.title).isEqualTo("法官进社区：法律咨询");
        assertThat(stored.categories).containsExactly("LEGAL_ADVICE", "DISPUTE_MEDIATION");
        assertThat(stored.serviceArea).containsExactly("jiafu");
        assertThat(stored.availability).contains("SATURDAY").contains("09:00").contains("11:30");
        assertThat(stored.capacityAmount).isEqualByComparingTo("10");
        assertThat(stored.capacityUnit).isEqualTo(CapacityUnit.SERVICE_HOURS);
        assertThat(stored.capacityPeriod).isEqualTo(CapacityPeriod.TOTAL);
        assertThat(stored.validFrom).isEqualTo(LocalDate.now());
        assertThat(stored.validUntil).isEqualTo(LocalDate.now().plusYears(1));
        assertThat(stored.availableFrom).isEqualTo(LocalDate.now());
        assertThat(stored.availableUntil).isEqualTo(LocalDate.now().plusYears(1));
        assertThat(stored.status).isEqualTo(ResourceStatus.ACTIVE);
        assertThat(stored.offeredBy).isEqualTo("unit:staff-" + unitId);
        as(JIAFU_WORKER).get("/resources/{id}", resourceId).then().statusCode(200)
                .body("title", equalTo("法官进社区：法律咨询"));
    }

    @Test
    void times_dates_amounts_and_room_numbers_in_a_description_are_no_personal_data() {
        String unitId = registeredUnit();
        String description = "每周六 09:00-11:30，2026-12-01 起，可容纳 30 人，预算 20000 元，地点 3 号楼 101 室，"
                + "每次 2 小时，编号 2026120100001";
        as(unitToken(unitId)).body(with(legalAdvice(unitId, 10, "TOTAL"), "description", description)).post("/resources")
                .then().statusCode(201).body("description", equalTo(description));
    }

    @Test
    void an_open_ended_offer_without_date_ranges_is_stored_with_no_end() {
        String unitId = registeredUnit();
        Map<String, Object> body = legalAdvice(unitId, 10, "TOTAL");
        body.remove("validUntil");
        String resourceId = as(unitToken(unitId)).body(body).post("/resources").then().statusCode(201)
                .body("validUntil", nullValue()).extract().path("resourceId");
        assertThat(storedResource(resourceId).availableUntil).isNull();
        assertThat(storedResource(resourceId).availableFrom).isEqualTo(LocalDate.now());
    }

    @Test
    void the_desk_offers_on_behalf_of_a_unit_of_its_street() {
        String unitId = registeredUnit();
        String resourceId = as(DIANQIAN_DESK).body(with(legalAdvice(unitId, 500, "TOTAL"), "type", "FUNDS"))
                .post("/resources").then().statusCode(201)
                .body("unitId", equalTo(unitId))
                .body("capacity.unit", equalTo("YUAN"))
                .body("offeredBy", equalTo("desk:desk-dianqian"))
                .extract().path("resourceId");
        ResourceView stored = storedResource(resourceId);
        assertThat(stored.unitId).isEqualTo(unitId);
        assertThat(stored.type).isEqualTo(ResourceType.FUNDS);
        assertThat(stored.capacityUnit).isEqualTo(CapacityUnit.YUAN);
        assertThat(stored.offeredBy).isEqualTo("desk:desk-dianqian");
    }

    @Test
    void offering_for_another_unit_is_403_and_nothing_is_stored() {
        String unitId = registeredUnit();
        String otherUnit = registeredUnit();
        for (String token : new String[] {unitToken(otherUnit), HEPING_DESK, JIAFU_WORKER, DIANQIAN_AUDITOR}) {
            as(token).body(legalAdvice(unitId, 10, "TOTAL")).post("/resources").then()
                    .statusCode(403)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo(problem("forbidden")));
        }
        assertThat(resourcesOf(unitId)).isZero();
        assertThat(resourcesOf(otherUnit)).isZero();
    }

    @Test
    void offering_without_a_token_is_401() {
        String unitId = registeredUnit();
        anonymous().body(legalAdvice(unitId, 10, "TOTAL")).post("/resources").then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("unauthenticated")));
        assertThat(resourcesOf(unitId)).isZero();
    }

    @Test
    void a_unit_that_left_cannot_offer() {
        String unitId = registeredUnit();
        as(DIANQIAN_DESK).post("/units/{id}/leave", unitId).then().statusCode(200);
        as(unitToken(unitId)).body(legalAdvice(unitId, 10, "TOTAL")).post("/resources").then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("illegal-transition")))
                .body("state", equalTo("LEFT"));
        as(DIANQIAN_DESK).body(legalAdvice(unitId, 10, "TOTAL")).post("/resources").then().statusCode(409);
        assertThat(resourcesOf(unitId)).isZero();
    }

    @Test
    void a_service_area_outside_the_units_street_is_400() {
        String unitId = registeredUnit();
        as(unitToken(unitId)).body(with(legalAdvice(unitId, 10, "TOTAL"), "serviceArea", List.of("jiafu", "lianqiao")))
                .post("/resources").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("invalid-input")))
                .body("violations.field", hasItem("serviceArea"))
                .body("detail", containsString("lianqiao"));
        as(unitToken(unitId)).body(with(legalAdvice(unitId, 10, "TOTAL"), "serviceArea", List.of("atlantis")))
                .post("/resources").then()
                .statusCode(400)
                .body("violations.field", hasItem("serviceArea"))
                .body("detail", containsString("atlantis"));
        assertThat(resourcesOf(unitId)).isZero();
    }

    @Test
    void every_invalid_offer_is_400_naming_the_field_and_nothing_is_stored() {
        String unitId = registeredUnit();
        Map<String, Object> valid = legalAdvice(unitId, 10, "TOTAL");
        long before = ResourceView.TABLE.count("TRUE");
        assertInvalid(unitId, with(valid, "title", "  "), "title");
        assertInvalid(unitId, with(valid, "title", null), "title");
        assertInvalid(unitId, with(valid, "categories", List.of()), "categories");
        assertInvalid(unitId, with(valid, "categories", null), "categories");
        assertInvalid(unitId, with(valid, "categories", List.of("LEGAL_ADVICE", "KARAOKE")), "categories[1]");
        assertInvalid(unitId, with(valid, "type", null), "type");
        assertInvalid(unitId, with(valid, "type", "SPACESHIP"), "type");
        assertInvalid(unitId, with(valid, "serviceArea", List.of()), "serviceArea");
        assertInvalid(unitId, with(valid, "capacity", Map.of("amount", 0, "period", "TOTAL")), "capacity.amount");
        assertInvalid(unitId, with(valid, "capacity", Map.of("amount", -5, "period", "TOTAL")), "capacity.amount");
        assertInvalid(unitId, with(valid, "capacity", Map.of("amount", 10)), "capacity.period");
        assertInvalid(unitId, with(valid, "capacity", Map.of("amount", 10, "period", "WEEKLY")), "capacity.period");
        assertInvalid(unitId, with(valid, "capacity", null), "capacity");
        assertInvalid(unitId, with(valid, "validFrom", null), "validFrom");
        assertInvalid(unitId, with(valid, "validFrom", "next tuesday"), "validFrom");
        assertInvalid(unitId, with(valid, "validUntil", LocalDate.now().minusDays(1).toString()), "validUntil");
        // years no four-digit date carries (Jackson reads them): refused, never published in a form the topic rejects
        for (String date : List.of("+10000-01-01", "-0001-01-01", "+999999999-12-31", "1999-12-31")) {
            assertInvalid(unitId, with(valid, "validFrom", date), "validFrom");
            assertInvalid(unitId, with(valid, "validUntil", date), "validUntil");
            assertInvalid(unitId, with(valid, "availability", Map.of("dateRanges",
                    List.of(Map.of("start", date, "end", date)))), "availability.dateRanges");
        }
        assertInvalid(unitId, with(valid, "availability", Map.of("weeklySlots",
                List.of(Map.of("dayOfWeek", "SATURDAY", "start", "11:30", "end", "09:00")))), "availability.weeklySlots");
        assertInvalid(unitId, with(valid, "availability", Map.of("weeklySlots",
                List.of(Map.of("start", "09:00", "end", "11:00")))), "availability.weeklySlots");
        assertInvalid(unitId, with(valid, "availability", Map.of("dateRanges",
                List.of(Map.of("start", "2027-03-10", "end", "2027-03-01")))), "availability.dateRanges");
        // the offer is published, and the topic carries no personal data: a person's phone, ID or e-mail is refused
        for (String personal : List.of("联系王老师 138 0013 8000", "电话13800138000", "预约 0856-8221234",
                "身份证 11010519491231002X", "报名请发 zhang.san@example.com")) {
            assertInvalid(unitId, with(valid, "description", personal), "description");
            assertInvalid(unitId, with(valid, "title", personal), "title");
        }
        assertInvalid(unitId, with(valid, "unexpected", "field"), "unexpected");
        assertInvalid(unitId, with(valid, "unitId", " "), "unitId");
        as(unitToken(unitId)).body("{not json").post("/resources").then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("malformed-body")));
        assertThat(resourcesOf(unitId)).isZero();
        assertThat(ResourceView.TABLE.count("TRUE")).isEqualTo(before);
    }

    /**
     * An offer is one Kafka record: an availability beyond its bounds (50 weekly slots, 100 date ranges) would make
     * the record too large for the relay, so it is refused before anything is stored (README, "Bounds"). The event
     * store is the outbox: no event stored, nothing published.
     */
    @Test
    void an_availability_beyond_its_bounds_is_400_and_nothing_is_stored_or_published() {
        String unitId = registeredUnit();
        Map<String, Object> valid = legalAdvice(unitId, 10, "TOTAL");
        assertInvalid(unitId, with(valid, "availability", availability(51, 0)), "availability.weeklySlots");
        assertInvalid(unitId, with(valid, "availability", availability(0, 101)), "availability.dateRanges");
        assertThat(resourcesOf(unitId)).isZero();
        assertThat(storedEventsMentioning("ResourceOffered", unitId)).isZero();

        String resourceId = as(unitToken(unitId)).body(with(valid, "availability", availability(50, 100)))
                .post("/resources").then().statusCode(201)
                .body("availability.weeklySlots.size()", equalTo(50))
                .body("availability.dateRanges.size()", equalTo(100))
                .extract().path("resourceId");
        as(unitToken(unitId)).body(amendment(with(valid, "availability", availability(51, 0))))
                .post("/resources/{id}/amend", resourceId).then()
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("availability.weeklySlots"));
        as(unitToken(unitId)).body(amendment(with(valid, "availability", availability(0, 101))))
                .post("/resources/{id}/amend", resourceId).then()
                .statusCode(400).body("violations.field", hasItem("availability.dateRanges"));
        assertThat(storedResource(resourceId).version).isZero();
        assertThat(storedEventsMentioning("ResourceAmended", resourceId)).isZero();
    }

    /** {@code slots} ten-minute Monday slots from 08:00 and {@code ranges} one-day ranges from today. */
    private static Map<String, Object> availability(int slots, int ranges) {
        List<Map<String, String>> weekly = java.util.stream.IntStream.range(0, slots).mapToObj(i -> Map.of(
                "dayOfWeek", "MONDAY", "start", java.time.LocalTime.of(8, 0).plusMinutes(10L * i).toString(),
                "end", java.time.LocalTime.of(8, 5).plusMinutes(10L * i).toString())).toList();
        List<Map<String, String>> dated = java.util.stream.IntStream.range(0, ranges).mapToObj(i -> Map.of(
                "start", LocalDate.now().plusDays(i).toString(), "end", LocalDate.now().plusDays(i).toString())).toList();
        return Map.of("weeklySlots", weekly, "dateRanges", dated);
    }

    /** Events of {@code payloadType} in the event store (the outbox) whose payload mentions {@code text}. */
    private static long storedEventsMentioning(String payloadType, String text) {
        return committed(() -> org.threelists.platform.projection.jdbc.Jdbc.count("SELECT count(*) FROM domain_event_entry "
                + "WHERE payload_type LIKE ? AND position(? IN convert_from(payload, 'UTF8')) > 0", "%" + payloadType,
                text));
    }

    @Test
    void offering_for_an_unknown_unit_is_400() {
        String unknownUnit = "unit-nobody-" + UNKNOWN.substring(0, 8);
        as(DIANQIAN_DESK).body(legalAdvice(unknownUnit, 10, "TOTAL")).post("/resources").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("invalid-input")))
                .body("violations.field", hasItem("unitId"));
        as(unitToken(unknownUnit)).body(legalAdvice(unknownUnit, 10, "TOTAL")).post("/resources").then()
                .statusCode(400)
                .body("violations.field", hasItem("unitId"));
        assertThat(resourcesOf(unknownUnit)).isZero();
    }

    // ---- GET /resources/{id} ----------------------------------------------------------------------------------

    @Test
    void only_the_unit_itself_and_the_desk_see_which_projects_hold_reservations() {
        String unitId = registeredUnit();
        String otherUnit = registeredUnit();
        String resourceId = offered(unitId, 10);
        String projectId = newProjectId();
        reserved(unitId, resourceId, projectId, 4);

        for (String token : new String[] {unitToken(unitId), DIANQIAN_DESK}) {
            as(token).get("/resources/{id}", resourceId).then().statusCode(200)
                    .body("reservations", hasSize(1))
                    .body("reservations[0].projectId", equalTo(projectId))
                    .body("reservations[0].amount", number(4))
                    .body("reservations[0].status", equalTo("RESERVED"))
                    .body("capacity.usage[0].remaining", number(6));
        }
        for (String token : new String[] {JIAFU_WORKER, DIANQIAN_AUDITOR, unitToken(otherUnit)}) {
            as(token).get("/resources/{id}", resourceId).then().statusCode(200)
                    .body("reservations", nullValue())
                    .body("$", not(hasKey("reservations")))
                    .body("capacity.usage[0].reserved", number(4))
                    .body("capacity.usage[0].remaining", number(6));
        }
    }

    @Test
    void an_unknown_resource_is_404() {
        as(DIANQIAN_DESK).get("/resources/{id}", UNKNOWN).then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("not-found")));
        anonymous().get("/resources/{id}", UNKNOWN).then().statusCode(401);
    }

    @Test
    void a_resource_of_another_street_is_403() {
        String resourceId = offered(registeredUnit(), 10);
        for (String token : new String[] {HEPING_DESK, HEPING_AUDITOR, LIANQIAO_WORKER,
                unitToken(registeredHepingUnit(), "heping")}) {
            as(token).get("/resources/{id}", resourceId).then()
                    .statusCode(403)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo(problem("forbidden")));
        }
    }

    // ---- GET /resources ---------------------------------------------------------------------------------------

    @Test
    void the_list_keeps_to_the_callers_street_and_filters_by_unit_and_type() {
        String court = registeredUnit();
        String agency = registeredUnit();
        String legal = offered(court, 10);
        String funds = as(unitToken(agency)).body(with(legalAdvice(agency, 2000, "TOTAL"), "type", "FUNDS"))
                .post("/resources").then().statusCode(201).extract().path("resourceId");
        String heping = hepingOffer(registeredHepingUnit(), List.of("lianqiao"));

        as(DIANQIAN_DESK).queryParam("size", 100).get("/resources").then().statusCode(200)
                .body("items.streetCode", everyItem(equalTo("dianqian")))
                .body("items.resourceId", not(hasItem(heping)));
        as(HEPING_DESK).queryParam("size", 100).get("/resources").then().statusCode(200)
                .body("items.resourceId", hasItem(heping))
                .body("items.resourceId", not(hasItems(legal)))
                .body("items.streetCode", everyItem(equalTo("heping")));
        as(JIAFU_WORKER).queryParam("unit", court).get("/resources").then().statusCode(200)
                .body("items.resourceId", equalTo(List.of(legal)))
                .body("total", equalTo(1));
        as(DIANQIAN_AUDITOR).queryParam("unit", agency).queryParam("type", "FUNDS").get("/resources").then()
                .statusCode(200)
                .body("items.resourceId", equalTo(List.of(funds)));
        as(unitToken(court)).queryParam("unit", agency).queryParam("type", "professional_service").get("/resources")
                .then().statusCode(200)
                .body("items", hasSize(0))
                .body("total", equalTo(0));
        as(DIANQIAN_DESK).queryParam("type", "FUNDS").queryParam("size", 100).get("/resources").then()
                .statusCode(200)
                .body("items.resourceId", hasItem(funds))
                .body("items.type", everyItem(equalTo("FUNDS")));
        // Another street's unit id finds nothing in the caller's street.
        as(DIANQIAN_DESK).queryParam("unit", storedResource(heping).unitId).get("/resources").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void the_list_filters_by_category_community_and_status() {
        String unitId = registeredHepingUnit();
        String lianqiao = hepingOffer(unitId, List.of("lianqiao"));
        String dingzikou = hepingOffer(unitId, List.of("dingzikou", "huahuaqiao"));
        String health = as(unitToken(unitId, "heping")).body(with(with(legalAdvice(unitId, 10, "TOTAL"),
                        "serviceArea", List.of("lianqiao")), "categories", List.of("HEALTH")))
                .post("/resources").then().statusCode(201).extract().path("resourceId");
        as(HEPING_DESK).body(Map.of("reason", "场地维修")).post("/resources/{id}/withdraw", dingzikou).then()
                .statusCode(200);

        as(HEPING_DESK).queryParam("unit", unitId).queryParam("category", "LEGAL_ADVICE").get("/resources").then()
                .statusCode(200)
                .body("items.resourceId", hasItems(lianqiao, dingzikou))
                .body("items.resourceId", not(hasItem(health)))
                .body("total", equalTo(2));
        as(HEPING_DESK).queryParam("unit", unitId).queryParam("category", "health").get("/resources").then()
                .statusCode(200)
                .body("items.resourceId", equalTo(List.of(health)));
        as(HEPING_DESK).queryParam("unit", unitId).queryParam("community", "lianqiao").get("/resources").then()
                .statusCode(200)
                .body("items.resourceId", hasItems(lianqiao, health))
                .body("items.resourceId", not(hasItem(dingzikou)))
                .body("items.serviceArea", everyItem(hasItem("lianqiao")));
        as(HEPING_DESK).queryParam("unit", unitId).queryParam("community", "huahuaqiao").get("/resources").then()
                .statusCode(200)
                .body("items.resourceId", equalTo(List.of(dingzikou)));
        as(HEPING_DESK).queryParam("unit", unitId).queryParam("status", "WITHDRAWN").get("/resources").then()
                .statusCode(200)
                .body("items.resourceId", equalTo(List.of(dingzikou)))
                .body("items[0].statusReason", equalTo("场地维修"));
        as(HEPING_DESK).queryParam("unit", unitId).queryParam("status", "ACTIVE").get("/resources").then()
                .statusCode(200)
                .body("items.resourceId", hasItems(lianqiao, health))
                .body("items.status", everyItem(equalTo("ACTIVE")))
                .body("total", equalTo(2));
        as(HEPING_DESK).queryParam("unit", unitId).queryParam("size", 1).queryParam("page", 1).get("/resources").then()
                .statusCode(200)
                .body("items", hasSize(1)).body("page", equalTo(1)).body("size", equalTo(1)).body("total", equalTo(3));
    }

    @Test
    void an_offer_valid_only_next_year_is_found_only_in_a_window_of_next_year() {
        String unitId = registeredUnit();
        int nextYear = LocalDate.now().getYear() + 1;
        String nextYearOnly = as(unitToken(unitId)).body(with(with(legalAdvice(unitId, 10, "TOTAL"),
                        "validFrom", LocalDate.of(nextYear, 1, 1).toString()),
                        "validUntil", LocalDate.of(nextYear, 12, 31).toString()))
                .post("/resources").then().statusCode(201).extract().path("resourceId");
        String fromToday = offered(unitId, 10);
        YearMonth thisMonth = YearMonth.now();

        as(DIANQIAN_DESK).queryParam("unit", unitId)
                .queryParam("availableFrom", thisMonth.atDay(1).toString())
                .queryParam("availableTo", thisMonth.atEndOfMonth().toString())
                .get("/resources").then().statusCode(200)
                .body("items.resourceId", equalTo(List.of(fromToday)));
        as(DIANQIAN_DESK).queryParam("unit", unitId)
                .queryParam("availableFrom", LocalDate.of(nextYear, 6, 1).toString())
                .queryParam("availableTo", LocalDate.of(nextYear, 6, 30).toString())
                .get("/resources").then().statusCode(200)
                .body("items.resourceId", hasItem(nextYearOnly));
        // After both have ended, neither is found; an open end finds both.
        as(DIANQIAN_DESK).queryParam("unit", unitId)
                .queryParam("availableFrom", LocalDate.of(nextYear + 2, 1, 1).toString())
                .get("/resources").then().statusCode(200)
                .body("total", equalTo(0));
        as(DIANQIAN_DESK).queryParam("unit", unitId)
                .queryParam("availableFrom", LocalDate.now().toString())
                .get("/resources").then().statusCode(200)
                .body("items.resourceId", hasItems(nextYearOnly, fromToday));
        as(DIANQIAN_DESK).queryParam("unit", unitId)
                .queryParam("availableTo", LocalDate.now().toString())
                .get("/resources").then().statusCode(200)
                .body("items.resourceId", equalTo(List.of(fromToday)));
        assertThat(storedResource(nextYearOnly).availableFrom).isEqualTo(LocalDate.of(nextYear, 1, 1));
        assertThat(storedResource(nextYearOnly).availableUntil).isEqualTo(LocalDate.of(nextYear, 12, 31));
    }

    @Test
    void date_ranges_narrow_the_days_an_offer_is_found_on() {
        String unitId = registeredUnit();
        LocalDate start = LocalDate.now().plusDays(200);
        LocalDate end = start.plusDays(10);
        String summerCamp = as(unitToken(unitId)).body(with(legalAdvice(unitId, 10, "TOTAL"), "availability",
                        Map.of("dateRanges", List.of(Map.of("start", start.toString(), "end", end.toString())))))
                .post("/resources").then().statusCode(201)
                .body("availability.dateRanges[0].start", equalTo(start.toString()))
                .extract().path("resourceId");
        assertThat(storedResource(summerCamp).availableFrom).isEqualTo(start);
        assertThat(storedResource(summerCamp).availableUntil).isEqualTo(end);

        as(DIANQIAN_DESK).queryParam("unit", unitId)
                .queryParam("availableFrom", LocalDate.now().toString())
                .queryParam("availableTo", LocalDate.now().plusDays(30).toString())
                .get("/resources").then().statusCode(200).body("total", equalTo(0));
        as(DIANQIAN_DESK).queryParam("unit", unitId)
                .queryParam("availableFrom", end.toString())
                .queryParam("availableTo", end.plusDays(30).toString())
                .get("/resources").then().statusCode(200)
                .body("items.resourceId", equalTo(List.of(summerCamp)));
    }

    @Test
    void bad_list_parameters_are_400() {
        assertBadParameter("availableFrom", "2026-13-01", "availableFrom");
        assertBadParameter("availableTo", "tomorrow", "availableTo");
        assertBadParameter("type", "SPACESHIP", "type");
        assertBadParameter("category", "KARAOKE", "category");
        assertBadParameter("status", "LOST", "status");
        assertBadParameter("size", "101", "size");
        assertBadParameter("page", "-1", "page");
        as(DIANQIAN_DESK).queryParam("availableFrom", "2026-12-31").queryParam("availableTo", "2026-12-01")
                .get("/resources").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("availableTo"))
                .body("detail", containsString("before availableFrom"));
        anonymous().get("/resources").then().statusCode(401).body("type", equalTo(problem("unauthenticated")));
    }

    // ---- POST /resources/{id}/amend ---------------------------------------------------------------------------

    @Test
    void the_unit_amends_its_offer_and_it_is_stored() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        Map<String, Object> amended = with(with(with(amendment(legalAdvice(unitId, 24, "MONTHLY")),
                "title", "法官进社区：法律咨询与调解"), "categories", List.of("DISPUTE_MEDIATION")), "skills",
                List.of("矛盾调解", "法律咨询"));
        as(unitToken(unitId)).body(amended).post("/resources/{id}/amend", resourceId).then()
                .statusCode(200)
                .body("title", equalTo("法官进社区：法律咨询与调解"))
                .body("categories", equalTo(List.of("DISPUTE_MEDIATION")))
                .body("capacity.amount", number(24))
                .body("capacity.period", equalTo("MONTHLY"))
                .body("type", equalTo("PROFESSIONAL_SERVICE"))
                .body("updatedBy", equalTo("unit:staff-" + unitId))
                .body("version", equalTo(1));
        ResourceView stored = storedResource(resourceId);
        assertThat(stored.title).isEqualTo("法官进社区：法律咨询与调解");
        assertThat(stored.categories).containsExactly("DISPUTE_MEDIATION");
        assertThat(stored.skills).containsExactly("矛盾调解", "法律咨询");
        assertThat(stored.capacityAmount).isEqualByComparingTo("24");
        assertThat(stored.capacityPeriod).isEqualTo(CapacityPeriod.MONTHLY);
        assertThat(stored.offeredBy).isEqualTo("unit:staff-" + unitId);
        assertThat(stored.updatedBy).isEqualTo("unit:staff-" + unitId);
        assertThat(stored.version).isEqualTo(1);

        as(DIANQIAN_DESK).body(with(amended, "title", "法律咨询（联席会调整）")).post("/resources/{id}/amend", resourceId)
                .then().statusCode(200).body("updatedBy", equalTo("desk:desk-dianqian"));
        assertThat(storedResource(resourceId).title).isEqualTo("法律咨询（联席会调整）");
    }

    @Test
    void capacity_cannot_be_amended_below_what_is_reserved() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        reserved(unitId, resourceId, newProjectId(), 6);
        long version = storedResource(resourceId).version;

        as(unitToken(unitId)).body(amendment(legalAdvice(unitId, 5, "TOTAL"))).post("/resources/{id}/amend", resourceId)
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("conflict")))
                .body("used", number(6));
        assertThat(storedResource(resourceId).capacityAmount).isEqualByComparingTo("10");
        assertThat(storedResource(resourceId).version).isEqualTo(version);

        as(unitToken(unitId)).body(amendment(legalAdvice(unitId, 6, "TOTAL"))).post("/resources/{id}/amend", resourceId)
                .then().statusCode(200)
                .body("capacity.amount", number(6))
                .body("capacity.usage[0].remaining", number(0));
        assertThat(storedResource(resourceId).capacityAmount).isEqualByComparingTo("6");
    }

    @Test
    void the_capacity_period_cannot_change_while_reservations_are_open() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        reserved(unitId, resourceId, newProjectId(), 2);
        as(unitToken(unitId)).body(amendment(legalAdvice(unitId, 10, "MONTHLY"))).post("/resources/{id}/amend", resourceId)
                .then()
                .statusCode(409)
                .body("type", equalTo(problem("conflict")));
        assertThat(storedResource(resourceId).capacityPeriod).isEqualTo(CapacityPeriod.TOTAL);
    }

    @Test
    void amending_is_refused_to_others_and_for_bad_input_and_changes_nothing() {
        String unitId = registeredUnit();
        String otherUnit = registeredUnit();
        String resourceId = offered(unitId, 10);
        Map<String, Object> amended = with(amendment(legalAdvice(unitId, 99, "TOTAL")), "title", "被篡改");
        for (String token : new String[] {unitToken(otherUnit), HEPING_DESK, JIAFU_WORKER, DIANQIAN_AUDITOR}) {
            as(token).body(amended).post("/resources/{id}/amend", resourceId).then().statusCode(403)
                    .body("type", equalTo(problem("forbidden")));
        }
        anonymous().body(amended).post("/resources/{id}/amend", resourceId).then().statusCode(401);
        as(unitToken(unitId)).body(with(amended, "serviceArea", List.of("lianqiao")))
                .post("/resources/{id}/amend", resourceId).then()
                .statusCode(400).body("violations.field", hasItem("serviceArea"));
        as(unitToken(unitId)).body(with(amended, "type", "FUNDS")).post("/resources/{id}/amend", resourceId).then()
                .statusCode(400).body("violations.field", hasItem("type"));
        as(unitToken(unitId)).body(with(amended, "title", "")).post("/resources/{id}/amend", resourceId).then()
                .statusCode(400).body("violations.field", hasItem("title"));
        as(unitToken(unitId)).body(with(amended, "validUntil", "2000-01-01")).post("/resources/{id}/amend", resourceId)
                .then().statusCode(400).body("violations.field", hasItem("validUntil"));
        as(unitToken(unitId)).body(with(amended, "capacity", Map.of("amount", 0, "period", "TOTAL")))
                .post("/resources/{id}/amend", resourceId).then()
                .statusCode(400).body("violations.field", hasItem("capacity.amount"));
        as(unitToken(unitId)).body(amended).post("/resources/{id}/amend", UNKNOWN).then().statusCode(404)
                .body("type", equalTo(problem("not-found")));

        ResourceView stored = storedResource(resourceId);
        assertThat(stored.title).isEqualTo("法官进社区：法律咨询");
        assertThat(stored.capacityAmount).isEqualByComparingTo("10");
        assertThat(stored.version).isZero();
    }

    // ---- POST /resources/{id}/withdraw ------------------------------------------------------------------------

    @Test
    void a_withdrawn_offer_takes_no_more_reservations() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        as(unitToken(unitId)).body(Map.of("reason", "法官调岗")).post("/resources/{id}/withdraw", resourceId).then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("statusLabel", equalTo("已撤回"))
                .body("statusReason", equalTo("法官调岗"));
        ResourceView stored = storedResource(resourceId);
        assertThat(stored.status).isEqualTo(ResourceStatus.WITHDRAWN);
        assertThat(stored.statusReason).isEqualTo("法官调岗");
        assertThat(stored.version).isEqualTo(1);

        String projectId = newProjectId();
        as(unitToken(unitId)).body(reservation(projectId, 1, null)).post("/resources/{id}/reservations", resourceId)
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("illegal-transition")))
                .body("state", equalTo("WITHDRAWN"));
        assertThat(committed(() -> ReservationView.TABLE.count("resource_id = ?",
                resourceId))).isZero();
        as(unitToken(unitId)).body(amendment(legalAdvice(unitId, 10, "TOTAL"))).post("/resources/{id}/amend", resourceId)
                .then().statusCode(409).body("type", equalTo(problem("illegal-transition")));
        assertThat(storedResource(resourceId).version).isEqualTo(1);
    }

    @Test
    void withdrawing_twice_is_an_illegal_transition() {
        String unitId = registeredUnit();
        String resourceId = offered(unitId, 10);
        as(DIANQIAN_DESK).post("/resources/{id}/withdraw", resourceId).then().statusCode(200)
                .body("statusReason", equalTo("no reason given"))
                .body("updatedBy", equalTo("desk:desk-dianqian"));
        as(DIANQIAN_DESK).body(Map.of("reason", "again")).post("/resources/{id}/withdraw", resourceId).then()
                .statusCode(409)
                .body("type", equalTo(problem("illegal-transition")));
        assertThat(storedResource(resourceId).statusReason).isEqualTo("no reason given");
        assertThat(storedResource(resourceId).version).isEqualTo(1);
    }

    @Test
    void withdrawing_is_refused_to_others() {
        String unitId = registeredUnit();
        String otherUnit = registeredUnit();
        String resourceId = offered(unitId, 10);
        for (String token : new String[] {unitToken(otherUnit), HEPING_DESK, JIAFU_WORKER, DIANQIAN_AUDITOR}) {
            as(token).post("/resources/{id}/withdraw", resourceId).then().statusCode(403)
                    .body("type", equalTo(problem("forbidden")));
        }
        anonymous().post("/resources/{id}/withdraw", resourceId).then().statusCode(401);
        as(DIANQIAN_DESK).post("/resources/{id}/withdraw", UNKNOWN).then().statusCode(404);
        assertThat(storedResource(resourceId).status).isEqualTo(ResourceStatus.ACTIVE);
        assertThat(storedResource(resourceId).version).isZero();
    }

    private static String hepingOffer(String unitId, List<String> serviceArea) {
        return as(unitToken(unitId, "heping")).body(with(legalAdvice(unitId, 10, "TOTAL"), "serviceArea", serviceArea))
                .post("/resources").then().statusCode(201).extract().path("resourceId");
    }

    private static long resourcesOf(String unitId) {
        return committed(() -> ResourceView.TABLE.count("unit_id = ?", unitId));
    }

    private static void assertInvalid(String unitId, Map<String, Object> body, String field) {
        as(unitToken(unitId)).body(body).post("/resources").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("invalid-input")))
                .body("status", equalTo(400))
                .body("violations.field", hasItem(field));
    }

    private static void assertBadParameter(String name, String value, String field) {
        as(DIANQIAN_DESK).queryParam(name, value).get("/resources").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("invalid-input")))
                .body("violations.field", hasItem(field));
    }
}
