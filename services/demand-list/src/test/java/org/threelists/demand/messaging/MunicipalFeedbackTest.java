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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
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
    void a_cancelled_project_tells_the_platform_the_request_is_open_again_and_why() {
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
        assertThat(reopened.path("status_notes").asText()).isEqualTo("project cancelled: 维修材料未到");
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
                .isEqualTo("resident rated the service 1 of 5");
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
