package org.threelists.demand.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.threelists.demand.Fixtures;
import org.threelists.demand.service.MunicipalIntake;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.threelists.demand.Fixtures.COURT_UNIT;
import static org.threelists.demand.Fixtures.DIANQIAN_AUDITOR;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;
import static org.threelists.demand.Fixtures.as;

/**
 * A hotline ticket's own words may name, call or locate the resident: they stay sealed and erasable, and the topic
 * carries only the description a community worker reviewed. Runaway tickets are refused, not cut.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class TicketTextPrivacyTest {

    private static final String RAW = "林建国（电话13700000003，嘉福盐业小区2栋301）反映楼道灯坏了一个月";

    @Test
    void the_raw_ticket_text_never_reaches_the_topic_and_the_reviewed_text_does() {
        String ticket = "12345-" + UUID.randomUUID();
        String demandId = intake(ticket, RAW);

        as(JIAFU_WORKER).get("/demands/{id}", demandId).then().statusCode(200)
                .body("ticketText", equalTo("【楼道照明】" + RAW)).body("description", startsWith("【楼道照明】"));
        as(DIANQIAN_AUDITOR).get("/demands/{id}", demandId).then().statusCode(200).body("ticketText", nullValue());
        assertThat(Fixtures.stored(demandId).description).doesNotContain("13700000003");

        as(JIAFU_WORKER).post("/demands/{id}/verify", demandId).then().statusCode(409);
        as(JIAFU_WORKER).body(Map.of("description", "2栋楼道灯坏了一个月，需维修")).post("/demands/{id}/verify", demandId)
                .then().statusCode(200).body("status", equalTo("LISTED")).body("description", equalTo("2栋楼道灯坏了一个月，需维修"));
        as(COURT_UNIT).get("/demands/{id}", demandId).then().statusCode(200).body("ticketText", nullValue());

        List<ConsumerRecord<String, String>> events = KafkaProbe.await(Topics.DEMAND_EVENTS,
                r -> demandId.equals(r.key()), 3, Duration.ofSeconds(30));
        assertThat(events).extracting(ConsumerRecord::value).noneSatisfy(v -> assertThat(v).contains("13700000003"))
                .noneSatisfy(v -> assertThat(v).contains("林建国"))
                .anySatisfy(v -> assertThat(v).contains("threelists.demand.amended.v1", "2栋楼道灯坏了一个月，需维修"));
        assertThat(KafkaProbe.readAll(Topics.MUNICIPAL_FEEDBACK)).extracting(ConsumerRecord::value)
                .noneSatisfy(v -> assertThat(v).contains("13700000003"));
    }

    @Test
    void erasing_the_residents_data_erases_the_ticket_text() {
        String demandId = intake("12345-" + UUID.randomUUID(), RAW);
        as(JIAFU_WORKER).delete("/demands/{id}/resident", demandId).then().statusCode(200);
        as(JIAFU_WORKER).get("/demands/{id}", demandId).then().statusCode(200).body("ticketText", nullValue());
        assertThat(Fixtures.stored(demandId).sealedTicketText).doesNotContain("13700000003");
    }

    /**
     * A ticket its demand could not hold whole is refused by the ticket's schema, the dead letter saying which field
     * and its bound (an id over 200 characters failed the database before, and was dead-lettered with its error);
     * nothing is stored, and a ticket at every bound is taken in.
     */
    @Test
    void a_ticket_too_long_or_counting_too_many_is_dead_lettered_with_the_reason() {
        String tooLong = "12345-" + UUID.randomUUID();
        String tooMany = "12345-" + UUID.randomUUID();
        String longId = "12345-" + UUID.randomUUID() + "-" + "9".repeat(200 - 43 + 1);
        String longPhone = "12345-" + UUID.randomUUID();
        String good = "12345-" + UUID.randomUUID() + "-" + "9".repeat(200 - 43);
        KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, tooLong, ticket(tooLong, "灯".repeat(4001), 1));
        KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, tooMany, ticket(tooMany, RAW, 3_000_000_000L));
        KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, longId, ticket(longId, RAW, 1));
        KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, longPhone, ticket(longPhone, RAW, 1, "1".repeat(31)));
        KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, good, ticket(good, "灯".repeat(4000), 100_000, "1".repeat(30)));

        KafkaProbe.await(Topics.MUNICIPAL_FEEDBACK, r -> good.equals(r.key()), 1, Duration.ofSeconds(30));
        Map<String, String> reasons = KafkaProbe.await(Topics.MUNICIPAL_REQUESTS + ".dlq",
                        r -> List.of(tooLong, tooMany, longId, longPhone).contains(r.key()), 4, Duration.ofSeconds(30))
                .stream().collect(Collectors.toMap(ConsumerRecord::key,
                        r -> KafkaProbe.header(r, "dlq.reason")));
        assertThat(reasons).hasSize(4);
        assertThat(reasons.get(tooLong)).containsPattern("description: must be at most 4,?000 characters");
        assertThat(reasons.get(tooMany)).contains("beneficiaries");
        assertThat(reasons.get(longId)).contains("service_request_id: must be at most 200 characters")
                .doesNotContainIgnoringCase("sql");
        assertThat(reasons.get(longPhone)).contains("phone: must be at most 30 characters")
                .doesNotContain("1".repeat(31));
        for (String refused : reasons.keySet()) {
            assertThat(Fixtures.stored(MunicipalIntake.demandIdOf(refused))).as(refused).isNull();
        }
        assertThat(KafkaProbe.readAll(Topics.MUNICIPAL_FEEDBACK)).extracting(ConsumerRecord::key)
                .doesNotContainAnyElementsOf(reasons.keySet());
        assertThat(Fixtures.stored(MunicipalIntake.demandIdOf(good)).beneficiaries).isEqualTo(100_000);
        assertThat(Fixtures.stored(MunicipalIntake.demandIdOf(good)).municipalTicketId).hasSize(200);
    }

    private static String intake(String ticket, String description) {
        KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, ticket, ticket(ticket, description, 1));
        KafkaProbe.await(Topics.MUNICIPAL_FEEDBACK, r -> ticket.equals(r.key()), 1, Duration.ofSeconds(30));
        return MunicipalIntake.demandIdOf(ticket);
    }

    private static String ticket(String id, String description, long beneficiaries) {
        return ticket(id, description, beneficiaries, "13700000003");
    }

    private static String ticket(String id, String description, long beneficiaries, String phone) {
        return org.threelists.platform.json.Json.mapper().createObjectNode()
                .put("service_request_id", id).put("service_code", "facility_repair").put("service_name", "楼道照明")
                .put("description", description).put("requested_datetime", "2026-11-20T09:30:00+08:00")
                .put("community_code", "jiafu").put("first_name", "建国").put("last_name", "林")
                .put("phone", phone).put("beneficiaries", beneficiaries).toString();
    }
}
