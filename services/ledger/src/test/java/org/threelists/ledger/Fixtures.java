package org.threelists.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.threelists.ledger.messaging.Topics;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.json.Json;
import org.threelists.platform.relay.CloudEvent;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CloudEvents matchmaker and resource-list publish, built the way their publishers build them and checked against
 * the topic's schema before they are sent to the real broker.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public record Message(String id, String json) {
    }

    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    public static Message projectEvent(String event, String projectId, Map<String, Object> data) {
        return message("/threelists/matchmaker", "threelists.project." + event + ".v1", projectId, data);
    }

    public static Message resourceListEvent(String type, String subject, Map<String, Object> data) {
        return message("/threelists/resource-list", "threelists." + type + ".v1", subject, data);
    }

    public static Map<String, Object> volunteerHours(String volunteerId, String unitId, double hours) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("volunteerId", volunteerId);
        v.put("unitId", unitId);
        v.put("hours", hours);
        return v;
    }

    public static Map<String, Object> consumption(String unitId, String resourceId, double amount) {
        return Map.of("claimId", uuid(), "unitId", unitId, "resourceId", resourceId, "amount", amount);
    }

    public static Map<String, Object> delivered(String projectId, String street, String community, String category,
            LocalDate date, int residents, List<Map<String, Object>> volunteers, List<Map<String, Object>> consumptions) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", date.toString());
        report.put("place", "社区活动中心");
        report.put("volunteers", volunteers);
        report.put("residentsServed", residents);
        report.put("notes", "服务顺利");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("projectId", projectId);
        data.put("streetCode", street);
        data.put("communityCode", community);
        data.put("category", category);
        data.put("demandIds", List.of(uuid()));
        data.put("report", report);
        data.put("consumptions", consumptions);
        data.put("actor", "staff-reporter");
        return data;
    }

    public static Map<String, Object> unitRegistered(String unitId, String name, String street, String community) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("unitId", unitId);
        data.put("name", name);
        data.put("kind", "HOSPITAL");
        data.put("partyOrganisation", name + "党委");
        data.put("streetCode", street);
        data.put("communities", List.of(community));
        data.put("status", "ACTIVE");
        data.put("actor", "desk-" + street);
        return data;
    }

    public static Map<String, Object> volunteerRegistered(String volunteerId, String unitId, String home, String masked) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("volunteerId", volunteerId);
        data.put("unitId", unitId);
        data.put("homeCommunity", home);
        data.put("skills", List.of());
        data.put("maskedName", masked);
        data.put("status", "ACTIVE");
        data.put("actor", "staff");
        return data;
    }

    private static Message message(String source, String type, String subject, Map<String, Object> data) {
        String id = uuid();
        Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try {
            return new Message(id, Json.mapper().writeValueAsString(CloudEvent.of(id, source, type, subject, time, data)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a message its producer could have sent: it must be valid against the topic's schema. */
    public static Message publish(String topic, String key, Message message) {
        try {
            assertThat(ContractSchemas.violations(topic, Json.mapper().readTree(message.json()))).as(message.json()).isEmpty();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        KafkaProbe.send(topic, key, message.json());
        return message;
    }

    public static Message deliver(Map<String, Object> data) {
        String projectId = (String) data.get("projectId");
        return publish(Topics.PROJECT_EVENTS, projectId, projectEvent("delivered", projectId, data));
    }

    public static <T> T await(Callable<T> read, Predicate<T> until) {
        Instant deadline = Instant.now().plusSeconds(40);
        T value = null;
        while (Instant.now().isBefore(deadline)) {
            value = QuarkusTransaction.requiringNew().call(read);
            if (value != null && until.test(value)) {
                return value;
            }
            sleep(100);
        }
        throw new AssertionError("Not reached within 40 s; last value: " + value);
    }

    /** Waits until the consumer group has committed the end of every partition of the topic. */
    public static void awaitConsumed(String group, String topic) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            Instant deadline = Instant.now().plusSeconds(40);
            while (Instant.now().isBefore(deadline)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                        .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
                var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                        .all().get();
                boolean done = partitions.stream().allMatch(p -> ends.get(p).offset() == 0
                        || (committed.get(p) != null && committed.get(p).offset() >= ends.get(p).offset()));
                if (done) {
                    return;
                }
                sleep(200);
            }
            throw new AssertionError(group + " did not consume " + topic + " within 40 s");
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
