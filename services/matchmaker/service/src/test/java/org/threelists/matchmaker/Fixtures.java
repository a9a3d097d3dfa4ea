package org.threelists.matchmaker;

import org.threelists.platform.projection.jdbc.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.threelists.devkit.DevTokens;
import org.threelists.testing.ContractMessages;
import org.threelists.testing.ContractMessages.Message;
import org.threelists.testing.KafkaProbe;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;

/**
 * Callers, and the CloudEvents demand-list and resource-list publish, built the way their publishers build them
 * ({@link ContractMessages}) and checked against the topic's schema before sending.
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

    public static String newDemandId() {
        return UUID.randomUUID().toString();
    }

    public static String newUnitId() {
        return "unit-mm-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // --- demand-list.events.v1 (key and subject: the demand id) ------------------------------------------------

    public static Message demandEvent(String event, Map<String, Object> data) {
        return ContractMessages.message("/threelists/demand-list", "threelists.demand." + event + ".v1",
                (String) data.get("demandId"), data);
    }

    /** A second-lane slip's event, on the same topic and keyed by its demand. */
    public static Message slipEvent(String event, Map<String, Object> data) {
        return ContractMessages.message("/threelists/demand-list", "threelists.slip." + event + ".v1",
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
        return ContractMessages.message("/threelists/resource-list", "threelists.unit." + event + ".v1",
                (String) data.get("unitId"), data);
    }

    public static Message resourceEvent(String event, Map<String, Object> data) {
        return ContractMessages.message("/threelists/resource-list", "threelists." + event + ".v1",
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

    /** Sends a message the producer could have sent: it must be valid against the topic's schema. */
    public static Message publish(String topic, String key, Message message) {
        return ContractMessages.send(topic, key, message);
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
        KafkaProbe.awaitConsumed(group, topic, timeout());
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
        return Jdbc.list("select outcome from processed_message where consumer_group = ? and message_id = ?",
                row -> row.getString(1), group, messageId);
    }

    public static Duration timeout() {
        return Duration.ofSeconds(30);
    }
}
