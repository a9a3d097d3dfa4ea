package org.threelists.demand.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threelists.demand.domain.DemandStatus;
import org.threelists.demand.messaging.Topics;
import org.threelists.demand.service.DemandCuration;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.json.Json;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.threelists.demand.Fixtures.DIANQIAN_DESK;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;
import static org.threelists.demand.Fixtures.as;
import static org.threelists.demand.Fixtures.listed;
import static org.threelists.demand.Fixtures.stored;
import static org.threelists.demand.Fixtures.submitted;

/**
 * Merging duplicates (services/demand-list/README.md, "Merging duplicates"): a duplicate merged into a demand that is
 * then withdrawn or rejected is open for review again, published and told to its curators; a merge into a demand
 * withdrawn meanwhile leaves the duplicate open.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DuplicateMergeTest {

    @Inject
    DemandCuration curation;
    @Inject
    TransactionManager transactions;

    @AfterEach
    void noTransactionLeftOpen() throws Exception {
        if (transactions.getTransaction() != null) {
            transactions.rollback();
        }
    }

    @Test
    void a_duplicate_of_a_withdrawn_demand_is_open_for_review_again() {
        String duplicate = listed();
        String target = listed();
        merge(duplicate, target);

        as(JIAFU_WORKER).body(Map.of("reason", "邻里已帮忙解决")).post("/demands/{id}/withdraw", target).then()
                .statusCode(200).body("status", equalTo("WITHDRAWN"));

        assertThat(stored(duplicate).status).isEqualTo(DemandStatus.SUBMITTED);
        assertThat(stored(duplicate).duplicateOf).isNull();
        assertThat(stored(duplicate).updatedBy).isEqualTo("community:wang-fang");
        as(JIAFU_WORKER).get("/demands/{id}", duplicate).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("statusLabel", equalTo("待核实"))
                .body("duplicateOf", nullValue())
                .body("statusReason", equalTo("所并入的需求 " + target + " 已撤回，本需求恢复为待核实"));
        JsonNode data = published(duplicate, "threelists.demand.reopened-for-review.v1").path("data");
        assertThat(data.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(data.path("mergedInto").asText()).isEqualTo(target);
        assertThat(data.path("mergedIntoStatus").asText()).isEqualTo("WITHDRAWN");
        assertThat(data.path("actor").asText()).isEqualTo("community:wang-fang");
        // reviewed as a new demand is: verified, it is on the list again
        as(JIAFU_WORKER).post("/demands/{id}/verify", duplicate).then().statusCode(200).body("status", equalTo("LISTED"));
    }

    @Test
    void a_duplicate_of_a_rejected_demand_is_open_for_review_again() {
        String first = submitted();
        String second = listed();
        String target = submitted();
        merge(first, target);
        merge(second, target);

        as(DIANQIAN_DESK).body(Map.of("reason", "属于物业管理范围")).post("/demands/{id}/reject", target).then()
                .statusCode(200).body("status", equalTo("REJECTED"));

        for (String duplicate : new String[] {first, second}) {
            assertThat(stored(duplicate).status).isEqualTo(DemandStatus.SUBMITTED);
            assertThat(stored(duplicate).statusReason).isEqualTo("所并入的需求 " + target + " 已驳回，本需求恢复为待核实");
            JsonNode data = published(duplicate, "threelists.demand.reopened-for-review.v1").path("data");
            assertThat(data.path("mergedIntoStatus").asText()).isEqualTo("REJECTED");
            assertThat(data.path("actor").asText()).isEqualTo("desk:desk-dianqian");
        }
    }

    @Test
    void erasing_the_targets_resident_data_leaves_the_duplicate_merged() {
        String duplicate = submitted();
        String target = listed();
        merge(duplicate, target);

        as(JIAFU_WORKER).delete("/demands/{id}/resident", target).then().statusCode(200);

        assertThat(stored(duplicate).status).isEqualTo(DemandStatus.MERGED);
        assertThat(stored(duplicate).duplicateOf).isEqualTo(target);
    }

    @Test
    void a_merge_into_a_withdrawn_demand_is_refused_and_the_duplicate_stays_open() {
        String duplicate = submitted();
        String target = listed();
        as(JIAFU_WORKER).body(Map.of("reason", "邻里已帮忙解决")).post("/demands/{id}/withdraw", target).then()
                .statusCode(200);

        as(JIAFU_WORKER).header("Accept-Language", "zh-CN").body(Map.of("duplicateOf", target))
                .post("/demands/{id}/merge", duplicate).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://threelists.dev/problems/invalid-input"))
                .body("violations[0].field", equalTo("duplicateOf"))
                .body("detail", equalTo("duplicateOf：需求 " + target + " 当前为“已撤回”，不能合并重复需求"))
                .body("violations[0].message", equalTo("需求 " + target + " 当前为“已撤回”，不能合并重复需求"));

        assertThat(stored(duplicate).status).isEqualTo(DemandStatus.SUBMITTED);
        assertThat(stored(target).version).isEqualTo(2);
    }

    /**
     * The race the read model could not see: the target's withdrawal is written but not yet committed when the merge
     * reads the list. The merge must not end with the duplicate MERGED into a withdrawn demand.
     */
    @Test
    void a_merge_racing_the_targets_withdrawal_leaves_the_duplicate_open() throws Exception {
        String duplicate = submitted();
        String target = listed();

        transactions.begin();
        curation.withdraw(target, "居民已搬离", "community:wang-fang");
        CompletableFuture<Response> merge = CompletableFuture.supplyAsync(() -> as(JIAFU_WORKER)
                .body(Map.of("duplicateOf", target)).post("/demands/{id}/merge", duplicate));
        try {
            merge.get(2, TimeUnit.SECONDS);
        } catch (TimeoutException waiting) {
            // the merge waits for the withdrawal's transaction: it writes to the same demand's stream
        }
        transactions.commit();
        Response refused = merge.get(30, TimeUnit.SECONDS);

        assertThat(stored(target).status).isEqualTo(DemandStatus.WITHDRAWN);
        assertThat(stored(duplicate).status).as("the duplicate of a demand withdrawn meanwhile")
                .isEqualTo(DemandStatus.SUBMITTED);
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    private static void merge(String duplicate, String target) {
        as(JIAFU_WORKER).body(Map.of("duplicateOf", target)).post("/demands/{id}/merge", duplicate).then()
                .statusCode(200).body("status", equalTo("MERGED"));
    }

    /** The demand's one published event of {@code type}, checked against the topic's schema. */
    static JsonNode published(String demandId, String type) {
        ConsumerRecord<String, String> record = KafkaProbe.await(Topics.DEMAND_EVENTS,
                r -> demandId.equals(r.key()) && r.value().contains("\"" + type + "\""), 1,
                Duration.ofSeconds(30)).get(0);
        try {
            JsonNode message = Json.mapper().readTree(record.value());
            assertThat(ContractSchemas.violations(Topics.DEMAND_EVENTS, message)).as(record.value()).isEmpty();
            assertThat(message.path("type").asText()).isEqualTo(type);
            return message;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
