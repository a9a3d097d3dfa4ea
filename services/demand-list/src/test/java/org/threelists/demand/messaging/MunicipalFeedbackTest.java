package org.threelists.demand.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.threelists.demand.Fixtures;
import org.threelists.demand.messaging.ProjectListMessages.Holder;
import org.threelists.demand.service.MunicipalIntake;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.threelists.demand.Fixtures.DIANQIAN_AUDITOR;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;
import static org.threelists.demand.Fixtures.as;
import static org.threelists.demand.messaging.ProjectListMessages.COURT;
import static org.threelists.demand.messaging.ProjectListMessages.cancelled;
import static org.threelists.demand.messaging.ProjectListMessages.claimed;
import static org.threelists.demand.messaging.ProjectListMessages.completed;
import static org.threelists.demand.messaging.ProjectListMessages.newProjectId;
import static org.threelists.demand.messaging.ProjectListMessages.rated;
import static org.threelists.demand.messaging.ProjectListMessages.scheduled;

/**
 * A 12345 ticket's demand reports every step its project takes back to the municipal platform
 * (municipal.feedback.v1, key = ticket id), each message valid against the topic's schema and free of personal data.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class MunicipalFeedbackTest {

    @Test
    void the_platform_hears_matched_in_progress_resolved_and_rated() {
        String ticket = "12345-" + UUID.randomUUID();
        String demand = hotlineDemandOnTheList(ticket);
        String project = newProjectId();
        List<String> demands = List.of(demand);

        claimed(project, "jiafu", demands, List.of(Holder.of(COURT))).sendAndAwait();
        scheduled(project, demands).sendAndAwait();
        completed(project, demands).sendAndAwait();
        rated(project, demand, 4).sendAndAwait();

        List<JsonNode> feedback = feedback(ticket, 6);
        assertThat(feedback).extracting(f -> f.path("data").path("detailed_status").asText())
                .containsExactly("received", "accepted", "matched", "in_progress", "resolved", "rated");
        assertThat(feedback).extracting(f -> f.path("data").path("status").asText())
                .containsExactly("open", "open", "open", "open", "closed", "closed");
        JsonNode rating = feedback.get(5).path("data");
        assertThat(rating.path("rating").asInt()).isEqualTo(4);
        assertThat(rating.path("demand_id").asText()).isEqualTo(demand);
        assertThat(rating.path("service_request_id").asText()).isEqualTo(ticket);
        assertThat(feedback).allSatisfy(f -> assertThat(f.toString()).doesNotContain("13700000003", "林建国"));
    }

    @Test
    void a_cancelled_project_tells_the_platform_the_request_is_open_again_and_why_in_a_fixed_note() {
        String ticket = "12345-" + UUID.randomUUID();
        String demand = hotlineDemandOnTheList(ticket);
        String project = newProjectId();
        Holder court = Holder.of(COURT);

        claimed(project, "jiafu", List.of(demand), List.of(court)).sendAndAwait();
        cancelled(project, List.of(demand), List.of(court), "维修材料未到").sendAndAwait();

        List<JsonNode> feedback = feedback(ticket, 4);
        assertThat(feedback).extracting(f -> f.path("data").path("detailed_status").asText())
                .containsExactly("received", "accepted", "matched", "reopened");
        JsonNode reopened = feedback.get(3).path("data");
        assertThat(reopened.path("status").asText()).isEqualTo("open");
        // the desk's words stay in demand-list (README "Reasons stay here")
        assertThat(reopened.path("status_notes").asText())
                .isEqualTo("the project that was to serve it was cancelled; it is on the list again");
    }

    @Test
    void a_low_rating_is_reported_and_the_request_is_reopened() {
        String ticket = "12345-" + UUID.randomUUID();
        String demand = hotlineDemandOnTheList(ticket);
        String project = newProjectId();
        List<String> demands = List.of(demand);
        claimed(project, "jiafu", demands, List.of(Holder.of(COURT))).sendAndAwait();
        completed(project, demands).sendAndAwait();

        rated(project, demand, 1).sendAndAwait();

        List<JsonNode> feedback = feedback(ticket, 7);
        // completed without a schedule: the work is reported as started, then resolved
        assertThat(feedback).extracting(f -> f.path("data").path("detailed_status").asText())
                .containsExactly("received", "accepted", "matched", "in_progress", "resolved", "rated", "reopened");
        assertThat(feedback.get(5).path("data").path("rating").asInt()).isEqualTo(1);
        assertThat(feedback.get(6).path("data").path("status_notes").asText())
                .isEqualTo("the resident rated the service 1 or 2 of 5; it is on the list again");
    }

    @Test
    void a_request_merged_into_a_demand_then_rejected_is_told_it_is_open_again() {
        String ticket = "12345-" + UUID.randomUUID();
        String demand = hotlineDemandOnTheList(ticket);
        String target = Fixtures.listed();
        as(JIAFU_WORKER).body(Map.of("duplicateOf", target)).post("/demands/{id}/merge", demand).then()
                .statusCode(200);

        as(Fixtures.DIANQIAN_DESK).body(Map.of("reason", "属于物业管理范围"))
                .post("/demands/{id}/reject", target).then().statusCode(200);

        List<JsonNode> feedback = feedback(ticket, 4);
        assertThat(feedback).extracting(f -> f.path("data").path("detailed_status").asText())
                .containsExactly("received", "accepted", "duplicate", "reopened");
        JsonNode reopened = feedback.get(3).path("data");
        assertThat(reopened.path("status").asText()).isEqualTo("open");
        // a fixed sentence: the rejection's own words stay with the community
        assertThat(reopened.path("status_notes").asText())
                .isEqualTo("the request it had been merged into was rejected; it is reviewed again");
    }

    /**
     * The reasons people give stay in demand-list (README "Reasons stay here"): each one names a resident here, and the
     * community reads it, but neither demand-list.events.v1 nor the platform's feedback carries it.
     */
    @Test
    void the_reasons_people_give_are_read_by_the_community_and_published_on_no_topic() {
        String words = "邻居张桂兰（13912345678）说";
        Map<String, String> tickets = new LinkedHashMap<>();
        for (String step : List.of("withdrawn", "reopened-for-review", "rejected", "reopened", "sent-to-joint-meeting")) {
            tickets.put(step, "12345-" + UUID.randomUUID());
            KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, tickets.get(step),
                    MunicipalIntakeTest.ticket(tickets.get(step), "jiafu"));
        }
        KafkaProbe.await(Topics.MUNICIPAL_FEEDBACK, r -> tickets.containsValue(r.key()), 5, Duration.ofSeconds(30));
        Map<String, String> demands = new LinkedHashMap<>();
        tickets.forEach((step, ticket) -> {
            demands.put(step, MunicipalIntake.demandIdOf(ticket));
            as(JIAFU_WORKER).body(Fixtures.REVIEWED).post("/demands/{id}/verify", demands.get(step)).then()
                    .statusCode(200);
        });

        as(JIAFU_WORKER).body(Map.of("duplicateOf", demands.get("withdrawn")))
                .post("/demands/{id}/merge", demands.get("reopened-for-review")).then().statusCode(200);
        as(JIAFU_WORKER).body(Map.of("reason", words + "已帮忙修好"))
                .post("/demands/{id}/withdraw", demands.get("withdrawn")).then().statusCode(200);
        as(Fixtures.DIANQIAN_DESK).body(Map.of("reason", words + "这是物业的事"))
                .post("/demands/{id}/reject", demands.get("rejected")).then().statusCode(200);
        String project = newProjectId();
        Holder court = Holder.of(COURT);
        claimed(project, "jiafu", List.of(demands.get("reopened")), List.of(court)).sendAndAwait();
        cancelled(project, List.of(demands.get("reopened")), List.of(court), words + "不让进门").sendAndAwait();
        String group = PartyGroupMessages.created("嘉福盐业小区", List.of("88栋"));
        as(JIAFU_WORKER).body(Map.of("lane", "PARTY_GROUP", "groupId", group))
                .post("/demands/{id}/route", demands.get("sent-to-joint-meeting")).then().statusCode(200);
        as(JIAFU_WORKER).body(Map.of("lane", "JOINT_MEETING", "reason", words + "要专业维修"))
                .post("/demands/{id}/route", demands.get("sent-to-joint-meeting")).then().statusCode(200);

        demands.forEach((step, demand) -> assertThat(as(JIAFU_WORKER).get("/demands/{id}", demand).then()
                .statusCode(200).extract().<String>path("statusReason"))
                .as(step).contains(step.equals("reopened-for-review") ? "已撤回" : words));
        as(DIANQIAN_AUDITOR).get("/demands/{id}", demands.get("rejected")).then().statusCode(200)
                .body("statusReason", nullValue());
        KafkaProbe.await(Topics.DEMAND_EVENTS, r -> demands.entrySet().stream().anyMatch(step -> step.getValue()
                .equals(r.key()) && r.value().contains("\"threelists.demand." + step.getKey() + ".v1\"")), 5,
                Duration.ofSeconds(30));
        // received and accepted, then: withdrawn; duplicate, reopened; rejected; matched, reopened; in_party_group, accepted
        List<ConsumerRecord<String, String>> published = new ArrayList<>(KafkaProbe.await(Topics.MUNICIPAL_FEEDBACK,
                r -> tickets.containsValue(r.key()), 5 * 2 + 8, Duration.ofSeconds(30)));
        assertThat(published).filteredOn(r -> r.key().equals(tickets.get("withdrawn")))
                .extracting(r -> ProjectListConsumerTest.parse(r.value()).path("data").path("status_notes").asText())
                .contains("withdrawn by the community or the street; the community can tell the resident why");
        published.addAll(KafkaProbe.readAll(Topics.DEMAND_EVENTS).stream()
                .filter(r -> demands.containsValue(r.key())).toList());
        assertThat(published).hasSizeGreaterThanOrEqualTo(18 + 5 * 3)
                .allSatisfy(r -> assertThat(r.value()).doesNotContain("张桂兰", "13912345678"));
    }

    @Test
    void a_relay_that_did_not_see_the_ticket_submitted_still_reports_its_steps() {
        String ticket = "12345-" + UUID.randomUUID();
        KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, ticket, MunicipalIntakeTest.ticket(ticket, "jiafu"));
        KafkaProbe.await(Topics.MUNICIPAL_FEEDBACK, r -> ticket.equals(r.key()), 1, Duration.ofSeconds(30));
        // as after a restart: the ticket comes from the read model, not from the relay's memory of the submission
        SubmittedTickets.forgetAll();
        String demand = MunicipalIntake.demandIdOf(ticket);
        as(JIAFU_WORKER).body(Fixtures.REVIEWED).post("/demands/{id}/verify", demand).then().statusCode(200);

        List<JsonNode> feedback = feedback(ticket, 2);
        assertThat(feedback).extracting(f -> f.path("data").path("detailed_status").asText())
                .containsExactly("received", "accepted");
        assertThat(feedback.get(1).path("data").path("service_request_id").asText()).isEqualTo(ticket);
    }

    private static String hotlineDemandOnTheList(String ticket) {
        KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, ticket, MunicipalIntakeTest.ticket(ticket, "jiafu"));
        KafkaProbe.await(Topics.MUNICIPAL_FEEDBACK, r -> ticket.equals(r.key()), 1, Duration.ofSeconds(30));
        String demand = MunicipalIntake.demandIdOf(ticket);
        as(JIAFU_WORKER).body(Fixtures.REVIEWED).post("/demands/{id}/verify", demand).then().statusCode(200);
        return demand;
    }

    /** The ticket's feedback in the order it was published, once there are {@code count}, each schema-valid. */
    private static List<JsonNode> feedback(String ticket, int count) {
        List<ConsumerRecord<String, String>> records = KafkaProbe.await(Topics.MUNICIPAL_FEEDBACK,
                r -> ticket.equals(r.key()), count, Duration.ofSeconds(30));
        assertThat(records).hasSize(count);
        return records.stream().map(r -> {
            JsonNode message = ProjectListConsumerTest.parse(r.value());
            assertThat(ContractSchemas.violations(Topics.MUNICIPAL_FEEDBACK, message)).as(r.value()).isEmpty();
            assertThat(message.path("subject").asText()).isEqualTo(ticket);
            return message;
        }).toList();
    }
}
