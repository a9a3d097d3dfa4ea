package org.threelists.demand.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.demand.Fixtures;
import org.threelists.demand.service.ResidentContacts;
import org.threelists.demand.messaging.Topics;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.threelists.demand.Fixtures.DIANQIAN_DESK;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;
import static org.threelists.demand.Fixtures.as;
import static org.threelists.demand.Fixtures.legalAdviceDemand;
import static org.threelists.demand.Fixtures.with;

/** Erasure on request: the resident's data becomes unreadable everywhere, and the event stream stays as it was. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ResidentDataErasureTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ResidentContacts contacts;

    @Test
    void erasing_makes_the_residents_data_unreadable_without_rewriting_history() throws Exception {
        String id = Fixtures.submitted();
        List<String> eventsBefore = storedEvents(id);
        String sealed = Fixtures.stored(id).sealedResident;
        assertThat(contacts.open(id, sealed)).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("陈阿姨"));

        as(JIAFU_WORKER).delete("/demands/{id}/resident", id).then().statusCode(200)
                .body("residentDataErased", equalTo(true))
                .body("hasResidentContact", equalTo(false))
                .body("resident", nullValue());

        // The history is intact: the same events, byte for byte, plus the erasure itself.
        List<String> eventsAfter = storedEvents(id);
        assertThat(eventsAfter.subList(0, eventsBefore.size())).isEqualTo(eventsBefore);
        assertThat(eventsAfter).hasSize(eventsBefore.size() + 1);
        assertThat(String.join("", eventsAfter)).doesNotContain("陈阿姨").doesNotContain("13800000001");
        // …but what it holds can no longer be read, by anyone.
        assertThat(contacts.open(id, sealed)).isEmpty();
        assertThat(keyOf("demand:" + id)).isNull();
        as(DIANQIAN_DESK).get("/demands/{id}", id).then().statusCode(200).body("resident", nullValue());
        KafkaProbe.await(Topics.DEMAND_EVENTS,
                r -> id.equals(r.key()) && r.value().contains("threelists.demand.resident-data-erased.v1"), 1,
                Duration.ofSeconds(30));
    }

    @Test
    void erasing_twice_changes_nothing_the_second_time() {
        String id = Fixtures.submitted();
        as(JIAFU_WORKER).delete("/demands/{id}/resident", id).then().statusCode(200).body("version", equalTo(1));
        as(JIAFU_WORKER).delete("/demands/{id}/resident", id).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void erased_data_cannot_be_stored_again_for_the_same_demand() {
        String id = Fixtures.submitted();
        as(JIAFU_WORKER).delete("/demands/{id}/resident", id).then().statusCode(200);
        Map<String, Object> amended = with(legalAdviceDemand(), "communityCode", null);
        as(JIAFU_WORKER).body(amended).post("/demands/{id}/amend", id).then().statusCode(409)
                .body("type", equalTo("https://threelists.dev/problems/personal-data-erased"));
        as(JIAFU_WORKER).body(with(amended, "resident", null)).post("/demands/{id}/amend", id).then().statusCode(200)
                .body("residentDataErased", equalTo(true));
    }

    @Test
    void erasing_one_demand_leaves_the_others_readable() {
        String erased = Fixtures.submitted();
        String kept = Fixtures.submitted();
        as(JIAFU_WORKER).delete("/demands/{id}/resident", erased).then().statusCode(200);
        as(JIAFU_WORKER).get("/demands/{id}", kept).then().statusCode(200).body("resident.name", equalTo("陈阿姨"));
    }

    private List<String> storedEvents(String demandId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            select.setString(1, demandId);
            List<String> payloads = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    payloads.add(new String(rs.getBytes(1), StandardCharsets.UTF_8));
                }
            }
            return payloads;
        }
    }

    private byte[] keyOf(String subject) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT wrapped_key FROM personal_data_key WHERE subject_id = ?")) {
            select.setString(1, subject);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }
}
