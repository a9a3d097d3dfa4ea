package org.threelists.demand.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import org.threelists.testing.ContractMessages;
import org.threelists.testing.KafkaProbe;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * project-list.events.v1 messages as the matchmaker publishes them (CloudEvents, key = project id), for the demand
 * list's tests. Every message is checked against contracts/schemas/project-list.events.v1.schema.json before it is
 * sent, so the tests speak the published language and not a private dialect of it.
 */
public final class ProjectListMessages {

    public static final String GROUP = "demand-list.project-list";
    public static final String COURT = "unit-huli-court";
    public static final String KINDERGARTEN = "unit-jiafu-kindergarten";

    private ProjectListMessages() {
    }

    /** One message: its CloudEvents id (the key of idempotency), the project (the Kafka key) and the JSON value. */
    public record Message(String id, String projectId, String json) {

        /** Sends it to project-list.events.v1, keyed by the project, as the matchmaker's relay would. */
        public Message send() {
            KafkaProbe.send(Topics.PROJECT_EVENTS, projectId, json);
            return this;
        }

        /** Sends it and waits until the demand list has dealt with it; returns the inbox outcome. */
        public String sendAndAwait() {
            send();
            return awaitHandled(id);
        }
    }

    /** A unit holding the project, by its claim. */
    public record Holder(String claimId, String unitId) {

        public static Holder of(String unitId) {
            return new Holder(UUID.randomUUID().toString(), unitId);
        }
    }

    public static String newProjectId() {
        return UUID.randomUUID().toString();
    }

    public static Message claimed(String projectId, String communityCode, List<String> demandIds, List<Holder> holders) {
        Map<String, Object> data = data(projectId);
        data.put("streetCode", "dianqian");
        data.put("communityCode", communityCode);
        data.put("category", "LEGAL_ADVICE");
        data.put("demandIds", demandIds);
        data.put("mode", holders.size() > 1 ? "PLEDGE" : "CLAIM");
        data.put("holders", holders.stream().map(h -> Map.of("claimId", h.claimId(), "unitId", h.unitId(),
                "resourceId", UUID.randomUUID().toString(), "amount", new BigDecimal("4.5"))).toList());
        data.put("completionDeadline", Instant.now().plus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        data.put("actor", "matchmaker");
        return message("claimed", data);
    }

    public static Message scheduled(String projectId, List<String> demandIds) {
        Map<String, Object> data = data(projectId);
        data.put("demandIds", demandIds);
        data.put("date", LocalDate.now().plusDays(7).toString());
        data.put("place", "嘉福社区党群服务中心");
        data.put("actor", "unit:huli-court");
        return message("scheduled", data);
    }

    public static Message delivered(String projectId, List<String> demandIds, Holder holder) {
        Map<String, Object> data = data(projectId);
        data.put("streetCode", "dianqian");
        data.put("communityCode", "jiafu");
        data.put("category", "LEGAL_ADVICE");
        data.put("demandIds", demandIds);
        data.put("report", Map.of("date", LocalDate.now().toString(), "place", "嘉福社区党群服务中心",
                "volunteers", List.of(Map.of("volunteerId", UUID.randomUUID().toString(), "unitId", holder.unitId(),
                        "maskedName", "王*明", "hours", 2)), "residentsServed", 12));
        data.put("consumptions", List.of(Map.of("claimId", holder.claimId(), "unitId", holder.unitId(),
                "resourceId", UUID.randomUUID().toString(), "amount", 2)));
        data.put("actor", "unit:huli-court");
        return message("delivered", data);
    }

    public static Message completed(String projectId, List<String> demandIds) {
        Map<String, Object> data = data(projectId);
        data.put("demandIds", demandIds);
        data.put("confirmedBy", "community:wang-fang");
        data.put("actor", "community:wang-fang");
        return message("completed", data);
    }

    public static Message rated(String projectId, String demandId, int score) {
        Map<String, Object> data = data(projectId);
        data.put("demandId", demandId);
        data.put("score", score);
        data.put("comment", score > 2 ? "法官讲得很清楚" : "没有解决问题");
        data.put("allRated", true);
        data.put("actor", "community:wang-fang");
        return message("rated", data);
    }

    public static Message cancelled(String projectId, List<String> demandIds, List<Holder> releases, String reason) {
        Map<String, Object> data = data(projectId);
        data.put("demandIds", demandIds);
        data.put("releases", releases(releases));
        data.put("reason", reason);
        data.put("actor", "desk:desk-dianqian");
        return message("cancelled", data);
    }

    public static Message claimReleased(String projectId, List<String> demandIds, List<Holder> releases, String reason) {
        Map<String, Object> data = data(projectId);
        data.put("demandIds", demandIds);
        data.put("releases", releases(releases));
        data.put("reason", reason);
        data.put("claimDeadline", Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        data.put("actor", "unit:huli-court");
        return message("claim-released", data);
    }

    public static Message claimExpired(String projectId, List<String> demandIds, List<Holder> releases) {
        Map<String, Object> data = data(projectId);
        data.put("demandIds", demandIds);
        data.put("releases", releases(releases));
        data.put("claimDeadline", Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        data.put("actor", "matchmaker");
        return message("claim-expired", data);
    }

    public static Message published(String projectId, List<String> demandIds) {
        Map<String, Object> data = data(projectId);
        data.put("streetCode", "dianqian");
        data.put("communityCode", "jiafu");
        data.put("category", "LEGAL_ADVICE");
        data.put("demandIds", demandIds);
        data.put("need", Map.of("amount", 4.5, "unit", "SERVICE_HOURS"));
        data.put("mode", "CLAIM");
        data.put("decidedBy", "desk:desk-dianqian");
        data.put("decidedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        data.put("claimDeadline", Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        data.put("actor", "desk:desk-dianqian");
        return message("published", data);
    }

    /**
     * Waits until the demand list's inbox has recorded the message (processed, or dead-lettered) and returns the
     * outcome: a message that changes nothing is recorded too, so this is how a test knows it was dealt with.
     */
    public static String awaitHandled(String messageId) {
        return InboxRows.awaitOutcome(GROUP, messageId);
    }

    public static Optional<String> inboxOutcome(String messageId) {
        return InboxRows.outcome(GROUP, messageId);
    }

    /** Forgets that the demand list processed these messages, as if its inbox had been lost. */
    public static void forgetInbox(List<Message> messages) {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement(
                     "DELETE FROM processed_message WHERE consumer_group = ? AND message_id = ?")) {
            for (Message message : messages) {
                delete.setString(1, GROUP);
                delete.setString(2, message.id());
                delete.addBatch();
            }
            delete.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> data(String projectId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("projectId", projectId);
        return data;
    }

    private static List<Map<String, String>> releases(List<Holder> holders) {
        return holders.stream().map(h -> Map.of("claimId", h.claimId(), "unitId", h.unitId(),
                "resourceId", UUID.randomUUID().toString())).toList();
    }

    private static Message message(String type, Map<String, Object> data) {
        String projectId = (String) data.get("projectId");
        ContractMessages.Message event = ContractMessages.message("/threelists/matchmaker",
                "threelists.project." + type + ".v1", projectId, data);
        ContractMessages.assertConforms(Topics.PROJECT_EVENTS, event.json());
        return new Message(event.id(), projectId, event.json());
    }
}
