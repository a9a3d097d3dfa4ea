package org.threelists.resource.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.json.Json;
import org.threelists.platform.projection.jdbc.Jdbc;
import org.threelists.testing.ContractMessages;
import org.threelists.testing.KafkaProbe;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages the matchmaker could have put on project-list.events.v1 (CloudEvents, keyed by project, each checked
 * against contracts/schemas/project-list.events.v1.schema.json before it is sent), and the answers resource-list
 * puts on resource-list.events.v1 (read back, checked against their schema).
 */
public final class ProjectListMessages {

    public static final String TOPIC = ProjectListEventsHandler.TOPIC;
    public static final String DLQ = TOPIC + ".dlq";
    public static final String GROUP = "resource-list.project-list";
    static final String SOURCE = "/threelists/matchmaker";
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** A message as sent: its CloudEvents id, its key (the project) and its JSON value. */
    public record Message(String id, String projectId, String json) {
    }

    private ProjectListMessages() {
    }

    public static String newProjectId() {
        return UUID.randomUUID().toString();
    }

    public static String newClaimId() {
        return UUID.randomUUID().toString();
    }

    /** Who asks on the unit's behalf, as the matchmaker records it: the unit's staff member's token subject. */
    public static String actorOf(String unitId) {
        return "unit:staff-" + unitId;
    }

    // --- project-list.events.v1 ----------------------------------------------------------------------------------

