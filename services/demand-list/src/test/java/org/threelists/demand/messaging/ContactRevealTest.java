package org.threelists.demand.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.threelists.demand.Fixtures;
import org.threelists.demand.messaging.ProjectListMessages.Holder;
import org.threelists.devkit.DevTokens;
import org.threelists.testing.RealInfrastructure;

import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.threelists.demand.Fixtures.COURT_UNIT;
import static org.threelists.demand.Fixtures.DIANQIAN_AUDITOR;
import static org.threelists.demand.Fixtures.DIANQIAN_DESK;
import static org.threelists.demand.Fixtures.HEPING_DESK;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;
import static org.threelists.demand.Fixtures.as;
import static org.threelists.demand.messaging.ProjectListMessages.COURT;
import static org.threelists.demand.messaging.ProjectListMessages.claimed;
import static org.threelists.demand.messaging.ProjectListMessages.newProjectId;

/** A resident's contact reaches only confirmed holders of the demand's own street, and every showing is on record. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ContactRevealTest {

    /** The same unit id, but a token of another street: a holder confirmed there is not one here. */
    private static final String COURT_UNIT_IN_HEPING = DevTokens.unit("huli-court-2", COURT, "heping");

    @Test
    void each_showing_to_a_holder_is_recorded_and_listed_for_the_desk_and_the_auditor_of_the_street() {
        Instant before = Instant.now().minusSeconds(1);
        String id = Fixtures.listed();
        claimed(newProjectId(), "jiafu", List.of(id), List.of(Holder.of(COURT))).sendAndAwait();

        as(COURT_UNIT).get("/demands/{id}", id).then().statusCode(200).body("resident.phone", equalTo("13800000001"));
        as(JIAFU_WORKER).get("/demands/{id}", id).then().statusCode(200).body("resident.phone", equalTo("13800000001"));

        for (String reader : new String[] {DIANQIAN_DESK, DIANQIAN_AUDITOR}) {
            as(reader).queryParam("from", before.toString()).queryParam("size", 100).get("/demands/contact-reveals")
                    .then().statusCode(200)
                    .body("items.findAll { it.demandId == '" + id + "' }.size()", equalTo(1))
                    .body("items.find { it.demandId == '" + id + "' }.unitId", equalTo(COURT))
                    .body("items.find { it.demandId == '" + id + "' }.revealedTo", equalTo("huli-court"))
                    .body("items.find { it.demandId == '" + id + "' }.communityCode", equalTo("jiafu"));
        }
        as(HEPING_DESK).queryParam("from", before.toString()).get("/demands/contact-reveals").then().statusCode(200)
                .body("items.demandId", not(hasItem(id)));
        as(COURT_UNIT).get("/demands/contact-reveals").then().statusCode(403);
        as(JIAFU_WORKER).get("/demands/contact-reveals").then().statusCode(403);
    }

    @Test
    void a_holder_token_of_another_street_sees_no_contact_and_nothing_is_recorded() {
        Instant before = Instant.now().minusSeconds(1);
        String id = Fixtures.listed();
        claimed(newProjectId(), "jiafu", List.of(id), List.of(Holder.of(COURT))).sendAndAwait();

        as(COURT_UNIT_IN_HEPING).get("/demands/{id}", id).then().statusCode(403);
        as(COURT_UNIT_IN_HEPING).get("/demands?size=100").then().statusCode(200).body("items.demandId", not(hasItem(id)))
                .body("items.resident", everyItem(nullValue()));
        as(DIANQIAN_DESK).queryParam("from", before.toString()).get("/demands/contact-reveals").then().statusCode(200)
                .body("items.demandId", not(hasItem(id)));
    }

    @Test
    void a_malformed_period_is_refused() {
        as(DIANQIAN_DESK).queryParam("from", "yesterday").get("/demands/contact-reveals").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        // instants java.time reads but no timestamp holds: 400 naming the field, not a failed query (500)
        as(DIANQIAN_DESK).queryParam("from", "+300000-01-01T00:00:00Z").get("/demands/contact-reveals").then()
                .statusCode(400).body("violations[0].field", equalTo("from"));
        as(DIANQIAN_DESK).queryParam("to", "+999999999-12-31T00:00:00Z").get("/demands/contact-reveals").then()
                .statusCode(400).body("violations[0].field", equalTo("to"));
        as(DIANQIAN_DESK).queryParam("from", "1999-12-31T23:59:59Z").get("/demands/contact-reveals").then()
                .statusCode(400).body("violations[0].field", equalTo("from"));
        as(DIANQIAN_DESK).queryParam("from", "2000-01-01T00:00:00Z").queryParam("to", "2999-12-31T23:59:59Z")
                .get("/demands/contact-reveals").then().statusCode(200);
    }
}
