package org.threelists.demand.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.threelists.demand.Fixtures;
import org.threelists.demand.domain.DemandStatus;
import org.threelists.demand.messaging.ProjectListMessages.Holder;
import org.threelists.demand.messaging.ProjectListMessages.Message;
import org.threelists.demand.projection.DemandView;
import org.threelists.devkit.DevTokens;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.json.Json;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.threelists.demand.Fixtures.COURT_UNIT;
import static org.threelists.demand.Fixtures.DIANQIAN_DESK;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;
import static org.threelists.demand.Fixtures.as;
import static org.threelists.demand.messaging.ProjectListMessages.COURT;
import static org.threelists.demand.messaging.ProjectListMessages.KINDERGARTEN;
import static org.threelists.demand.messaging.ProjectListMessages.claimExpired;
import static org.threelists.demand.messaging.ProjectListMessages.claimReleased;
import static org.threelists.demand.messaging.ProjectListMessages.cancelled;
import static org.threelists.demand.messaging.ProjectListMessages.claimed;
import static org.threelists.demand.messaging.ProjectListMessages.completed;
import static org.threelists.demand.messaging.ProjectListMessages.newProjectId;
import static org.threelists.demand.messaging.ProjectListMessages.rated;
import static org.threelists.demand.messaging.ProjectListMessages.scheduled;

