package org.threelists.matchmaker.messaging;

import org.threelists.platform.projection.jdbc.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.projection.AvailableResourceView;
import org.threelists.matchmaker.projection.DemandListProjection;
import org.threelists.matchmaker.projection.MemberUnitView;
import org.threelists.matchmaker.projection.OpenDemandView;
import org.threelists.matchmaker.projection.ResourceListProjection;
import org.threelists.matchmaker.projection.ResourceRemainingView;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.InvalidMessageException;
import org.threelists.testing.ContractMessages.Message;
import org.threelists.testing.KafkaProbe;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.Fixtures.await;
import static org.threelists.matchmaker.Fixtures.awaitConsumed;
import static org.threelists.matchmaker.Fixtures.change;
import static org.threelists.matchmaker.Fixtures.demandEvent;
import static org.threelists.matchmaker.Fixtures.inboxOutcomes;
import static org.threelists.matchmaker.Fixtures.newDemandId;
import static org.threelists.matchmaker.Fixtures.newUnitId;
import static org.threelists.matchmaker.Fixtures.offered;
import static org.threelists.matchmaker.Fixtures.publish;
import static org.threelists.matchmaker.Fixtures.reserved;
import static org.threelists.matchmaker.Fixtures.resourceEvent;
import static org.threelists.matchmaker.Fixtures.slipEvent;
import static org.threelists.matchmaker.Fixtures.submitted;
import static org.threelists.matchmaker.Fixtures.unitEvent;
import static org.threelists.matchmaker.Fixtures.unitRegistered;
import static org.threelists.matchmaker.Fixtures.with;
import static org.threelists.matchmaker.messaging.Topics.DEMAND_EVENTS;
import static org.threelists.matchmaker.messaging.Topics.RESOURCE_EVENTS;
import static org.threelists.testing.ContractMessages.sendUnchecked;

/**
 * The read models follow demand-list.events.v1 and resource-list.events.v1: every event type applied, a redelivered
 * message changes nothing, bad messages go to the DLQ without stopping the partition, and a replay of the topics from
 * offset 0 rebuilds the same rows.
 */
@QuarkusTest
@QuarkusTestResource(org.threelists.testing.RealInfrastructure.class)
class ReadModelTest {

    static final String DEMAND_GROUP = "matchmaker.demand-list";
    static final String RESOURCE_GROUP = "matchmaker.resource-list";

    @Inject
    DemandListProjection demands;
    @Inject
    ResourceListProjection resources;

    @Test
    void a_verified_demand_is_open_for_matching_with_its_public_fields() {
        String id = newDemandId();
        publish(DEMAND_EVENTS, id, demandEvent("submitted", submitted(id)));
        Message verified = publish(DEMAND_EVENTS, id, demandEvent("verified", change(id, "LISTED")));

        OpenDemandView demand = await(() -> OpenDemandView.<OpenDemandView>findById(id), d -> d.version == 2);
        assertThat(demand.status).isEqualTo(OpenDemandView.LISTED);
        assertThat(demand.streetCode).isEqualTo("heping");
        assertThat(demand.communityCode).isEqualTo("lianqiao");
        assertThat(demand.category).isEqualTo(Category.HEALTH);
        assertThat(demand.requiredSkills).containsExactly("护士");
        assertThat(demand.estimatedHours).isEqualByComparingTo("3");
        assertThat(demand.windowStart).isEqualTo(LocalDate.now().plusDays(7));
        assertThat(demand.hasResidentContact).isTrue();
        assertThat(demand.updatedAt).isEqualTo(verified.time());
        assertThat(demand.updatedBy).isEqualTo("li-ming");
    }

    @Test
    void every_later_demand_event_moves_the_row_along() {
        String id = newDemandId();
        publish(DEMAND_EVENTS, id, demandEvent("submitted", submitted(id)));
        publish(DEMAND_EVENTS, id, demandEvent("amended", with(with(with(submitted(id), "urgency", "HIGH"),
                "source", null), "window", null)));
        publish(DEMAND_EVENTS, id, demandEvent("verified", change(id, "LISTED")));
        publish(DEMAND_EVENTS, id, demandEvent("matched", change(id, "MATCHED", "projectId", "project-1")));
        publish(DEMAND_EVENTS, id, demandEvent("reopened", change(id, "LISTED", "reasonCode", "PROJECT_CANCELLED",
                "reason", "服务该需求的项目已取消，需求重回清单")));
        OpenDemandView reopened = await(() -> OpenDemandView.<OpenDemandView>findById(id), d -> d.version == 5);
        assertThat(reopened.statusReason).isEqualTo("PROJECT_CANCELLED");
        publish(DEMAND_EVENTS, id, demandEvent("resident-data-erased", change(id, "LISTED")));
        // as published before demand-list kept people's reasons to itself: the words are not copied
        publish(DEMAND_EVENTS, id, demandEvent("withdrawn", change(id, "WITHDRAWN", "reason", "邻居张桂兰已帮忙解决")));

        OpenDemandView demand = await(() -> OpenDemandView.<OpenDemandView>findById(id), d -> d.version == 7);
        assertThat(demand.status).isEqualTo("WITHDRAWN");
        assertThat(demand.statusReason).isNull();
        assertThat(demand.urgency).isEqualTo(Urgency.HIGH);
        assertThat(demand.windowStart).isNull();
        assertThat(demand.projectId).isNull();
        assertThat(demand.hasResidentContact).isFalse();
        assertThat(demand.source).isEqualTo("COMMUNITY_WORKER");
    }

