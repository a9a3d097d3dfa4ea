package org.threelists.resource.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.json.Json;
import org.threelists.resource.domain.Availability;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;
import org.threelists.testing.gen.Gen;
import org.threelists.testing.gen.Properties;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.resource.Fixtures.HEPING_DESK;
import static org.threelists.resource.Fixtures.as;
import static org.threelists.resource.Fixtures.unitToken;
import static org.threelists.resource.messaging.ResourceListEventMapper.TOPIC;

/**
 * What REST accepts, the topic accepts: random requests that are valid under contracts/openapi/resource-list.json
 * (boundary lengths, empty optional strings, blank-padded text, unicode beyond the BMP, the largest amounts and the
 * finest precision; lists without repeats where the document says uniqueItems) for units, resources, volunteers and reservations are all accepted, and
 * every event they publish on resource-list.events.v1 validates against its schema.
 *
 * <p>The inputs come from seeded generators ({@link Gen}), drawn in order from one {@link Random} per run, so a failure
 * is reproduced from the seed its message names ({@code -Dthreelists.properties.seed}, as {@link Properties} reads
 * it); the requests go to the running service, so the scenarios run inside one Quarkus test.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RestInputsPublishValidEventsTest {

    /** Scenarios per run: each registers, amends, offers, reserves, releases, consumes and registers volunteers. */
    private static final int SCENARIOS = 12;
    private static final List<String> HEPING = List.of("lianqiao", "dingzikou", "huahuaqiao");

    private long seed;
    private Random random;

    @Test
    void every_event_published_for_valid_random_requests_conforms_to_the_topic_schema() {
        seed = Properties.seed();
        random = new Random(seed);
        Set<String> units = new TreeSet<>();
        for (int i = 0; i < SCENARIOS; i++) {
            units.add(scenario(i));
        }

        List<ConsumerRecord<String, String>> records = KafkaProbe.await(TOPIC, r -> units.contains(r.key())
                && r.value().contains("threelists.volunteer.amended.v1"), units.size(), Duration.ofSeconds(60));
        assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).containsAll(units);
        List<ConsumerRecord<String, String>> ours = KafkaProbe.readAll(TOPIC).stream()
                .filter(r -> units.contains(r.key())).toList();
        List<String> violations = new ArrayList<>();
        for (ConsumerRecord<String, String> record : ours) {
            JsonNode message = parse(record.value());
            ContractSchemas.violations(TOPIC, message).forEach(v -> violations.add(message.path("type").asText() + ": " + v
                    + " in " + record.value()));
        }
        assertThat(violations).as("schema violations of events published for valid requests (%s)", seedNote()).isEmpty();
        assertThat(ours.stream().map(r -> parse(r.value()).path("type").asText()).collect(Collectors.toSet()))
                .as("event types published (%s)", seedNote())
                .contains("threelists.unit.registered.v1", "threelists.unit.amended.v1", "threelists.resource.offered.v1",
                        "threelists.resource.amended.v1", "threelists.capacity.reserved.v1",
                        "threelists.capacity.released.v1", "threelists.capacity.consumed.v1",
                        "threelists.volunteer.registered.v1", "threelists.volunteer.amended.v1");
    }

    private String scenario(int i) {
        String unitId = unitIds(i).next(random);
        Map<String, Object> unit = unitBody().next(random);
        unit.put("unitId", unitId);
        accepted(as(HEPING_DESK).body(unit).post("/units"), unit);
        String token = unitToken(unitId, "heping");
        Map<String, Object> amendedUnit = unitBody().next(random);
        accepted(as(token).body(amendedUnit).post("/units/{id}/amend", unitId), amendedUnit);

        Map<String, Object> offer = resourceBody().next(random);
        offer.put("unitId", unitId);
        offer.put("type", Gen.of("VOLUNTEER_SERVICE", "VENUE", "FUNDS", "MATERIALS", "PROFESSIONAL_SERVICE").next(random));
        Response offered = accepted(as(token).body(offer).post("/resources"), offer);
        String resourceId = offered.path("resourceId");
        Map<String, Object> amendedOffer = resourceBody().next(random);
        // the period cannot change once capacity is used; amend before any reservation, keeping it
        amendedOffer.put("capacity", Map.of("amount", ((Map<?, ?>) amendedOffer.get("capacity")).get("amount"),
                "period", ((Map<?, ?>) offer.get("capacity")).get("period")));
        accepted(as(token).body(amendedOffer).post("/resources/{id}/amend", resourceId), amendedOffer);
        BigDecimal capacity = new BigDecimal(((Map<?, ?>) amendedOffer.get("capacity")).get("amount").toString());
        String period = "MONTHLY".equals(((Map<?, ?>) offer.get("capacity")).get("period"))
                ? Gen.of("2026-12", "2027-01", "2099-12", "2000-01").next(random) : null;

        // the service keeps a project id without surrounding spaces; later calls name it as the answer does
        List<String> projects = new ArrayList<>();
        for (String projectId : projectIds().uniqueList(2, 2, String::strip).next(random)) {
            Map<String, Object> reservation = new LinkedHashMap<>();
            reservation.put("projectId", projectId);
            reservation.put("amount", amountUpTo(capacity.divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN))
                    .next(random));
            if (period != null) {
                reservation.put("period", period);
            }
            projects.add(accepted(as(token).body(reservation).post("/resources/{id}/reservations", resourceId), reservation)
                    .path("projectId"));
        }
        accepted(as(token).queryParam("reason", reasons().next(random))
                .delete("/resources/{id}/reservations/{p}", resourceId, projects.get(0)), projects.get(0));
        BigDecimal reserved = reservedAmount(as(token).get("/resources/{id}/reservations/{p}", resourceId, projects.get(1)));
        Map<String, Object> consume = Map.of("amount", Gen.of(BigDecimal.ZERO, reserved).next(random));
        accepted(as(token).body(consume).post("/resources/{id}/reservations/{p}/consume", resourceId, projects.get(1)),
                consume);

        Map<String, Object> volunteer = new LinkedHashMap<>();
        volunteer.put("unitId", unitId);
        volunteer.put("homeCommunity", Gen.of(HEPING.toArray(String[]::new)).next(random));
        volunteer.put("skills", skills().next(random));
        volunteer.put("person", person().next(random));
        volunteer.put("consent", true);
        String volunteerId = accepted(as(token).body(volunteer).post("/volunteers"), volunteer).path("volunteerId");
        Map<String, Object> amendedVolunteer = Map.of("homeCommunity", Gen.of(HEPING.toArray(String[]::new)).next(random),
                "skills", skills().next(random));
        accepted(as(token).body(amendedVolunteer).post("/volunteers/{id}/amend", volunteerId), amendedVolunteer);
        return unitId;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response accepted(Response response, Object request) {
        assertThat(response.statusCode()).as("a request valid under the OpenAPI document is accepted (%s): %s → %s",
                seedNote(), request, response.asString()).isBetween(200, 201);
        return response;
    }

    /**
     * The amount of a reservation exactly as the service states it: a default JSON path reads decimals as floats, and
     * one of nine digits and two decimals would come back rounded, more than is reserved.
     */
    private static BigDecimal reservedAmount(Response response) {
        return response.then().statusCode(200).extract()
                .jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL))
                .getObject("amount", BigDecimal.class);
    }

    /** How to draw this run's inputs again. */
    private String seedNote() {
        return "seed " + seed + ", -D" + Properties.SEED_PROPERTY + "=" + seed;
    }

    // ---- generators: the constraints of contracts/openapi/resource-list.json ------------------------------------

    private static Gen<String> unitIds(int i) {
        // ^unit-[a-z0-9-]{2,60}$; the scenario number keeps them unique across runs of the same broker
        return Gen.strings("abcdefghijklmnopqrstuvwxyz0123456789-", 2, 50)
                .map(s -> "unit-p" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + i + s)
                .map(s -> s.length() > 65 ? s.substring(0, 65) : s);
    }

    /**
     * Text with at least one non-space character, up to {@code max} UTF-16 units: CJK, ASCII, characters beyond the BMP
     * (two UTF-16 units each), padded with spaces; one time in five exactly {@code max} long.
     */
    private static Gen<String> text(int max) {
        Gen<String> piece = Gen.oneOf(
                Gen.integers('\u4e00', '\u9fa5').map(Character::toString),
                Gen.strings("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.,·（）", 1, 1),
                Gen.of("😀", "𠀋", "é", " "));
        Gen<String> random = piece.list(1, Math.min(max, 300)).map(parts -> String.join("", parts));
        Gen<String> longest = piece.list(max, max).map(parts -> String.join("", parts));
        return Gen.<String>frequency(new int[] {4, 1}, List.of(random, longest))
                .map(t -> fit(t, max))
                .filter(t -> !t.isBlank());
    }

    /** Cuts to {@code max} UTF-16 units without splitting a surrogate pair. */
    private static String fit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    private static Gen<String> optionalText(int max) {
        return Gen.oneOf(text(max), Gen.of("", " "), Gen.just(null));
    }

    private static Gen<List<String>> communities() {
        return Gen.of(HEPING.toArray(String[]::new)).uniqueList(1, 3);
    }

    private static Gen<Map<String, Object>> unitBody() {
        Gen<String> name = text(200);
        Gen<String> kind = Gen.of("GOVERNMENT_BODY", "PUBLIC_INSTITUTION", "ENTERPRISE", "SOCIAL_ORGANISATION", "SCHOOL",
                "HOSPITAL", "RESEARCH_INSTITUTE", "OTHER");
        Gen<String> party = optionalText(200);
        Gen<List<String>> communities = communities();
        Gen<Map<String, Object>> contact = contact();
        return random -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name.next(random));
            body.put("kind", kind.next(random));
            body.put("partyOrganisation", party.next(random));
            body.put("communities", communities.next(random));
            body.put("contact", contact.next(random));
            return body;
        };
    }

    private static Gen<Map<String, Object>> contact() {
        Gen<String> person = optionalText(100);
        Gen<String> phone = phones();
        Gen<String> email = Gen.of("", "lianluo@example.cn");
        return random -> {
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("person", person.next(random));
            contact.put("phone", phone.next(random));
            contact.put("email", email.next(random));
            return contact;
        };
    }

    private static Gen<String> phones() {
        return Gen.strings("0123456789+- ", 5, 30);
    }

    private static Gen<Map<String, Object>> person() {
        Gen<String> name = text(100);
        Gen<String> phone = phones();
        return random -> Map.of("name", name.next(random), "phone", phone.next(random));
    }

    private static Gen<List<String>> skills() {
        return text(100).list(0, 30);
    }

    private static Gen<String> projectIds() {
        return text(100);
    }

    /** The reason of a release, a query parameter of at most 200 characters. */
    private static Gen<String> reasons() {
        return Gen.oneOf(text(200), Gen.just(""));
    }

    /** ^\d{1,9}([.]\d{1,2})?$, greater than 0, at most 100,000,000; one time in five at a bound. */
    private static Gen<BigDecimal> amounts() {
        return Gen.decimals(new BigDecimal("0.01"), new BigDecimal("100000000"), 2);
    }

    private static Gen<BigDecimal> amountUpTo(BigDecimal max) {
        BigDecimal upper = max.max(new BigDecimal("0.01"));
        return Gen.decimals(new BigDecimal("0.01"), upper, 2);
    }

    private static Gen<Map<String, Object>> resourceBody() {
        LocalDate today = LocalDate.now();
        Gen<String> title = text(200);
        Gen<String> description = optionalText(4000);
        Gen<List<String>> categories = Gen.of("ELDER_CARE", "CHILD_CARE", "HEALTH", "LEGAL_ADVICE", "POLICY_CONSULTATION",
                "SANITATION", "FACILITY_REPAIR", "SAFETY", "DISPUTE_MEDIATION", "HARDSHIP_HELP", "CULTURE_FESTIVALS",
                "EMPLOYMENT", "OTHER").uniqueList(1, 13);
        Gen<List<String>> skills = skills();
        Gen<List<String>> area = communities();
        Gen<Map<String, Object>> availability = availability();
        Gen<BigDecimal> amount = amounts();
        Gen<String> period = Gen.of("TOTAL", "MONTHLY");
        Gen<LocalDate> from = Gen.integers(-400, 30).map(today::plusDays);
        Gen<Integer> days = Gen.integers(-1, 800);
        return random -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", title.next(random));
            body.put("description", description.next(random));
            body.put("categories", categories.next(random));
            body.put("skills", skills.next(random));
            body.put("serviceArea", area.next(random));
            body.put("availability", availability.next(random));
            BigDecimal capacity = amount.next(random);
            body.put("capacity", Map.of("amount", capacity.compareTo(BigDecimal.ONE) < 0 ? BigDecimal.ONE : capacity,
                    "period", period.next(random)));
            LocalDate validFrom = from.next(random);
            int validDays = days.next(random);
            body.put("validFrom", validFrom.toString());
            body.put("validUntil", validDays < 0 ? null : validFrom.plusDays(validDays).toString());
            return body;
        };
    }

    private static Gen<Map<String, Object>> availability() {
        // "HH:MM", as the OpenAPI document states for a slot's start and end
        Gen<String> day = Gen.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
        Gen<Integer> slotStart = Gen.integers(0, 24 * 60 - 2);
        Gen<Integer> slotLength = Gen.integers(1, 12 * 60);
        Gen<Map<String, Object>> slot = random -> {
            String dayOfWeek = day.next(random);
            int start = slotStart.next(random);
            int length = slotLength.next(random);
            return Map.of("dayOfWeek", dayOfWeek,
                    "start", LocalTime.ofSecondOfDay(start * 60L).toString(),
                    "end", LocalTime.ofSecondOfDay(Math.min(24 * 60 - 1, start + length) * 60L).toString());
        };
        Gen<Integer> rangeStart = Gen.integers(-30, 365);
        Gen<Integer> rangeLength = Gen.integers(0, 60);
        Gen<Map<String, Object>> range = random -> {
            int start = rangeStart.next(random);
            int length = rangeLength.next(random);
            return Map.of("start", LocalDate.now().plusDays(start).toString(),
                    "end", LocalDate.now().plusDays(start + length).toString());
        };
        // up to the bounds the request, the aggregate and the schema's maxItems share (often at a bound)
        Gen<List<Map<String, Object>>> slots = slot.list(0, Availability.MAX_WEEKLY_SLOTS);
        Gen<List<Map<String, Object>>> ranges = range.list(0, Availability.MAX_DATE_RANGES);
        return random -> Map.of("weeklySlots", slots.next(random), "dateRanges", ranges.next(random));
    }
}
