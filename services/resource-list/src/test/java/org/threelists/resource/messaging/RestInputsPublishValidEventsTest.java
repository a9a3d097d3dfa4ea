package org.threelists.resource.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.json.Json;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.resource.Fixtures.HEPING_DESK;
import static org.threelists.resource.Fixtures.as;
import static org.threelists.resource.Fixtures.unitToken;
import static org.threelists.resource.messaging.ResourceListEventPublisher.TOPIC;

/**
 * What REST accepts, the topic accepts: random requests that are valid under contracts/openapi/resource-list.json
 * (boundary lengths, empty optional strings, blank-padded text, unicode beyond the BMP, the largest amounts and the
 * finest precision; lists without repeats where the document says uniqueItems) for units, resources, volunteers and reservations are all accepted, and
 * every event they publish on resource-list.events.v1 validates against its schema.
 *
 * <p>jqwik draws the inputs; the requests go to the running service, so the generators are sampled inside a Quarkus
 * test rather than run as jqwik properties (a property would not start Quarkus).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RestInputsPublishValidEventsTest {

    /** Scenarios per run: each registers, amends, offers, reserves, releases, consumes and registers volunteers. */
    private static final int SCENARIOS = 12;
    private static final List<String> HEPING = List.of("lianqiao", "dingzikou", "huahuaqiao");

    @Test
    void every_event_published_for_valid_random_requests_conforms_to_the_topic_schema() {
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
        assertThat(violations).as("schema violations of events published for valid requests").isEmpty();
        assertThat(ours.stream().map(r -> parse(r.value()).path("type").asText()).collect(Collectors.toSet()))
                .contains("threelists.unit.registered.v1", "threelists.unit.amended.v1", "threelists.resource.offered.v1",
                        "threelists.resource.amended.v1", "threelists.capacity.reserved.v1",
                        "threelists.capacity.released.v1", "threelists.capacity.consumed.v1",
                        "threelists.volunteer.registered.v1", "threelists.volunteer.amended.v1");
    }

    private String scenario(int i) {
        String unitId = unitIds(i).sample();
        Map<String, Object> unit = unitBody().sample();
        unit.put("unitId", unitId);
        accepted(as(HEPING_DESK).body(unit).post("/units"), unit);
        String token = unitToken(unitId, "heping");
        Map<String, Object> amendedUnit = unitBody().sample();
        accepted(as(token).body(amendedUnit).post("/units/{id}/amend", unitId), amendedUnit);

        Map<String, Object> offer = resourceBody().sample();
        offer.put("unitId", unitId);
        offer.put("type", Arbitraries.of("VOLUNTEER_SERVICE", "VENUE", "FUNDS", "MATERIALS", "PROFESSIONAL_SERVICE").sample());
        Response offered = accepted(as(token).body(offer).post("/resources"), offer);
        String resourceId = offered.path("resourceId");
        Map<String, Object> amendedOffer = resourceBody().sample();
        // the period cannot change once capacity is used; amend before any reservation, keeping it
        amendedOffer.put("capacity", Map.of("amount", ((Map<?, ?>) amendedOffer.get("capacity")).get("amount"),
                "period", ((Map<?, ?>) offer.get("capacity")).get("period")));
        accepted(as(token).body(amendedOffer).post("/resources/{id}/amend", resourceId), amendedOffer);
        BigDecimal capacity = new BigDecimal(((Map<?, ?>) amendedOffer.get("capacity")).get("amount").toString());
        String period = "MONTHLY".equals(((Map<?, ?>) offer.get("capacity")).get("period"))
                ? Arbitraries.of("2026-12", "2027-01", "2099-12", "2000-01").sample() : null;

        // the service keeps a project id without surrounding spaces; later calls name it as the answer does
        List<String> projects = new ArrayList<>();
        for (String projectId : projectIds().list().ofSize(2)
                .uniqueElements(String::strip).sample()) {
            Map<String, Object> reservation = new LinkedHashMap<>();
            reservation.put("projectId", projectId);
            reservation.put("amount", amountUpTo(capacity.divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN)).sample());
            if (period != null) {
                reservation.put("period", period);
            }
            projects.add(accepted(as(token).body(reservation).post("/resources/{id}/reservations", resourceId), reservation)
                    .path("projectId"));
        }
        accepted(as(token).queryParam("reason", reasons().sample())
                .delete("/resources/{id}/reservations/{p}", resourceId, projects.get(0)), projects.get(0));
        BigDecimal reserved = new BigDecimal(as(token).get("/resources/{id}/reservations/{p}", resourceId, projects.get(1))
                .then().statusCode(200).extract().path("amount").toString());
        Map<String, Object> consume = Map.of("amount", Arbitraries.of(BigDecimal.ZERO, reserved).sample());
        accepted(as(token).body(consume).post("/resources/{id}/reservations/{p}/consume", resourceId, projects.get(1)),
                consume);

        Map<String, Object> volunteer = new LinkedHashMap<>();
        volunteer.put("unitId", unitId);
        volunteer.put("homeCommunity", Arbitraries.of(HEPING).sample());
        volunteer.put("skills", skills().sample());
        volunteer.put("person", person().sample());
        volunteer.put("consent", true);
        String volunteerId = accepted(as(token).body(volunteer).post("/volunteers"), volunteer).path("volunteerId");
        Map<String, Object> amendedVolunteer = Map.of("homeCommunity", Arbitraries.of(HEPING).sample(),
                "skills", skills().sample());
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

    private static Response accepted(Response response, Object request) {
        assertThat(response.statusCode()).as("a request valid under the OpenAPI document is accepted: %s → %s", request,
                response.asString()).isBetween(200, 201);
        return response;
    }

    // ---- generators: the constraints of contracts/openapi/resource-list.json ------------------------------------

    private static Arbitrary<String> unitIds(int i) {
        // ^unit-[a-z0-9-]{2,60}$; the scenario number keeps them unique across runs of the same broker
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-").ofMinLength(2).ofMaxLength(50)
                .map(s -> "unit-p" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + i + s)
                .map(s -> s.length() > 65 ? s.substring(0, 65) : s);
    }

    /**
     * Text with at least one non-space character, up to {@code max} UTF-16 units: CJK, ASCII, characters beyond the BMP
     * (two UTF-16 units each), padded with spaces; one time in five exactly {@code max} long.
     */
    private static Arbitrary<String> text(int max) {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.chars().range('\u4e00', '\u9fa5').map(String::valueOf),
                Arbitraries.chars().alpha().numeric().with(" -_.,·（）".toCharArray()).map(String::valueOf),
                Arbitraries.of("😀", "𠀋", "é", " "));
        Arbitrary<String> random = piece.list().ofMinSize(1).ofMaxSize(Math.min(max, 300))
                .map(parts -> String.join("", parts));
        Arbitrary<String> longest = piece.list().ofSize(max).map(parts -> String.join("", parts));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, random), net.jqwik.api.Tuple.of(1, longest))
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

    private static Arbitrary<String> optionalText(int max) {
        return Arbitraries.oneOf(text(max), Arbitraries.of("", " "), Arbitraries.just(null));
    }

    private static Arbitrary<Map<String, Object>> unitBody() {
        return Combinators.combine(text(200), Arbitraries.of("GOVERNMENT_BODY", "PUBLIC_INSTITUTION", "ENTERPRISE",
                        "SOCIAL_ORGANISATION", "SCHOOL", "HOSPITAL", "RESEARCH_INSTITUTE", "OTHER"), optionalText(200),
                Arbitraries.of(HEPING).list().ofMinSize(1).ofMaxSize(3).uniqueElements(), contact())
                .as((name, kind, party, communities, contact) -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("name", name);
                    body.put("kind", kind);
                    body.put("partyOrganisation", party);
                    body.put("communities", communities);
                    body.put("contact", contact);
                    return body;
                });
    }

    private static Arbitrary<Map<String, Object>> contact() {
        return Combinators.combine(optionalText(100), phones(), Arbitraries.of("", "lianluo@example.cn"))
                .as((person, phone, email) -> {
                    Map<String, Object> contact = new LinkedHashMap<>();
                    contact.put("person", person);
                    contact.put("phone", phone);
                    contact.put("email", email);
                    return contact;
                });
    }

    private static Arbitrary<String> phones() {
        return Arbitraries.strings().withChars("0123456789+- ").ofMinLength(5).ofMaxLength(30);
    }

    private static Arbitrary<Map<String, Object>> person() {
        return Combinators.combine(text(100), phones()).as((name, phone) -> Map.of("name", name, "phone", phone));
    }

    private static Arbitrary<List<String>> skills() {
        return text(100).list().ofMaxSize(30);
    }

    private static Arbitrary<String> projectIds() {
        return text(100);
    }

    /** The reason of a release, a query parameter of at most 200 characters. */
    private static Arbitrary<String> reasons() {
        return Arbitraries.oneOf(text(200), Arbitraries.just(""));
    }

    /** ^\d{1,9}([.]\d{1,2})?$, greater than 0, at most 100,000,000. */
    private static Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("100000000")).ofScale(2)
                .edgeCases(edges -> edges.add(new BigDecimal("0.01")).add(new BigDecimal("100000000")));
    }

    private static Arbitrary<BigDecimal> amountUpTo(BigDecimal max) {
        BigDecimal upper = max.max(new BigDecimal("0.01"));
        return Arbitraries.bigDecimals().between(new BigDecimal("0.01"), upper).ofScale(2);
    }

    private static Arbitrary<Map<String, Object>> resourceBody() {
        LocalDate today = LocalDate.now();
        Arbitrary<LocalDate> from = Arbitraries.integers().between(-400, 30).map(today::plusDays);
        Arbitrary<Map<String, Object>> capacity = Combinators.combine(amounts(), Arbitraries.of("TOTAL", "MONTHLY"))
                .as((amount, period) -> Map.of("amount", amount.compareTo(BigDecimal.ONE) < 0 ? BigDecimal.ONE : amount,
                        "period", period));
        return Combinators.combine(text(200), optionalText(4000),
                        Arbitraries.of("ELDER_CARE", "CHILD_CARE", "HEALTH", "LEGAL_ADVICE", "POLICY_CONSULTATION",
                                "SANITATION", "FACILITY_REPAIR", "SAFETY", "DISPUTE_MEDIATION", "HARDSHIP_HELP",
                                "CULTURE_FESTIVALS", "EMPLOYMENT", "OTHER").list().ofMinSize(1).ofMaxSize(13).uniqueElements(),
                        skills(), Arbitraries.of(HEPING).list().ofMinSize(1).ofMaxSize(3).uniqueElements(), availability(), capacity,
                        Combinators.combine(from, Arbitraries.integers().between(-1, 800)).as(List::of))
                .as((title, description, categories, skills, area, availability, cap, validity) -> {
                    LocalDate validFrom = (LocalDate) validity.get(0);
                    int days = (Integer) validity.get(1);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("title", title);
                    body.put("description", description);
                    body.put("categories", categories);
                    body.put("skills", skills);
                    body.put("serviceArea", area);
                    body.put("availability", availability);
                    body.put("capacity", cap);
                    body.put("validFrom", validFrom.toString());
                    body.put("validUntil", days < 0 ? null : validFrom.plusDays(days).toString());
                    return body;
                });
    }

    private static Arbitrary<Map<String, Object>> availability() {
        // "HH:MM", as the OpenAPI document states for a slot's start and end
        Arbitrary<Map<String, Object>> slot = Combinators.combine(
                        Arbitraries.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                        Arbitraries.integers().between(0, 24 * 60 - 2), Arbitraries.integers().between(1, 12 * 60))
                .as((day, start, length) -> Map.<String, Object>of("dayOfWeek", day,
                        "start", LocalTime.ofSecondOfDay(start * 60L).toString(),
                        "end", LocalTime.ofSecondOfDay(Math.min(24 * 60 - 1, start + length) * 60L).toString()));
        Arbitrary<Map<String, Object>> range = Combinators.combine(Arbitraries.integers().between(-30, 365),
                Arbitraries.integers().between(0, 60)).as((start, length) -> Map.<String, Object>of(
                "start", LocalDate.now().plusDays(start).toString(),
                "end", LocalDate.now().plusDays(start + length).toString()));
        return Combinators.combine(slot.list().ofMaxSize(7), range.list().ofMaxSize(3))
                .as((slots, ranges) -> Map.of("weeklySlots", slots, "dateRanges", ranges));
    }
}