    @Test
    void a_merged_demand_reopened_for_review_is_submitted_again_and_no_longer_a_duplicate() {
        String id = newDemandId();
        String target = newDemandId();
        publish(DEMAND_EVENTS, id, demandEvent("submitted", submitted(id)));
        publish(DEMAND_EVENTS, id, demandEvent("merged", change(id, "MERGED", "duplicateOf", target)));
        publish(DEMAND_EVENTS, id, demandEvent("reopened-for-review", change(id, "SUBMITTED", "mergedInto", target,
                "mergedIntoStatus", "WITHDRAWN", "reason", "所并入的需求 " + target + " 已撤回，本需求恢复为待核实")));

        OpenDemandView demand = await(() -> OpenDemandView.<OpenDemandView>findById(id), d -> d.version == 3);
        assertThat(demand.status).isEqualTo("SUBMITTED");
        assertThat(demand.duplicateOf).isNull();
        assertThat(demand.statusReason).contains(target).contains("已撤回");
    }

    @Test
    void units_offers_and_their_remaining_capacity_are_kept() {
        String unitId = newUnitId();
        String resourceId = UUID.randomUUID().toString();
        publish(RESOURCE_EVENTS, unitId, unitEvent("registered", unitRegistered(unitId, "heping", "lianqiao")));
        publish(RESOURCE_EVENTS, unitId, resourceEvent("resource.offered",
                offered(resourceId, unitId, "HEALTH", List.of("护士"), "lianqiao", 10)));
        publish(RESOURCE_EVENTS, unitId, resourceEvent("capacity.reserved", reserved(resourceId, unitId, 3, "2026-12", 7)));
        Map<String, Object> larger = with(offered(resourceId, unitId, "HEALTH", List.of("护士"), "lianqiao", 12),
                "availability", Map.of("weeklySlots", List.of(), "dateRanges", List.of(
                        Map.of("start", "2026-07-01", "end", "2026-07-31"), Map.of("start", "2026-12-01", "end", "2026-12-31"))));
        publish(RESOURCE_EVENTS, unitId, resourceEvent("resource.amended", larger));
        Message volunteer = publish(RESOURCE_EVENTS, unitId, resourceEvent("volunteer.registered", Map.of(
                "volunteerId", UUID.randomUUID().toString(), "unitId", unitId, "homeCommunity", "lianqiao",
                "skills", List.of("护士"), "maskedName", "王*明", "status", "ACTIVE", "actor", "staff")));
        publish(RESOURCE_EVENTS, unitId, unitEvent("left", Map.of("unitId", unitId, "reason", "合作到期",
                "status", "LEFT", "actor", "desk-heping")));

        MemberUnitView unit = await(() -> MemberUnitView.<MemberUnitView>findById(unitId), u -> u.version == 2);
        assertThat(unit.status).isEqualTo("LEFT");
        assertThat(unit.statusReason).isEqualTo("合作到期");
        assertThat(unit.streetCode).isEqualTo("heping");
        assertThat(unit.communities).containsExactly("lianqiao");
        AvailableResourceView offer = await(() -> AvailableResourceView.<AvailableResourceView>findById(resourceId), r -> r.version == 2);
        assertThat(offer.capacityAmount).isEqualByComparingTo("12");
        assertThat(offer.capacityPeriod).isEqualTo("MONTHLY");
        assertThat(offer.capacityUnit).isEqualTo("SERVICE_HOURS");
        assertThat(offer.categories).containsExactly("HEALTH");
        LocalDate firstRange = LocalDate.of(2026, 7, 1);
        assertThat(offer.availableFrom).as("validity narrowed to the date ranges")
                .isEqualTo(firstRange.isAfter(offer.validFrom) ? firstRange : offer.validFrom);
        assertThat(offer.availableUntil).isEqualTo(LocalDate.of(2026, 12, 31));
        ResourceRemainingView december = QuarkusTransaction.requiringNew().call(() -> ResourceRemainingView.find(resourceId,
                "2026-12"));
        assertThat(december.remaining).isEqualByComparingTo("7");
        assertThat(december.committed).isEqualByComparingTo("3");
        assertThat(december.remainingOf(offer.capacityAmount)).as("3 of the new 12 hours are taken").isEqualByComparingTo("9");
        assertThat(inboxOutcomes(RESOURCE_GROUP, volunteer.id())).containsExactly("PROCESSED");
    }