/**
 * The demand list follows project-list.events.v1 from the real broker: each step of a project moves its demands,
 * the units holding the project (and only they) read the residents' contacts while they serve, a message seen
 * twice — or the whole project replayed after the inbox is lost — changes nothing more, a demand that has moved on
 * acknowledges what no longer concerns it, and what can never apply goes to project-list.events.v1.dlq.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ProjectListConsumerTest {

    /** 嘉福花园幼儿园, a member unit of the same street that does not hold the project. */
    static final String KINDERGARTEN_UNIT = DevTokens.unit("jiafu-kindergarten", KINDERGARTEN, "dianqian");
    static final String PROCESSED = "PROCESSED";
    static final String DEAD_LETTERED = "DEAD_LETTERED";

    @Test
    void a_claimed_project_matches_its_demands_and_only_its_holders_read_the_residents_contact() {
        String first = Fixtures.listed();
        String second = Fixtures.listed();
        String project = newProjectId();

        assertThat(claimed(project, "jiafu", List.of(first, second), List.of(Holder.of(COURT))).sendAndAwait())
                .isEqualTo(PROCESSED);

        for (String id : List.of(first, second)) {
            DemandView demand = Fixtures.stored(id);
            assertThat(demand.status).isEqualTo(DemandStatus.MATCHED);
            assertThat(demand.projectId).isEqualTo(project);
            assertThat(demand.servingUnitIds()).containsExactly(COURT);
            assertThat(demand.updatedBy).isEqualTo("matchmaker");
        }
        as(COURT_UNIT).get("/demands/{id}", first).then().statusCode(200)
                .body("status", equalTo("MATCHED")).body("projectId", equalTo(project))
                .body("servingUnitIds", contains(COURT))
                .body("resident.name", equalTo("陈阿姨")).body("resident.phone", equalTo("13800000001"));
        as(KINDERGARTEN_UNIT).get("/demands/{id}", first).then().statusCode(200)
                .body("status", equalTo("MATCHED")).body("hasResidentContact", equalTo(true))
                .body("resident", nullValue());
        as(JIAFU_WORKER).get("/demands/{id}", first).then().statusCode(200).body("resident.name", equalTo("陈阿姨"));
        List<String> contactsInTheCourtsList = as(COURT_UNIT).queryParam("status", "MATCHED").queryParam("size", 100)
                .get("/demands").then().statusCode(200).extract().path("items.findAll { it.demandId == '" + first
                        + "' }.resident.name");
        assertThat(contactsInTheCourtsList).containsExactly("陈阿姨");

        JsonNode matched = demandEvent(first, "matched");
        assertThat(matched.path("data").path("projectId").asText()).isEqualTo(project);
        assertThat(matched.path("data").path("status").asText()).isEqualTo("MATCHED");
        assertThat(matched.toString()).doesNotContain("陈阿姨").doesNotContain("13800000001");
    }

    @Test
    void the_project_carries_its_demand_to_rated_and_the_holders_read_the_contact_only_while_they_serve() {
        String id = Fixtures.listed();
        String project = newProjectId();
        List<String> demands = List.of(id);

        claimed(project, "jiafu", demands, List.of(Holder.of(COURT))).sendAndAwait();
        scheduled(project, demands).sendAndAwait();
        assertThat(Fixtures.stored(id).status).isEqualTo(DemandStatus.IN_PROGRESS);
        as(COURT_UNIT).get("/demands/{id}", id).then().statusCode(200).body("resident.name", equalTo("陈阿姨"));

        completed(project, demands).sendAndAwait();
        assertThat(Fixtures.stored(id).status).isEqualTo(DemandStatus.FULFILLED);
        // Delivered: the unit needs the resident's contact no more.
        as(COURT_UNIT).get("/demands/{id}", id).then().statusCode(200)
                .body("status", equalTo("FULFILLED")).body("servingUnitIds", contains(COURT))
                .body("resident", nullValue());

        rated(project, id, 5).sendAndAwait();
        DemandView demand = Fixtures.stored(id);
        assertThat(demand.status).isEqualTo(DemandStatus.RATED);
        assertThat(demand.rating).isEqualTo(5);
        assertThat(demand.updatedBy).isEqualTo("community:wang-fang");

        List<String> types = demandEventTypes(id, 6);
        assertThat(types).containsExactly("submitted", "verified", "matched", "work-started", "fulfilled", "rated");
        assertThat(demandEvent(id, "rated").path("data").path("score").asInt()).isEqualTo(5);
    }

    @Test
    void a_low_rating_puts_the_demand_back_on_the_list_for_the_desk() {
        String id = Fixtures.listed();
        String project = newProjectId();
        List<String> demands = List.of(id);
        claimed(project, "jiafu", demands, List.of(Holder.of(COURT))).sendAndAwait();
        scheduled(project, demands).sendAndAwait();
        completed(project, demands).sendAndAwait();

        rated(project, id, 2).sendAndAwait();

        DemandView demand = Fixtures.stored(id);
        assertThat(demand.status).isEqualTo(DemandStatus.LISTED);
        assertThat(demand.rating).isEqualTo(2);
        assertThat(demand.projectId).isNull();
        assertThat(demand.servingUnitIds()).isEmpty();
        assertThat(demand.statusReason).isEqualTo("resident rated the service 2 of 5");
        assertThat(demandEventTypes(id, 7)).endsWith("rated", "reopened");
    }

    @Test
    void a_cancelled_project_puts_its_demands_back_on_the_list_and_its_holders_lose_the_contact() {
        String id = Fixtures.listed();
        String project = newProjectId();
        Holder court = Holder.of(COURT);
        claimed(project, "jiafu", List.of(id), List.of(court)).sendAndAwait();
        scheduled(project, List.of(id)).sendAndAwait();

        assertThat(cancelled(project, List.of(id), List.of(court), "场地临时改作防汛物资仓库").sendAndAwait())
                .isEqualTo(PROCESSED);

        DemandView demand = Fixtures.stored(id);
        assertThat(demand.status).isEqualTo(DemandStatus.LISTED);
        assertThat(demand.projectId).isNull();
        assertThat(demand.servingUnitIds()).isEmpty();
        assertThat(demand.statusReason).isEqualTo("project cancelled: 场地临时改作防汛物资仓库");
        assertThat(demand.updatedBy).isEqualTo("desk:desk-dianqian");
        as(COURT_UNIT).get("/demands/{id}", id).then().statusCode(200)
                .body("status", equalTo("LISTED")).body("servingUnitIds", empty()).body("resident", nullValue());
        as(DIANQIAN_DESK).get("/demands/{id}", id).then().statusCode(200).body("resident.name", equalTo("陈阿姨"));
        // the desk's words stay here: the topic says why with a code and a fixed text
        JsonNode reopened = demandEvent(id, "reopened").path("data");
        assertThat(reopened.path("reasonCode").asText()).isEqualTo("PROJECT_CANCELLED");
        assertThat(reopened.path("reason").asText()).isEqualTo("服务该需求的项目已取消，需求重回清单");
    }

    @Test
    void a_released_claim_reopens_the_demand_and_the_next_claim_serves_it_with_the_new_holders() {
        String id = Fixtures.listed();
        String project = newProjectId();
        Holder court = Holder.of(COURT);
        claimed(project, "jiafu", List.of(id), List.of(court)).sendAndAwait();

        claimReleased(project, List.of(id), List.of(court), "法官临时出差").sendAndAwait();
        assertThat(Fixtures.stored(id).status).isEqualTo(DemandStatus.LISTED);
        assertThat(Fixtures.stored(id).statusReason).isEqualTo("claim released: 法官临时出差");

        claimed(project, "jiafu", List.of(id), List.of(Holder.of(KINDERGARTEN))).sendAndAwait();
        DemandView demand = Fixtures.stored(id);
        assertThat(demand.status).isEqualTo(DemandStatus.MATCHED);
        assertThat(demand.servingUnitIds()).containsExactly(KINDERGARTEN);
        as(KINDERGARTEN_UNIT).get("/demands/{id}", id).then().statusCode(200).body("resident.name", equalTo("陈阿姨"));
        as(COURT_UNIT).get("/demands/{id}", id).then().statusCode(200).body("resident", nullValue());
    }

    @Test
    void an_expired_claim_reopens_a_matched_demand_and_leaves_an_unclaimed_one_alone() {
        String matched = Fixtures.listed();
        String matchedProject = newProjectId();
        Holder court = Holder.of(COURT);
        claimed(matchedProject, "jiafu", List.of(matched), List.of(court)).sendAndAwait();
        claimExpired(matchedProject, List.of(matched), List.of(court)).sendAndAwait();
        assertThat(Fixtures.stored(matched).status).isEqualTo(DemandStatus.LISTED);
        assertThat(Fixtures.stored(matched).statusReason).isEqualTo("claim deadline passed");

        String unclaimed = Fixtures.listed();
        long before = Fixtures.stored(unclaimed).version;
        assertThat(claimExpired(newProjectId(), List.of(unclaimed), List.of(Holder.of(KINDERGARTEN))).sendAndAwait())
                .isEqualTo(PROCESSED);
        assertThat(Fixtures.stored(unclaimed).status).isEqualTo(DemandStatus.LISTED);
        assertThat(Fixtures.stored(unclaimed).version).isEqualTo(before);
    }

    @Test
    void a_claim_for_a_demand_withdrawn_meanwhile_is_acknowledged_and_changes_nothing() {
        String id = Fixtures.listed();
        as(JIAFU_WORKER).body(Map.of("reason", "邻里已帮忙解决")).post("/demands/{id}/withdraw", id).then().statusCode(200);
        long before = Fixtures.stored(id).version;

        Message claim = claimed(newProjectId(), "jiafu", List.of(id), List.of(Holder.of(COURT)));
        assertThat(claim.sendAndAwait()).isEqualTo(PROCESSED);

        DemandView demand = Fixtures.stored(id);
        assertThat(demand.status).isEqualTo(DemandStatus.WITHDRAWN);
        assertThat(demand.version).isEqualTo(before);
        assertThat(demand.servingUnitIds()).isEmpty();
        as(COURT_UNIT).get("/demands/{id}", id).then().statusCode(403);
        assertThat(deadLetters(claim.projectId())).isEmpty();
    }

    @Test
    void the_same_message_delivered_twice_moves_the_demand_once() {
        String id = Fixtures.listed();
        String project = newProjectId();
        Message claim = claimed(project, "jiafu", List.of(id), List.of(Holder.of(COURT)));
        claim.send();
        claim.send();
        // The next message of the project, on the same partition, is handled only after both deliveries.
        scheduled(project, List.of(id)).sendAndAwait();

        assertThat(Fixtures.stored(id).status).isEqualTo(DemandStatus.IN_PROGRESS);
        assertThat(Fixtures.stored(id).version).isEqualTo(3);
        assertThat(demandEventTypes(id, 4)).containsExactly("submitted", "verified", "matched", "work-started");
    }

    @Test
    void replaying_a_whole_project_after_the_inbox_is_lost_changes_nothing() {
        String id = Fixtures.listed();
        String project = newProjectId();
        List<String> demands = List.of(id);
        Holder court = Holder.of(COURT);
        List<Message> history = List.of(
                claimed(project, "jiafu", demands, List.of(court)),
                scheduled(project, demands),
                claimReleased(project, demands, List.of(court), "法官临时出差"),
                claimed(project, "jiafu", demands, List.of(Holder.of(KINDERGARTEN))),
                scheduled(project, demands),
                completed(project, demands),
                rated(project, id, 2));
        history.forEach(Message::sendAndAwait);
        DemandView before = Fixtures.stored(id);
        assertThat(before.status).isEqualTo(DemandStatus.LISTED);
        List<String> eventsBefore = demandEventTypes(id, 10);

        ProjectListMessages.forgetInbox(history);
        history.forEach(message -> assertThat(message.sendAndAwait()).isEqualTo(PROCESSED));

        DemandView after = Fixtures.stored(id);
        assertThat(after.version).isEqualTo(before.version);
        assertThat(after.status).isEqualTo(DemandStatus.LISTED);
        assertThat(after.rating).isEqualTo(2);
        // Nothing new reached the topic: a marker demand's event, committed after the replay, is there; no more of ours.
        String marker = Fixtures.submitted();
        KafkaProbe.await(Topics.DEMAND_EVENTS, r -> marker.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(demandEventTypes(id, 0)).isEqualTo(eventsBefore);
        assertThat(eventsBefore).containsExactly("submitted", "verified", "matched", "work-started", "reopened",
                "matched", "work-started", "fulfilled", "rated", "reopened");
    }

    @Test
    void messages_that_can_never_apply_go_to_the_dlq_and_the_next_one_is_still_processed() {
        String id = Fixtures.listed();
        String project = newProjectId();
        String notJsonKey = "broken-" + UUID.randomUUID();
        KafkaProbe.send(Topics.PROJECT_EVENTS, notJsonKey, "{this is not json");
        Message valid = claimed(project, "jiafu", List.of(id), List.of(Holder.of(COURT)));
        ObjectNode withoutHolders = (ObjectNode) parse(valid.json());
        ((ObjectNode) withoutHolders.get("data")).remove("holders");
        Message noHolders = new Message(valid.id(), project, withoutHolders.toString());
        String unknownDemand = UUID.randomUUID().toString();
        Message unknown = claimed(project, "jiafu", List.of(id, unknownDemand), List.of(Holder.of(COURT)));
        Message foreign = claimed(project, "lianqiao", List.of(id), List.of(Holder.of(COURT)));

        assertThat(noHolders.sendAndAwait()).isEqualTo(DEAD_LETTERED);
        assertThat(unknown.sendAndAwait()).isEqualTo(DEAD_LETTERED);
        assertThat(foreign.sendAndAwait()).isEqualTo(DEAD_LETTERED);
        assertThat(Fixtures.stored(id).status).isEqualTo(DemandStatus.LISTED);
        assertThat(Fixtures.stored(id).version).isEqualTo(1);
        assertThat(Fixtures.stored(id).servingUnitIds()).isEmpty();

        Message good = claimed(project, "jiafu", List.of(id), List.of(Holder.of(COURT)));
        assertThat(good.sendAndAwait()).isEqualTo(PROCESSED);
        assertThat(Fixtures.stored(id).status).isEqualTo(DemandStatus.MATCHED);

        List<ConsumerRecord<String, String>> dead = KafkaProbe.await(Topics.PROJECT_EVENTS + ".dlq",
                r -> project.equals(r.key()) || notJsonKey.equals(r.key()), 4, Duration.ofSeconds(30));
        assertThat(dead).hasSize(4);
        assertThat(dead).allSatisfy(r -> {
            assertThat(KafkaProbe.header(r, "dlq.consumer-group")).isEqualTo(ProjectListMessages.GROUP);
            assertThat(KafkaProbe.header(r, "dlq.original-topic")).isEqualTo(Topics.PROJECT_EVENTS);
        });
        assertThat(reasonFor(dead, notJsonKey, null)).startsWith("Not JSON");
        assertThat(reasonFor(dead, project, noHolders.id())).contains("schema").contains("holders");
        assertThat(reasonFor(dead, project, unknown.id())).contains(unknownDemand).contains("not on the demand list");
        assertThat(reasonFor(dead, project, foreign.id())).contains("communityCode").contains("lianqiao");
        // The dead letter keeps the message as it came, for whoever repairs it.
        assertThat(dead).extracting(ConsumerRecord::value).contains(foreign.json());
    }

    @Test
    void the_project_steps_that_do_not_move_demands_change_nothing() {
        String id = Fixtures.listed();
        String project = newProjectId();
        Holder court = Holder.of(COURT);
        assertThat(ProjectListMessages.published(project, List.of(id)).sendAndAwait()).isEqualTo(PROCESSED);
        assertThat(Fixtures.stored(id).version).isEqualTo(1);
        claimed(project, "jiafu", List.of(id), List.of(court)).sendAndAwait();
        scheduled(project, List.of(id)).sendAndAwait();
        long before = Fixtures.stored(id).version;

        assertThat(ProjectListMessages.delivered(project, List.of(id), court).sendAndAwait()).isEqualTo(PROCESSED);
        // Scheduled again (a new date): the work is already under way.
        assertThat(scheduled(project, List.of(id)).sendAndAwait()).isEqualTo(PROCESSED);

        assertThat(Fixtures.stored(id).version).isEqualTo(before);
        assertThat(Fixtures.stored(id).status).isEqualTo(DemandStatus.IN_PROGRESS);
    }

    /** The demand's events on demand-list.events.v1, each valid against its schema, as short types in order. */
    static List<String> demandEventTypes(String demandId, int atLeast) {
        List<ConsumerRecord<String, String>> records = atLeast == 0
                ? KafkaProbe.readAll(Topics.DEMAND_EVENTS).stream().filter(r -> demandId.equals(r.key())).toList()
                : KafkaProbe.await(Topics.DEMAND_EVENTS, r -> demandId.equals(r.key()), atLeast, Duration.ofSeconds(30));
        List<String> types = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode event = parse(record.value());
            assertThat(ContractSchemas.violations(Topics.DEMAND_EVENTS, event)).as(record.value()).isEmpty();
            String type = event.path("type").asText();
            types.add(type.substring("threelists.demand.".length(), type.length() - ".v1".length()));
        }
        return types;
    }

    /** The demand's last event of a type, once it is on demand-list.events.v1, checked against the schema. */
    static JsonNode demandEvent(String demandId, String type) {
        String fullType = "threelists.demand." + type + ".v1";
        List<ConsumerRecord<String, String>> records = KafkaProbe.await(Topics.DEMAND_EVENTS,
                r -> demandId.equals(r.key()) && r.value().contains("\"" + fullType + "\""), 1, Duration.ofSeconds(30));
        JsonNode event = parse(records.get(records.size() - 1).value());
        assertThat(ContractSchemas.violations(Topics.DEMAND_EVENTS, event)).isEmpty();
        return event;
    }

    private static List<ConsumerRecord<String, String>> deadLetters(String key) {
        return KafkaProbe.readAll(Topics.PROJECT_EVENTS + ".dlq").stream().filter(r -> key.equals(r.key())).toList();
    }

    private static String reasonFor(List<ConsumerRecord<String, String>> dead, String key, String messageId) {
        return dead.stream().filter(r -> key.equals(r.key()))
                .filter(r -> messageId == null || r.value().contains("\"id\":\"" + messageId + "\""))
                .map(r -> KafkaProbe.header(r, "dlq.reason")).findFirst().orElseThrow();
    }

    static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