    public static Message claimRequested(String projectId, String claimId, String unitId, String resourceId,
            double amount, String period) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("projectId", projectId);
        data.put("claimId", claimId);
        data.put("kind", "CLAIM");
        data.put("unitId", unitId);
        data.put("resourceId", resourceId);
        data.put("amount", amount);
        data.put("period", period);
        data.put("actor", actorOf(unitId));
        return message("claim-requested", projectId, data);
    }

    /** The matchmaker gave the claim up: refused by resource-list, or no answer within its claim-pending time. */
    public static Message claimRefused(String projectId, String claimId, String unitId, String resourceId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("projectId", projectId);
        data.put("claimId", claimId);
        data.put("kind", "CLAIM");
        data.put("unitId", unitId);
        data.put("resourceId", resourceId);
        data.put("reason", "no answer from resource-list within PT5M");
        data.put("actor", "matchmaker");
        return message("claim-refused", projectId, data);
    }

    public static Message claimReleased(String projectId, List<Map<String, Object>> releases) {
        Map<String, Object> data = releaseData(projectId, releases);
        data.put("reason", "单位人手不足,退回认领");
        data.put("claimDeadline", Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        return message("claim-released", projectId, data);
    }

    public static Message claimExpired(String projectId, List<Map<String, Object>> releases) {
        Map<String, Object> data = releaseData(projectId, releases);
        data.put("claimDeadline", Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        data.put("actor", "matchmaker");
        return message("claim-expired", projectId, data);
    }

    public static Message cancelled(String projectId, List<Map<String, Object>> releases) {
        Map<String, Object> data = releaseData(projectId, releases);
        data.put("reason", "需求已由社区自行解决");
        data.put("actor", "desk:desk-dianqian");
        return message("cancelled", projectId, data);
    }

    /** The matchmaker gives back a reservation that came for a claim it had already given up. */
    public static Message reservationReturned(String projectId, List<Map<String, Object>> releases) {
        Map<String, Object> data = releaseData(projectId, releases);
        data.put("reason", "认领已超时撤回");
        data.put("actor", "matchmaker");
        return message("reservation-returned", projectId, data);
    }

    public static Message delivered(String projectId, List<Map<String, Object>> consumptions) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("projectId", projectId);
        data.put("streetCode", "dianqian");
        data.put("communityCode", "jiafu");
        data.put("category", "LEGAL_ADVICE");
        data.put("demandIds", List.of(UUID.randomUUID().toString()));
        data.put("report", Map.of("date", LocalDate.now().toString(), "place", "嘉福社区党群服务中心",
                "volunteers", List.of(Map.of("volunteerId", UUID.randomUUID().toString(),
                        "unitId", consumptions.isEmpty() ? "unit-none" : consumptions.get(0).get("unitId"),
                        "maskedName", "王*明", "hours", 3)),
                "residentsServed", 12));
        data.put("consumptions", consumptions);
        data.put("actor", "unit:staff-court");
        return message("delivered", projectId, data);
    }

    /** An event that says nothing about capacity. */
    public static Message scheduled(String projectId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("projectId", projectId);
        data.put("demandIds", List.of(UUID.randomUUID().toString()));
        data.put("date", LocalDate.now().plusDays(3).toString());
        data.put("place", "嘉福社区党群服务中心");
        data.put("actor", "unit:staff-court");
        return message("scheduled", projectId, data);
    }

    public static Map<String, Object> release(String claimId, String unitId, String resourceId) {
        return Map.of("claimId", claimId, "unitId", unitId, "resourceId", resourceId);
    }

    public static Map<String, Object> consumption(String claimId, String unitId, String resourceId, double amount) {
        return Map.of("claimId", claimId, "unitId", unitId, "resourceId", resourceId, "amount", amount);
    }

    /** A copy of {@code message} with {@code field} of its data removed: what no producer of the contract sends. */
    public static Message withoutDataField(Message message, String field) {
        try {
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(message.json());
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("data")).remove(field);
            return new Message(message.id(), message.projectId(), Json.mapper().writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a message the matchmaker could have sent: it must be valid against the topic's schema. */
    public static Message publish(Message message) {
        ContractMessages.send(TOPIC, message.projectId(), message.json());
        return message;
    }

    /** Sends anything, valid or not. */
    public static void publishUnchecked(String key, String value) {
        KafkaProbe.send(TOPIC, key, value);
    }

    private static Map<String, Object> releaseData(String projectId, List<Map<String, Object>> releases) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("projectId", projectId);
        data.put("demandIds", List.of(UUID.randomUUID().toString()));
        data.put("releases", releases);
        data.put("actor", "desk:desk-dianqian");
        return data;
    }

    private static Message message(String event, String projectId, Map<String, Object> data) {
        ContractMessages.Message message = ContractMessages.message(SOURCE, "threelists.project." + event + ".v1",
                projectId, data);
        return new Message(message.id(), projectId, message.json());
    }

    // --- resource-list.events.v1 ---------------------------------------------------------------------------------

    /** An answer on resource-list.events.v1: its key, and its CloudEvent, valid against the topic's schema. */
    public record Answer(String key, JsonNode event) {

        public String type() {
            return event.path("type").asText();
        }

        public JsonNode data() {
            return event.path("data");
        }
    }

    /** Waits for {@code count} capacity messages of {@code type} (e.g. "capacity.reserved") that carry {@code claimId}. */
    public static List<Answer> awaitAnswers(String type, String claimId, int count) {
        return awaitCapacity(type, d -> claimId.equals(d.path("claimId").asText()), count);
    }

    public static Answer awaitAnswer(String type, String claimId) {
        List<Answer> answers = awaitAnswers(type, claimId, 1);
        assertThat(answers).as(type + " for claim " + claimId).hasSize(1);
        return answers.get(0);
    }

    /** Waits for {@code count} capacity messages of {@code type} whose data matches; each is checked against the schema. */
    public static List<Answer> awaitCapacity(String type, Predicate<JsonNode> data, int count) {
        return awaitMatching("threelists." + type + ".v1", data, count);
    }

    /** Every capacity message of {@code type} now on the topic whose data matches (no waiting). */
    public static List<Answer> capacityMessages(String type, Predicate<JsonNode> data) {
        String fullType = "threelists." + type + ".v1";
        return KafkaProbe.readAll(ResourceListEventMapper.TOPIC).stream().map(ProjectListMessages::answer)
                .filter(a -> a.type().equals(fullType) && data.test(a.data())).toList();
    }

    private static List<Answer> awaitMatching(String fullType, Predicate<JsonNode> data, int count) {
        List<ConsumerRecord<String, String>> records = KafkaProbe.await(ResourceListEventMapper.TOPIC, r -> {
            if (!r.value().contains(fullType)) {
                return false;
            }
            JsonNode event = parse(r.value());
            return event.path("type").asText().equals(fullType) && data.test(event.path("data"));
        }, count, TIMEOUT);
        return records.stream().map(ProjectListMessages::answer).toList();
    }

    private static Answer answer(ConsumerRecord<String, String> record) {
        JsonNode event = parse(record.value());
        assertThat(ContractSchemas.violations(ResourceListEventMapper.TOPIC, event)).as(record.value()).isEmpty();
        return new Answer(record.key(), event);
    }

    // --- the consumer's progress ---------------------------------------------------------------------------------

    /** How often the consumer's inbox holds {@code messageId}, and with which outcome. */
    public static List<String> inboxOutcomes(String messageId) {
        return QuarkusTransaction.requiringNew().call(() -> Jdbc.list(
                "select outcome from processed_message where consumer_group = ? and message_id = ?",
                row -> row.getString(1), GROUP, messageId));
    }

    /** Waits until the consumer has dealt with (processed or dead-lettered) the message with this CloudEvents id. */
    public static List<String> awaitInbox(String messageId) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        List<String> outcomes = inboxOutcomes(messageId);
        while (outcomes.isEmpty() && Instant.now().isBefore(deadline)) {
            sleep(100);
            outcomes = inboxOutcomes(messageId);
        }
        assertThat(outcomes).as("inbox of " + GROUP + " for " + messageId).isNotEmpty();
        return outcomes;
    }

    /** Waits until the consumer group has committed the end of every partition of the topic. */
    public static void awaitConsumed() {
        KafkaProbe.awaitConsumed(GROUP, TOPIC, TIMEOUT);
    }

    public static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