    @Test
    void a_demand_the_party_group_holds_is_out_of_planning_and_its_slips_are_taken_without_a_dead_letter() {
        String id = newDemandId();
        publish(DEMAND_EVENTS, id, demandEvent("submitted", submitted(id)));
        publish(DEMAND_EVENTS, id, demandEvent("verified", change(id, "LISTED")));
        publish(DEMAND_EVENTS, id, demandEvent("routed-to-party-group",
                change(id, "IN_PARTY_GROUP", "groupId", UUID.randomUUID().toString())));
        Message accepted = publish(DEMAND_EVENTS, id, slipEvent("accepted", change(id, "ACCEPTED",
                "slipId", UUID.randomUUID().toString(), "memberId", UUID.randomUUID().toString(),
                "resolveBy", "2026-12-08T02:00:00Z")));

        await(() -> inboxOutcomes(DEMAND_GROUP, accepted.id()), outcomes -> !outcomes.isEmpty());
        assertThat(inboxOutcomes(DEMAND_GROUP, accepted.id())).containsExactly("PROCESSED");
        OpenDemandView demand = QuarkusTransaction.requiringNew().call(() -> OpenDemandView.<OpenDemandView>findById(id));
        assertThat(demand.status).isEqualTo("IN_PARTY_GROUP");
        assertThat(demand.version).as("the slip's event changes nothing of the demand's row").isEqualTo(3);
    }

    @Test
    void the_same_message_delivered_twice_changes_nothing() {
        String id = newDemandId();
        Message submittedTwice = demandEvent("submitted", submitted(id));
        publish(DEMAND_EVENTS, id, submittedTwice);
        publish(DEMAND_EVENTS, id, submittedTwice);
        Message verified = publish(DEMAND_EVENTS, id, demandEvent("verified", change(id, "LISTED")));

        await(() -> inboxOutcomes(DEMAND_GROUP, verified.id()), outcomes -> !outcomes.isEmpty());
        OpenDemandView demand = QuarkusTransaction.requiringNew().call(() -> OpenDemandView.<OpenDemandView>findById(id));
        assertThat(demand.version).as("two events applied, not three").isEqualTo(2);
        assertThat(demand.status).isEqualTo(OpenDemandView.LISTED);
        assertThat(demand.updatedAt).isEqualTo(verified.time());
        assertThat(inboxOutcomes(DEMAND_GROUP, submittedTwice.id())).containsExactly("PROCESSED");
    }

    @Test
    void malformed_and_schema_violating_messages_go_to_the_dlq_and_the_next_message_is_still_applied() {
        String id = newDemandId();
        KafkaProbe.send(DEMAND_EVENTS, id, "{this is not json");
        Message noCategory = sendUnchecked(DEMAND_EVENTS, id, demandEvent("submitted", with(submitted(id), "category", null)));
        Message good = publish(DEMAND_EVENTS, id, demandEvent("submitted", submitted(id)));

        OpenDemandView demand = await(() -> OpenDemandView.<OpenDemandView>findById(id), d -> d.version == 1);
        assertThat(demand.updatedAt).isEqualTo(good.time());
        List<ConsumerRecord<String, String>> dead = KafkaProbe.await(DEMAND_EVENTS + ".dlq", r -> id.equals(r.key()), 2,
                org.threelists.matchmaker.Fixtures.timeout());
        assertThat(dead).hasSize(2);
        ConsumerRecord<String, String> broken = dead.stream().filter(r -> r.value().startsWith("{this")).findFirst().orElseThrow();
        assertThat(KafkaProbe.header(broken, "dlq.reason")).startsWith("Not JSON");
        assertThat(KafkaProbe.header(broken, "dlq.original-topic")).isEqualTo(DEMAND_EVENTS);
        assertThat(KafkaProbe.header(broken, "dlq.consumer-group")).isEqualTo(DEMAND_GROUP);
        assertThat(KafkaProbe.header(broken, "dlq.attempts")).isEqualTo("1");
        assertThat(KafkaProbe.header(broken, "dlq.original-offset")).isNotBlank();
        ConsumerRecord<String, String> invalid = dead.stream().filter(r -> r.value().equals(noCategory.json())).findFirst().orElseThrow();
        assertThat(KafkaProbe.header(invalid, "dlq.reason")).contains("schema").contains("category");
        assertThat(inboxOutcomes(DEMAND_GROUP, noCategory.id())).containsExactly("DEAD_LETTERED");
    }

