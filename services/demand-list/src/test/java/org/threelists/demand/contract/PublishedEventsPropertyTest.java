package org.threelists.demand.contract;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.axonframework.eventhandling.GenericEventMessage;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.threelists.demand.api.RequestBodies;
import org.threelists.demand.domain.DemandDetails;
import org.threelists.demand.domain.DemandEvents.DemandRejected;
import org.threelists.demand.domain.DemandEvents.DemandReopened;
import org.threelists.demand.domain.DemandEvents.DemandReopenedForReview;
import org.threelists.demand.domain.DemandEvents.DemandWithdrawn;
import org.threelists.demand.domain.ReopenCause;
import org.threelists.demand.domain.RoutingEvents.DemandSentToJointMeeting;
import org.threelists.demand.domain.DemandEvents.DemandSubmitted;
import org.threelists.demand.domain.DemandStatus;
import org.threelists.demand.domain.DemandTest;
import org.threelists.demand.domain.DemandSource;
import org.threelists.demand.api.ConfirmHoursRequest;
import org.threelists.demand.api.ReportSlipRequest;
import org.threelists.demand.domain.DemandLimits;
import org.threelists.demand.domain.slip.EscalationLevel;
import org.threelists.demand.domain.slip.MemberKind;
import org.threelists.demand.domain.slip.ServiceMode;
import org.threelists.platform.checkin.CheckedHours;
import org.threelists.demand.domain.slip.HoursSource;
import org.threelists.demand.domain.slip.SlipEvents.SlipAccepted;
import org.threelists.demand.domain.slip.SlipEvents.SlipCheckedIn;
import org.threelists.demand.domain.slip.SlipEvents.SlipCheckedOut;
import org.threelists.demand.domain.slip.SlipEvents.SlipHoursConfirmed;
import org.threelists.demand.domain.slip.SlipEvents.SlipClosed;
import org.threelists.demand.domain.slip.SlipEvents.SlipDeclined;
import org.threelists.demand.domain.slip.SlipEvents.SlipDispatched;
import org.threelists.demand.domain.slip.SlipEvents.SlipRecalled;
import org.threelists.demand.domain.slip.SlipEvents.SlipEscalated;
import org.threelists.demand.domain.slip.SlipEvents.SlipReopened;
import org.threelists.demand.domain.slip.SlipEvents.SlipReported;
import org.threelists.demand.domain.slip.SlipEvents.SlipSatisfactionRecorded;
import org.threelists.demand.domain.slip.SlipStatus;
import org.threelists.demand.messaging.DemandEventMapper;
import org.threelists.demand.messaging.SlipEventMapper;
import org.threelists.demand.messaging.Topics;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.json.Json;
import org.threelists.platform.relay.IntegrationEvent;
import org.threelists.contracts.Urgency;
import org.threelists.testing.gen.Gen;
import org.threelists.testing.gen.Properties;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the REST contract accepts can be published: a random request within contracts/openapi/demand-list.json
 * passes the request's constraints and the aggregate's rules, and the event it becomes validates against
 * demand-list.events.v1. (The service end to end, amendments and merges included: {@link RandomRequestsTest}.)
 * 300 seeded tries ({@link Properties}); a failure prints the seed that reproduces it.
 */
class PublishedEventsPropertyTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private final DemandEventMapper publisher = new DemandEventMapper();
    private final SlipEventMapper slipPublisher = new SlipEventMapper();

    @Test
    void a_valid_submission_publishes_a_conforming_event() {
        Properties.check(300, ValidRequests.submit("jiafu"), this::publishesAConformingEvent);
    }

    private void publishesAConformingEvent(Map<String, Object> body) {
        var request = RequestBodies.submit(body);
        assertThat(VALIDATOR.validate(request)).as(ValidRequests.describe(body)).isEmpty();
        DemandDetails details = RequestBodies.details(request);
        details.check();
        String demandId = UUID.randomUUID().toString();
        assertConforms(new DemandSubmitted(demandId, "dianqian", "jiafu", details, DemandSource.COMMUNITY_WORKER,
                null, null, null, "community:wang-fang"));
    }

    /** A duplicate reopened for review, its target withdrawn or rejected, publishes a conforming event. */
    @Test
    void a_duplicate_reopened_for_review_publishes_a_conforming_event() {
        for (DemandStatus ended : List.of(DemandStatus.WITHDRAWN, DemandStatus.REJECTED)) {
            String duplicate = UUID.randomUUID().toString();
            String target = UUID.randomUUID().toString();
            // as the relay does: it saw the duplicate submitted (not from a ticket) before it reopens
            assertConforms(new DemandSubmitted(duplicate, "dianqian", "jiafu", DemandTest.DETAILS,
                    DemandSource.COMMUNITY_WORKER, null, null, null, "community:wang-fang"));
            assertConforms(new DemandReopenedForReview(duplicate, target, ended,
                    "所并入的需求 " + target + " " + ended.zh() + "，本需求恢复为待核实", "desk:desk-dianqian"));
        }
    }

    /**
     * Whatever reason a person gives (any the REST contract accepts, here naming a resident), the withdrawal, the
     * rejection, the return to the joint meeting and the reopening (by each cause, and as recorded before the cause
     * was kept) publish conforming events on both topics that carry a fixed text, never the words.
     */
    @Test
    void a_reason_people_give_is_never_published() {
        Properties.check(100, ValidRequests.rejectionReason(), this::reasonsStayHere);
    }

    private void reasonsStayHere(String typed) {
        String reason = DemandLimits.length(typed) < 10 ? "邻居张桂兰说" + typed : typed;
        String demand = UUID.randomUUID().toString();
        // a ticket's demand, so municipal.feedback.v1 is published as well
        assertConforms(new DemandSubmitted(demand, "dianqian", "jiafu", DemandTest.DETAILS,
                DemandSource.MUNICIPAL_PLATFORM, "12345-" + demand, null, null, "municipal-platform"));
        List<Object> events = new ArrayList<>(List.of(
                new DemandWithdrawn(demand, reason, "community:wang-fang"),
                new DemandRejected(demand, reason, "desk:desk-dianqian"),
                new DemandSentToJointMeeting(demand, UUID.randomUUID().toString(), reason, "member:leader"),
                new DemandReopened(demand, null, "project cancelled: " + reason, "desk:desk-dianqian")));
        for (ReopenCause cause : ReopenCause.values()) {
            events.add(new DemandReopened(demand, cause, reason, "desk:desk-dianqian"));
        }
        for (Object event : events) {
            List<JsonNode> published = assertConforms(event);
            assertThat(published).as(event.toString()).hasSize(2)
                    .allSatisfy(json -> assertThat(texts(json)).noneMatch(text -> text.contains(reason)));
        }
    }

    /** Every text value in {@code json}, at any depth. */
    private static List<String> texts(JsonNode json) {
        List<String> texts = new ArrayList<>();
        ArrayDeque<JsonNode> nodes = new ArrayDeque<>(List.of(json));
        while (!nodes.isEmpty()) {
            JsonNode node = nodes.pop();
            if (node.isTextual()) {
                texts.add(node.asText());
            }
            node.forEach(nodes::push);
        }
        return texts;
    }

    /**
     * Any slip the REST contract lets through — a member of either kind, any urgency, any report the request accepts,
     * any check-in and check-out, any hours the leader may confirm, any satisfaction — publishes threelists.slip.*
     * events that validate, from dispatch to closing (on checked or confirmed hours) or reopening, a decline or a recall.
     */
    @Test
    void a_valid_slip_publishes_conforming_events_from_dispatch_to_closing() {
        Gen<BigDecimal> hours = Gen.decimals(new BigDecimal("0.01"), new BigDecimal("24"), 2);
        Gen<Map<String, Object>> reports = random -> {
            Map<String, Object> body = new java.util.HashMap<>();
            body.put("service", ValidRequests.nonBlank(DemandLimits.DESCRIPTION_MAX).next(random));
            body.put("hours", hours.next(random));
            body.put("mode", Gen.of(ServiceMode.class).next(random).name());
            body.put("kind", Gen.of(MemberKind.class).next(random).name());
            body.put("urgency", Gen.of(Urgency.class).next(random).name());
            body.put("score", Gen.integers(1, 5).next(random));
            body.put("checkedMinutes", Gen.integers(0, 30 * 60).next(random));
            body.put("confirmed", hours.next(random));
            return body;
        };
        Properties.check(300, reports, this::slipPublishesConformingEvents);
    }

    private void slipPublishesConformingEvents(Map<String, Object> body) {
        ReportSlipRequest report = Json.mapper().convertValue(Map.of("service", body.get("service"), "hours",
                body.get("hours"), "mode", body.get("mode")), ReportSlipRequest.class);
        assertThat(VALIDATOR.validate(report)).as(body.toString()).isEmpty();
        MemberKind kind = MemberKind.valueOf((String) body.get("kind"));
        String unit = kind == MemberKind.VOLUNTEER ? "unit-huli-court" : null;
        String slip = UUID.randomUUID().toString();
        String demand = UUID.randomUUID().toString();
        String group = UUID.randomUUID().toString();
        String member = UUID.randomUUID().toString();
        String leader = UUID.randomUUID().toString();
        Instant now = Instant.now();
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int score = (Integer) body.get("score");
        // A member who checked in and out has checked hours (any time from 0 to 30 hours, as CheckedHours counts it);
        // one who did not gets the leader's confirmed hours, any figure the confirmation request accepts.
        int minutes = (Integer) body.get("checkedMinutes");
        boolean checked = minutes % 2 == 0;
        BigDecimal checkedHours = checked ? CheckedHours.of(Duration.ofMinutes(minutes)) : null;
        ConfirmHoursRequest confirmation = Json.mapper().convertValue(Map.of("hours", body.get("confirmed"),
                "reason", "手机没电"), ConfirmHoursRequest.class);
        assertThat(VALIDATOR.validate(confirmation)).as(body.toString()).isEmpty();
        BigDecimal credited = checked ? checkedHours : confirmation.hours();
        Instant out = now.plus(Duration.ofMinutes(minutes));
        List<Object> events = List.of(
                new SlipDispatched(slip, demand, "dianqian", "jiafu", group, leader, member, kind, unit, "问题",
                        Urgency.valueOf((String) body.get("urgency")), now.plusSeconds(7200), Duration.ofHours(72),
                        Duration.ofHours(24), "member:" + leader),
                new SlipEscalated(slip, demand, member, EscalationLevel.GROUP_LEADER, SlipStatus.DISPATCHED, now,
                        now.plusSeconds(86400), "system:slip-clock"),
                new SlipEscalated(slip, demand, member, EscalationLevel.COMMUNITY, SlipStatus.DISPATCHED, now, null,
                        "system:slip-clock"),
                new SlipAccepted(slip, demand, member, now.plusSeconds(3600), "member:" + member),
                new SlipCheckedIn(slip, demand, member, now, "n-1", minutes % 3 == 0, "member:" + member),
                new SlipCheckedOut(slip, demand, member, now, out, "n-2", minutes % 3 == 0,
                        CheckedHours.of(Duration.ofMinutes(minutes)), "member:" + member),
                new SlipReported(slip, demand, member, unit, report.service(), report.hours(), report.mode(), day,
                        checkedHours, checked ? HoursSource.CHECKED : null, "member:" + member),
                new SlipHoursConfirmed(slip, demand, member, leader, confirmation.hours(), report.hours(),
                        confirmation.reason(), "member:" + leader),
                new SlipSatisfactionRecorded(slip, demand, score, score <= 2 ? SlipStatus.ACCEPTED : SlipStatus.CLOSED,
                        "community:wang-fang"),
                score <= 2
                        ? new SlipReopened(slip, demand, member, now.plusSeconds(3600), "low", "community:wang-fang")
                        : new SlipClosed(slip, demand, "dianqian", "jiafu", group, member, kind, unit, credited,
                                report.mode(), day, score, report.hours(), checkedHours,
                                checked ? HoursSource.CHECKED : HoursSource.CONFIRMED_BY_LEADER,
                                "community:wang-fang"),
                new SlipDeclined(slip, demand, member, "出差", "member:" + member),
                // recalled by the leader or the community, never escalated or at either level
                new SlipRecalled(slip, demand, member, minutes % 2 == 0 ? EscalationLevel.GROUP_LEADER
                        : EscalationLevel.COMMUNITY, minutes % 3 == 0 ? null
                        : EscalationLevel.values()[minutes % EscalationLevel.values().length], "派错了人", now,
                        minutes % 2 == 0 ? "member:" + leader : "desk:desk-dianqian"));
        for (Object event : events) {
            List<IntegrationEvent> published = slipPublisher.map(GenericEventMessage.asEventMessage(event));
            assertThat(published).as(event.toString()).hasSize(1);
            JsonNode json = Json.mapper().valueToTree(published.get(0).event());
            assertThat(ContractSchemas.violations(published.get(0).topic(), json)).as(json.toString()).isEmpty();
            assertThat(published.get(0).key()).isEqualTo(demand);
        }
    }

    /** The messages {@code event} publishes, each valid against its topic's schema. */
    private List<JsonNode> assertConforms(Object event) {
        List<IntegrationEvent> published = publisher.map(GenericEventMessage.asEventMessage(event));
        assertThat(published).isNotEmpty();
        List<JsonNode> messages = new ArrayList<>();
        for (IntegrationEvent message : published) {
            JsonNode json = Json.mapper().valueToTree(message.event());
            assertThat(ContractSchemas.violations(message.topic(), json)).as(json.toString()).isEmpty();
            messages.add(json);
        }
        assertThat(published).extracting(IntegrationEvent::topic).contains(Topics.DEMAND_EVENTS);
        return messages;
    }
}
