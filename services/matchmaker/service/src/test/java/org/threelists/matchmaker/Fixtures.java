package org.threelists.matchmaker;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.threelists.localstack.DevTokens;
import org.threelists.matchmaker.messaging.Topics;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.json.Json;
import org.threelists.platform.relay.CloudEvent;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
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
 * Callers, and the CloudEvents demand-list and resource-list publish, built the way their publishers build them
 * (platform {@link CloudEvent}, the platform JSON mapping) and checked against the topic's schema before sending.
 */
public final class Fixtures {

    public static final String DIANQIAN_DESK = DevTokens.desk("desk-dianqian", "dianqian");
    public static final String JIAFU_WORKER = DevTokens.community("wang-fang", "dianqian", "jiafu");
    public static final String PROBLEMS = "https://threelists.dev/problems/";

    private Fixtures() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** One CloudEvent as it travels: its id (the key of idempotency), its time and its JSON. */
    public record Message(String id, Instant time, String json) {
    }

    public static String newDemandId() {
        return UUID.randomUUID().toString();
    }

    public static String newUnitId() {
        return "unit-mm-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // --- demand-list.events.v1 (key and subject: the demand id) ------------------------------------------------

    public static Message demandEvent(String event, Map<String, Object> data) {
        return message(Topics.DEMAND_EVENTS, "/threelists/demand-list", "threelists.demand." + event + ".v1",
                (String) data.get("demandId"), data);
    }

    /** A submitted demand of 和平街道 联桥社区 by default; tests change single fields. */
    public static Map<String, Object> submitted(String demandId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("demandId", demandId);
        data.put("status", "SUBMITTED");
        data.put("actor", "li-ming");
        data.put("streetCode", "heping");
        data.put("communityCode", "lianqiao");
        data.put("compound", "联桥小区");
        data.put("category", "HEALTH");
        data.put("description", "独居老人上门量血压");
        data.put("beneficiaries", 6);
        data.put("urgency", "NORMAL");
        data.put("window", Map.of("start", LocalDate.now().plusDays(7).toString(), "end", LocalDate.now().plusDays(21).toString()));
        data.put("deadline", LocalDate.now().plusDays(30).toString());
        data.put("estimatedHours", 3);
        data.put("requiredSkills", List.of("护士"));
        data.put("source", "COMMUNITY_WORKER");
        data.put("hasResidentContact", true);
        return data;
    }

    /** The data of a status change: demandId, status, actor and the event's own fields. */
    public static Map<String, Object> change(String demandId, String status, Object... fields) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("demandId", demandId);
        data.put("status", status);
        data.put("actor", "li-ming");
        for (int i = 0; i < fields.length; i += 2) {
            data.put((String) fields[i], fields[i + 1]);
        }
        return data;
    }

    // --- resource-list.events.v1 (key: the unit id; subject: the aggregate) ---------------------------------------

    public static Message unitEvent(String event, Map<String, Object> data) {
        return message(Topics.RESOURCE_EVENTS, "/threelists/resource-list", "threelists.unit." + event + ".v1",
                (String) data.get("unitId"), data);
    }

    public static Message resourceEvent(String event, Map<String, Object> data) {
        return message(Topics.RESOURCE_EVENTS, "/threelists/resource-list", "threelists." + event + ".v1",
                (String) data.getOrDefault("resourceId", data.get("volunteerId")), data);
    }

    public static Map<String, Object> unitRegistered(String unitId, String street, String community) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("unitId", unitId);
        data.put("name", "联桥社区卫生服务站");
        data.put("kind", "HOSPITAL");
        data.put("streetCode", street);
        data.put("communities", List.of(community));
        data.put("status", "ACTIVE");
        data.put("actor", "desk-" + street);
        return data;
    }

    /** An offer of {@code hours} SERVICE_HOURS a month, valid from yesterday. */
    public static Map<String, Object> offered(String resourceId, String unitId, String category, List<String> skills,
            String community, double hours) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("resourceId", resourceId);
        data.put("unitId", unitId);
        data.put("type", "PROFESSIONAL_SERVICE");
        data.put("title", "上门健康服务");
        data.put("description", "每月上门服务");
        data.put("categories", List.of(category));
        data.put("skills", skills);
        data.put("serviceArea", List.of(community));
        data.put("availability", Map.of("weeklySlots", List.of(Map.of("dayOfWeek", "SATURDAY", "start", "09:00", "end", "11:30")),
                "dateRanges", List.of()));
        data.put("capacity", Map.of("amount", hours, "unit", "SERVICE_HOURS", "period", "MONTHLY"));
        data.put("validFrom", LocalDate.now().minusDays(1).toString());
        data.put("validUntil", LocalDate.now().plusYears(1).toString());
        data.put("status", "ACTIVE");
        data.put("actor", "staff-" + unitId);
        return data;
    }

    public static Map<String, Object> reserved(String resourceId, String unitId, double amount, String period, double remaining) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("resourceId", resourceId);
        data.put("unitId", unitId);
        data.put("projectId", "project-" + UUID.randomUUID());
        data.put("amount", amount);
        data.put("period", period);
        data.put("remaining", remaining);
        data.put("actor", "staff-" + unitId);
        return data;
    }

    public static Map<String, Object> with(Map<String, Object> data, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(data);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }

    // --- sending and awaiting -------------------------------------------------------------------------------------

    private static Message message(String topic, String source, String type, String subject, Map<String, Object> data) {
        String id = UUID.randomUUID().toString();
        // The store keeps microseconds; the read model's updated_at is compared with the event's time.
        Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try {
            String json = Json.mapper().writeValueAsString(CloudEvent.of(id, source, type, subject, time, data));
            return new Message(id, time, json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a message the producer could have sent: it must be valid against the topic's schema. */
    public static Message publish(String topic, String key, Message message) {
        try {
            assertThat(ContractSchemas.violations(topic, Json.mapper().readTree(message.json()))).as(message.json()).isEmpty();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        KafkaProbe.send(topic, key, message.json());
        return message;
    }

    /** Waits until {@code read} (run in a fresh transaction) gives a value that passes {@code until}. */
    public static <T> T await(Callable<T> read, Predicate<T> until) {
        Instant deadline = Instant.now().plusSeconds(30);
        T value = null;
        while (Instant.now().isBefore(deadline)) {
            value = QuarkusTransaction.requiringNew().call(read);
            if (value != null && until.test(value)) {
                return value;
            }
            sleep(100);
        }
        throw new AssertionError("Not reached within 30 s; last value: " + value);
    }

    /** Waits until the consumer group has committed the end of every partition of the topic. */
    public static void awaitConsumed(String group, String topic) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            Instant deadline = Instant.now().plusSeconds(30);
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                        .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
                Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                Map<TopicPartition, Long> lag = new HashMap<>();
                for (TopicPartition p : partitions) {
                    long end = ends.get(p).offset();
                    long done = committed.containsKey(p) && committed.get(p) != null ? committed.get(p).offset() : 0;
                    if (done < end) {
                        lag.put(p, end - done);
                    }
                }
                if (lag.isEmpty()) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(group + " still lags on " + lag);
                }
                sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
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

    /** How often the inbox of {@code group} holds {@code messageId}, and with which outcome. */
    public static List<String> inboxOutcomes(String group, String messageId) {
        return QuarkusTransaction.requiringNew().call(() -> io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createNativeQuery("select outcome from processed_message where consumer_group = ?1 and message_id = ?2",
                        String.class)
                .setParameter(1, group).setParameter(2, messageId).getResultList());
    }

    public static Duration timeout() {
        return Duration.ofSeconds(30);
    }
}