    @Test
    void a_capacity_event_that_violates_the_schema_goes_to_the_resource_list_dlq() {
        String unitId = newUnitId();
        String resourceId = UUID.randomUUID().toString();
        publish(RESOURCE_EVENTS, unitId, unitEvent("registered", unitRegistered(unitId, "heping", "lianqiao")));
        publish(RESOURCE_EVENTS, unitId, resourceEvent("resource.offered",
                offered(resourceId, unitId, "HEALTH", List.of(), "lianqiao", 10)));
        sendUnchecked(RESOURCE_EVENTS, unitId, resourceEvent("capacity.reserved", reserved(resourceId, unitId, 3, "2026-12", -1)));
        publish(RESOURCE_EVENTS, unitId, resourceEvent("resource.withdrawn", Map.of("resourceId", resourceId,
                "unitId", unitId, "reason", "场地维修", "status", "WITHDRAWN", "actor", "staff")));

        AvailableResourceView offer = await(() -> AvailableResourceView.<AvailableResourceView>findById(resourceId), r -> r.version == 2);
        assertThat(offer.status).isEqualTo("WITHDRAWN");
        List<ConsumerRecord<String, String>> dead = KafkaProbe.await(RESOURCE_EVENTS + ".dlq", r -> unitId.equals(r.key()), 1,
                org.threelists.matchmaker.Fixtures.timeout());
        assertThat(KafkaProbe.header(dead.get(0), "dlq.reason")).contains("schema").contains("remaining");
        assertThat(KafkaProbe.header(dead.get(0), "dlq.consumer-group")).isEqualTo(RESOURCE_GROUP);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ResourceRemainingView.TABLE.count("resource_id = ?", resourceId))).isZero();
    }

    @Test
    void a_replay_of_both_topics_from_offset_0_rebuilds_the_same_rows() throws Exception {
        String unitId = newUnitId();
        String resourceId = UUID.randomUUID().toString();
        String demandId = newDemandId();
        publish(RESOURCE_EVENTS, unitId, unitEvent("registered", unitRegistered(unitId, "heping", "lianqiao")));
        publish(RESOURCE_EVENTS, unitId, resourceEvent("resource.offered",
                offered(resourceId, unitId, "HEALTH", List.of("护士"), "lianqiao", 10)));
        publish(RESOURCE_EVENTS, unitId, resourceEvent("capacity.reserved", reserved(resourceId, unitId, 4, "2026-12", 6)));
        Message twice = demandEvent("submitted", submitted(demandId));
        publish(DEMAND_EVENTS, demandId, twice);
        publish(DEMAND_EVENTS, demandId, twice);
        publish(DEMAND_EVENTS, demandId, demandEvent("verified", change(demandId, "LISTED")));
        awaitConsumed(DEMAND_GROUP, DEMAND_EVENTS);
        awaitConsumed(RESOURCE_GROUP, RESOURCE_EVENTS);
        List<String> before = snapshot();
        assertThat(before).anyMatch(row -> row.contains(resourceId)).anyMatch(row -> row.contains(demandId));

        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("open_demand", "member_unit", "available_resource", "resource_remaining")) {
                Jdbc.update("delete from " + table);
            }
            // What the consumers do after their offsets and inbox entries are reset: each message once, in order.
            replay(DEMAND_EVENTS, event -> demands.apply(event));
            replay(RESOURCE_EVENTS, event -> resources.apply(event));
        });

        assertThat(snapshot()).isEqualTo(before);
    }

    interface Apply {
        void apply(InboundEvent event) throws InvalidMessageException;
    }

    private static void replay(String topic, Apply apply) {
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, String> record : KafkaProbe.readAll(topic)) {
            ConsumerRecord<String, byte[]> raw = new ConsumerRecord<>(topic, record.partition(), record.offset(),
                    record.key(), record.value().getBytes(StandardCharsets.UTF_8));
            try {
                InboundEvent event = InboundEvent.parse(topic, raw);
                if (seen.add(event.id())) {
                    apply.apply(event);
                }
            } catch (InvalidMessageException e) {
                // dead-lettered when consumed, skipped on replay
            }
        }
    }

    private static List<String> snapshot() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> rows = new ArrayList<>();
            for (String table : List.of("open_demand", "member_unit", "available_resource", "resource_remaining")) {
                rows.addAll(Jdbc.list("select row_to_json(t)::text from " + table + " t order by 1",
                        row -> row.getString(1)));
            }
            return rows;
        });
    }
}
