package org.threelists.resource.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.threelists.devkit.DevTokens;
import org.threelists.resource.domain.PartyMemberKind;
import org.threelists.resource.projection.PartyGroupView;
import org.threelists.resource.projection.PartyMemberView;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.projection.jdbc.Jdbc;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.threelists.resource.Fixtures.DIANQIAN_AUDITOR;
import static org.threelists.resource.Fixtures.DIANQIAN_DESK;
import static org.threelists.resource.Fixtures.HEPING_DESK;
import static org.threelists.resource.Fixtures.JIAFU_WORKER;
import static org.threelists.resource.Fixtures.LIANQIAO_WORKER;
import static org.threelists.resource.Fixtures.PROBLEM_JSON;
import static org.threelists.resource.Fixtures.as;
import static org.threelists.resource.Fixtures.committed;
import static org.threelists.resource.Fixtures.problem;
import static org.threelists.resource.Fixtures.registeredUnit;
import static org.threelists.resource.Fixtures.registeredVolunteer;
import static org.threelists.resource.Fixtures.unitToken;
import static org.threelists.resource.Fixtures.volunteer;
import static org.threelists.resource.messaging.ResourceListEventMapper.TOPIC;

/**
 * /party-groups: a community's building Party groups (楼栋党小组). The community worker keeps their own community's;
 * members are volunteers registered there through 双报到 or resident Party members; events on resource-list's topic.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PartyGroupResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, Object> group(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("compound", "嘉福盐业小区");
        body.put("buildings", List.of("1号楼", "2号楼"));
        return body;
    }

    static String created(String name) {
        return as(JIAFU_WORKER).body(group(name)).post("/party-groups").then().statusCode(201).extract().path("groupId");
    }

    static Map<String, Object> resident(String name, String phone) {
        return Map.of("person", Map.of("name", name, "phone", phone), "skills", List.of("政策咨询"), "consent", true);
    }

    @Test
    void the_community_worker_creates_a_group_of_their_community() {
        String groupId = as(JIAFU_WORKER).body(group("嘉福盐业小区1号楼党小组")).post("/party-groups").then()
                .statusCode(201)
                .body("streetCode", equalTo("dianqian"))
                .body("communityCode", equalTo("jiafu"))
                .body("compound", equalTo("嘉福盐业小区"))
                .body("buildings", contains("1号楼", "2号楼"))
                .body("members", equalTo(List.of()))
                .body("$", not(hasKey("leaderId")))
                .body("createdBy", equalTo("community:wang-fang"))
                .extract().path("groupId");
        PartyGroupView stored = committed(() -> PartyGroupView.findById(groupId));
        assertThat(stored.communityCode).isEqualTo("jiafu");
        assertThat(stored.name).isEqualTo("嘉福盐业小区1号楼党小组");
        assertThat(stored.buildings).containsExactly("1号楼", "2号楼");
        assertThat(stored.leaderId).isNull();
        JsonNode message = published("threelists.party-group.created.v1", groupId);
        assertThat(message.path("data").path("communityCode").asText()).isEqualTo("jiafu");
        assertThat(message.path("data").path("compound").asText()).isEqualTo("嘉福盐业小区");
    }

    @Test
    void a_compound_of_another_community_or_a_group_covering_nothing_is_refused() {
        as(JIAFU_WORKER).body(Map.of("name", "党小组", "compound", "乌江水岸小区", "buildings", List.of()))
                .post("/party-groups").then().statusCode(400).contentType(PROBLEM_JSON);
        as(JIAFU_WORKER).body(Map.of("name", "党小组", "buildings", List.of()))
                .post("/party-groups").then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void a_volunteer_of_the_community_and_a_resident_join_and_one_is_named_leader() {
        String groupId = created("1号楼党小组");
        String unitId = registeredUnit();
        String volunteerId = registeredVolunteer(unitId);
        as(JIAFU_WORKER).body(Map.of("volunteerId", volunteerId)).post("/party-groups/{id}/members", groupId).then()
                .statusCode(200)
                .body("members[0].memberId", equalTo(volunteerId))
                .body("members[0].kind", equalTo("VOLUNTEER"))
                .body("members[0].kindLabel", equalTo("双报到党员"))
                .body("members[0].homeUnitId", equalTo(unitId))
                .body("members[0].maskedName", equalTo("王*明"))
                .body("members[0].skills", contains("法律咨询", "矛盾调解"));
        String residentId = as(JIAFU_WORKER).body(resident("赵大爷", "13800000042"))
                .post("/party-groups/{id}/members", groupId).then().statusCode(200)
                .body("members[1].kind", equalTo("RESIDENT"))
                .body("members[1].maskedName", equalTo("赵*爷"))
                .body("members[1].person.name", equalTo("赵大爷"))
                .body("members[1]", not(hasKey("homeUnitId")))
                .extract().path("members[1].memberId");
        as(JIAFU_WORKER).body(Map.of("memberId", volunteerId)).post("/party-groups/{id}/leader", groupId).then()
                .statusCode(200).body("leaderId", equalTo(volunteerId)).body("members[0].leader", equalTo(true));

        PartyGroupView stored = committed(() -> PartyGroupView.findById(groupId));
        assertThat(stored.leaderId).isEqualTo(volunteerId);
        PartyMemberView storedResident = committed(() -> PartyMemberView.findById(groupId, residentId));
        assertThat(storedResident.kind).isEqualTo(PartyMemberKind.RESIDENT);
        assertThat(storedResident.sealedPerson).startsWith("v1.").doesNotContain("赵大爷").doesNotContain("13800000042");

        JsonNode added = published("threelists.party-group.member-added.v1", groupId);
        assertThat(added.path("data").path("homeUnitId").asText()).isEqualTo(unitId);
        published("threelists.party-group.leader-named.v1", groupId);
        List<ConsumerRecord<String, String>> ofGroup = KafkaProbe.readAll(TOPIC).stream()
                .filter(r -> groupId.equals(r.key())).toList();
        assertThat(ofGroup).extracting(ConsumerRecord::value)
                .allSatisfy(v -> assertThat(v).doesNotContain("赵大爷").doesNotContain("13800000042"))
                .anySatisfy(v -> assertThat(v).contains("赵*爷"));
    }

    @Test
    void the_desk_and_auditor_read_the_groups_of_their_street_without_persons() {
        String groupId = created("2号楼党小组");
        as(JIAFU_WORKER).body(resident("钱阿姨", "13800000043")).post("/party-groups/{id}/members", groupId).then()
                .statusCode(200);
        for (String token : new String[] {DIANQIAN_DESK, DIANQIAN_AUDITOR}) {
            as(token).get("/party-groups/{id}", groupId).then().statusCode(200)
                    .body("members[0].maskedName", equalTo("钱*姨"))
                    .body("members[0]", not(hasKey("person")));
            as(token).get("/party-groups").then().statusCode(200).body("items.groupId", hasItem(groupId));
        }
        as(JIAFU_WORKER).get("/party-groups").then().statusCode(200).body("items.groupId", hasItem(groupId));
        for (String token : new String[] {LIANQIAO_WORKER, HEPING_DESK, unitToken(registeredUnit())}) {
            as(token).get("/party-groups/{id}", groupId).then().statusCode(403).contentType(PROBLEM_JSON)
                    .body("type", equalTo(problem("forbidden")));
        }
        as(LIANQIAO_WORKER).get("/party-groups").then().statusCode(200).body("items.groupId", not(hasItem(groupId)));
        as(JIAFU_WORKER).queryParam("community", "lianqiao").get("/party-groups").then().statusCode(403);
    }

    @Test
    void the_groups_leader_reads_its_roster_and_no_other_member_does() {
        String groupId = created("4号楼党小组");
        String leaderId = as(JIAFU_WORKER).body(resident("周组长", "13800000045")).post("/party-groups/{id}/members",
                groupId).then().statusCode(200).extract().path("members[0].memberId");
        String memberId = as(JIAFU_WORKER).body(resident("吴阿姨", "13800000046")).post("/party-groups/{id}/members",
                groupId).then().statusCode(200).extract().path("members[1].memberId");
        as(JIAFU_WORKER).body(Map.of("memberId", leaderId)).post("/party-groups/{id}/leader", groupId).then()
                .statusCode(200);
        String otherGroup = created("5号楼党小组");
        String otherLeaderId = as(JIAFU_WORKER).body(resident("郑组长", "13800000047"))
                .post("/party-groups/{id}/members", otherGroup).then().statusCode(200)
                .extract().path("members[0].memberId");
        as(JIAFU_WORKER).body(Map.of("memberId", otherLeaderId)).post("/party-groups/{id}/leader", otherGroup).then()
                .statusCode(200);

        String roster = as(DevTokens.member(leaderId, "dianqian", "jiafu")).get("/party-groups/{id}", groupId).then()
                .statusCode(200)
                .body("leaderId", equalTo(leaderId))
                .body("members.memberId", contains(leaderId, memberId))
                .body("members.maskedName", contains("周*长", "吴*姨"))
                .body("members[1].skills", contains("政策咨询"))
                .body("members[0].leader", equalTo(true))
                .body("members[1]", not(hasKey("person")))
                .extract().asString();
        assertThat(roster).doesNotContain("吴阿姨").doesNotContain("13800000046");
        for (String token : new String[] {DevTokens.member(memberId, "dianqian", "jiafu"),
                DevTokens.member(otherLeaderId, "dianqian", "jiafu"), DevTokens.member(leaderId, "heping", "lianqiao")}) {
            as(token).get("/party-groups/{id}", groupId).then().statusCode(403).contentType(PROBLEM_JSON)
                    .body("type", equalTo(problem("forbidden")));
        }
        as(DevTokens.member(leaderId, "dianqian", "jiafu")).get("/party-groups").then().statusCode(403);

        // leadership is read at each call: once another member leads, the former leader reads no more
        as(JIAFU_WORKER).body(Map.of("memberId", memberId)).post("/party-groups/{id}/leader", groupId).then()
                .statusCode(200);
        as(DevTokens.member(leaderId, "dianqian", "jiafu")).get("/party-groups/{id}", groupId).then().statusCode(403);
        as(DevTokens.member(memberId, "dianqian", "jiafu")).get("/party-groups/{id}", groupId).then().statusCode(200)
                .body("members.memberId", contains(leaderId, memberId));
    }

    @Test
    void only_the_worker_of_the_groups_community_changes_it() {
        String groupId = created("3号楼党小组");
        for (String token : new String[] {LIANQIAO_WORKER}) {
            as(token).body(resident("孙某", "13800000044")).post("/party-groups/{id}/members", groupId).then()
                    .statusCode(403).body("type", equalTo(problem("forbidden")));
        }
        for (String token : new String[] {DIANQIAN_DESK, unitToken(registeredUnit())}) {
            as(token).body(group("x")).post("/party-groups").then().statusCode(403);
        }
        assertThat(committed(() -> PartyMemberView.TABLE.count("group_id = ?", groupId))).isZero();
    }

    @Test
    void a_volunteer_of_another_community_or_already_in_a_group_or_gone_cannot_join() {
        String groupId = created("4号楼党小组");
        String otherGroup = created("5号楼党小组");
        String unitId = registeredUnit();
        String elsewhere = as(unitToken(unitId)).body(volunteer(unitId, "lianqiao", "周某")).post("/volunteers").then()
                .statusCode(201).extract().path("volunteerId");
        as(JIAFU_WORKER).body(Map.of("volunteerId", elsewhere)).post("/party-groups/{id}/members", groupId).then()
                .statusCode(400).body("detail", org.hamcrest.Matchers.containsString("lianqiao"));
        String volunteerId = registeredVolunteer(unitId);
        as(JIAFU_WORKER).body(Map.of("volunteerId", volunteerId)).post("/party-groups/{id}/members", otherGroup).then()
                .statusCode(200);
        as(JIAFU_WORKER).body(Map.of("volunteerId", volunteerId)).post("/party-groups/{id}/members", groupId).then()
                .statusCode(400).body("detail", org.hamcrest.Matchers.containsString(otherGroup));
        String gone = registeredVolunteer(unitId);
        as(unitToken(unitId)).body(Map.of("reason", "调离")).post("/volunteers/{id}/leave", gone).then().statusCode(200);
        as(JIAFU_WORKER).body(Map.of("volunteerId", gone)).post("/party-groups/{id}/members", groupId).then()
                .statusCode(409).body("type", equalTo(problem("illegal-transition")));
        as(JIAFU_WORKER).body(Map.of("volunteerId", volunteerId, "person", Map.of("name", "x"))).post("/party-groups/{id}/members", groupId)
                .then().statusCode(400);
        assertThat(committed(() -> PartyMemberView.TABLE.count("group_id = ?", groupId))).isZero();
    }

    /**
     * Two workers add the same volunteer to two groups of the community at once: both pass the read model's check,
     * and the view's unique index lets exactly one commit; the other is 409 and leaves no row and no event. Raced a
     * few times, since two requests may not overlap on every try.
     */
    @Test
    void a_volunteer_added_to_two_groups_at_once_joins_exactly_one() throws Exception {
        String unitId = registeredUnit();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                String[] groups = {created("竞争A" + round), created("竞争B" + round)};
                String volunteerId = registeredVolunteer(unitId);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (String groupId : groups) {
                    answers.add(workers.submit(() -> {
                        start.await();
                        return as(JIAFU_WORKER).body(Map.of("volunteerId", volunteerId))
                                .post("/party-groups/{id}/members", groupId).then().extract().statusCode();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get(60, TimeUnit.SECONDS));
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, statuses.contains(409) ? 409 : 400);
                assertThat(committed(() -> PartyMemberView.TABLE.count("member_id = ?", volunteerId))).isEqualTo(1);
                assertThat(committed(() -> Jdbc.count("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE "
                        + "'%PartyMemberAdded' AND position(? IN convert_from(payload, 'UTF8')) > 0", volunteerId)))
                        .as("member-added events of " + volunteerId).isEqualTo(1);
            }
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void a_member_is_removed_but_the_leader_only_after_another_is_named() {
        String groupId = created("6号楼党小组");
        String first = as(JIAFU_WORKER).body(resident("吴一", "13800000045")).post("/party-groups/{id}/members", groupId)
                .then().statusCode(200).extract().path("members[0].memberId");
        String second = as(JIAFU_WORKER).body(resident("吴二", "13800000046")).post("/party-groups/{id}/members", groupId)
                .then().statusCode(200).extract().path("members[1].memberId");
        as(JIAFU_WORKER).body(Map.of("memberId", first)).post("/party-groups/{id}/leader", groupId).then().statusCode(200);
        as(JIAFU_WORKER).body(Map.of("reason", "搬家")).post("/party-groups/{id}/members/{m}/remove", groupId, first)
                .then().statusCode(400).contentType(PROBLEM_JSON);
        as(JIAFU_WORKER).body(Map.of("memberId", second)).post("/party-groups/{id}/leader", groupId).then().statusCode(200);
        as(JIAFU_WORKER).body(Map.of("reason", "搬家")).post("/party-groups/{id}/members/{m}/remove", groupId, first)
                .then().statusCode(200).body("members.memberId", contains(second)).body("leaderId", equalTo(second));
        PartyMemberView removedRow = committed(() -> PartyMemberView.findById(groupId, first));
        assertThat(removedRow).isNull();
        JsonNode removed = published("threelists.party-group.member-removed.v1", groupId);
        // the reason is typed by a person and may name one: it stays in resource-list, off the topic
        assertThat(removed.path("data").has("reason")).as(removed.toString()).isFalse();
        as(JIAFU_WORKER).get("/party-groups/{id}", "00000000-0000-0000-0000-00000000dead").then().statusCode(404)
                .body("type", equalTo(problem("not-found")));
    }

    /** The one message of {@code type} about the group, validated against the topic's schema and keyed by the group. */
    private static JsonNode published(String type, String groupId) {
        ConsumerRecord<String, String> record = KafkaProbe.await(TOPIC,
                r -> groupId.equals(r.key()) && r.value().contains(type), 1, Duration.ofSeconds(30)).get(0);
        try {
            JsonNode message = JSON.readTree(record.value());
            assertThat(ContractSchemas.violations(TOPIC, message)).as(record.value()).isEmpty();
            assertThat(message.path("subject").asText()).isEqualTo(groupId);
            return message;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
