package org.threelists.demand.contract;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.threelists.demand.Fixtures;
import org.threelists.demand.service.MunicipalIntake;
import org.threelists.demand.messaging.Topics;
import org.threelists.demand.domain.DemandLimits;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.PublishedContracts;
import org.threelists.testing.RealInfrastructure;
import org.threelists.testing.gen.Gen;
import org.threelists.testing.gen.Properties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;
import static org.threelists.demand.Fixtures.as;

/**
 * Random requests within contracts/openapi/demand-list.json (and random tickets within municipal.requests.v1), sent to
 * the running service: each is accepted, and every event it publishes validates against its topic's schema.
 * Boundary bodies (empty compound, maximal lengths in astral-plane characters) are always among them.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RandomRequestsTest {

    private static final Random RANDOM = new Random(Properties.seed());

    private static <T> List<T> samples(Gen<T> generator, int count) {
        List<T> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(generator.next(RANDOM));
        }
        return values;
    }

    private static final int RANDOM_BODIES = 12;

    @Test
    void every_event_of_random_valid_requests_conforms_to_the_topic_schema() {
        List<Map<String, Object>> bodies = new ArrayList<>(boundaryBodies());
        bodies.addAll(samples(ValidRequests.submit("jiafu"), RANDOM_BODIES));
        List<Map<String, Object>> amendments = samples(ValidRequests.details(), bodies.size());
        List<String> withdrawals = samples(ValidRequests.withdrawalReason(), bodies.size());
        List<String> rejections = samples(ValidRequests.rejectionReason(), bodies.size());
        String absorbing = Fixtures.listed();

        List<String> ids = new ArrayList<>();
        List<String> merged = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            String id = accepted(as(JIAFU_WORKER).body(bodies.get(i)).post("/demands"), 201, bodies.get(i))
                    .path("demandId");
            ids.add(id);
            accepted(as(JIAFU_WORKER).body(amendments.get(i)).post("/demands/{id}/amend", id), 200, amendments.get(i));
            switch (i % 3) {
                case 0 -> {
                    Map<String, Object> reason = new HashMap<>();
                    reason.put("reason", withdrawals.get(i));
                    accepted(as(JIAFU_WORKER).body(reason).post("/demands/{id}/withdraw", id), 200, reason);
                }
                case 1 -> {
                    Map<String, Object> reason = Map.of("reason", rejections.get(i));
                    accepted(as(JIAFU_WORKER).body(reason).post("/demands/{id}/reject", id), 200, reason);
                }
                default -> {
                    Map<String, Object> merge = Map.of("duplicateOf", absorbing);
                    accepted(as(JIAFU_WORKER).body(merge).post("/demands/{id}/merge", id), 200, merge);
                    merged.add(id);
                }
            }
        }
        // the demand the duplicates were merged into is withdrawn: each duplicate is reopened for review
        Map<String, Object> withdrawal = new HashMap<>();
        withdrawal.put("reason", withdrawals.get(0));
        accepted(as(JIAFU_WORKER).body(withdrawal).post("/demands/{id}/withdraw", absorbing), 200, withdrawal);

        KafkaProbe.await(Topics.DEMAND_EVENTS, r -> ids.contains(r.key()), 3 * ids.size(), Duration.ofSeconds(60));
        KafkaProbe.await(Topics.DEMAND_EVENTS, r -> merged.contains(r.key())
                && r.value().contains("threelists.demand.reopened-for-review.v1"), merged.size(), Duration.ofSeconds(60));
        PublishedContracts.assertEveryMessageConforms(Topics.DEMAND_EVENTS);
    }

    @Test
    void every_event_of_random_valid_tickets_conforms_to_the_topic_schema() {
        List<String> tickets = new ArrayList<>();
        List<String> descriptions = new ArrayList<>(List.of(longest()));
        descriptions.addAll(samples(ValidRequests.nonBlank(DemandLimits.DESCRIPTION_MAX), RANDOM_BODIES));
        for (String description : descriptions) {
            String ticket = "12345-" + UUID.randomUUID();
            tickets.add(ticket);
            KafkaProbe.send(Topics.MUNICIPAL_REQUESTS, ticket, ticketJson(ticket, description, tickets.size()));
        }
        KafkaProbe.await(Topics.MUNICIPAL_FEEDBACK, r -> tickets.contains(r.key()), tickets.size(), Duration.ofSeconds(60));
        for (String ticket : tickets) {
            as(JIAFU_WORKER).body(Fixtures.REVIEWED).post("/demands/{id}/verify", MunicipalIntake.demandIdOf(ticket))
                    .then().statusCode(200);
        }
        List<String> demands = tickets.stream().map(MunicipalIntake::demandIdOf).toList();
        KafkaProbe.await(Topics.DEMAND_EVENTS, r -> demands.contains(r.key()), 3 * demands.size(), Duration.ofSeconds(60));
        PublishedContracts.assertEveryMessageConforms(Topics.DEMAND_EVENTS);
        PublishedContracts.assertEveryMessageConforms(Topics.MUNICIPAL_FEEDBACK);
    }

    /** The edges: an empty compound and building, and every text at its longest in four-byte characters. */
    private static List<Map<String, Object>> boundaryBodies() {
        Map<String, Object> empty = Fixtures.with(Fixtures.with(Fixtures.legalAdviceDemand(), "compound", ""), "building", "");
        Map<String, Object> longest = new HashMap<>(Fixtures.legalAdviceDemand());
        longest.put("compound", "𠀀".repeat(DemandLimits.COMPOUND_MAX));
        longest.put("building", "😀".repeat(DemandLimits.BUILDING_MAX));
        longest.put("description", longest());
        longest.put("requiredSkills", java.util.Collections.nCopies(DemandLimits.SKILLS_MAX, "𠀀".repeat(DemandLimits.SKILL_MAX)));
        longest.put("beneficiaries", DemandLimits.BENEFICIARIES_MAX);
        longest.put("estimatedHours", new java.math.BigDecimal(DemandLimits.HOURS_MAX));
        Map<String, Object> spaces = Fixtures.with(Fixtures.legalAdviceDemand(), "compound", " \u3000");
        return List.of(empty, longest, spaces);
    }

    private static String longest() {
        return "😀".repeat(DemandLimits.DESCRIPTION_MAX);
    }

    /** The response, once it has the status; otherwise the failure names the body that was refused and why. */
    private static Response accepted(Response response, int status, Object body) {
        assertThat(response.statusCode()).as("%s\n→ %s", body, response.body().asString()).isEqualTo(status);
        return response;
    }

    private static String ticketJson(String id, String description, int beneficiaries) {
        return org.threelists.platform.json.Json.mapper().createObjectNode()
                .put("service_request_id", id).put("service_code", "facility_repair").put("description", description)
                .put("requested_datetime", "2026-11-20T09:30:00+08:00").put("community_code", "jiafu")
                .put("beneficiaries", beneficiaries).put("phone", "13700000003").toString();
    }
}
