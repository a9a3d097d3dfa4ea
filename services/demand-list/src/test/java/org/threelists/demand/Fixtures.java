package org.threelists.demand;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.threelists.demand.domain.DemandCommands.SubmitDemand;
import org.threelists.demand.domain.DemandSource;
import org.threelists.demand.domain.DemandTest;
import org.threelists.demand.projection.DemandView;
import io.restassured.specification.RequestSpecification;
import org.threelists.devkit.DevTokens;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Callers and request bodies the demand-list tests share. Places are the seeds' (殿前街道 嘉福社区, 和平街道 联桥社区). */
public final class Fixtures {

    public static final String JIAFU_WORKER = DevTokens.community("wang-fang", "dianqian", "jiafu");
    public static final String LIANQIAO_WORKER = DevTokens.community("li-ming", "heping", "lianqiao");
    public static final String DIANQIAN_DESK = DevTokens.desk("desk-dianqian", "dianqian");
    public static final String HEPING_DESK = DevTokens.desk("desk-heping", "heping");
    public static final String COURT_UNIT = DevTokens.unit("huli-court", "unit-huli-court", "dianqian");
    public static final String DIANQIAN_AUDITOR = DevTokens.auditor("auditor-dianqian", "dianqian");

    /** A verification that confirms a reviewed public description, as a hotline ticket's demand needs. */
    public static final Map<String, Object> REVIEWED = Map.of("description", "2栋楼道灯损坏，需维修");

    private Fixtures() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A valid demand of 嘉福社区; tests change single fields of it. */
    public static Map<String, Object> legalAdviceDemand() {
        Map<String, Object> body = new HashMap<>();
        body.put("communityCode", "jiafu");
        body.put("compound", "嘉福盐业小区");
        body.put("building", "1栋");
        body.put("category", "LEGAL_ADVICE");
        body.put("description", "老旧小区住户咨询房产证办理和物业纠纷的法律问题");
        body.put("beneficiaries", 12);
        body.put("urgency", "NORMAL");
        body.put("window", Map.of("start", LocalDate.now().plusDays(7).toString(), "end", LocalDate.now().plusDays(21).toString()));
        body.put("deadline", LocalDate.now().plusDays(30).toString());
        body.put("estimatedHours", 4.5);
        body.put("requiredSkills", List.of("法律咨询"));
        body.put("resident", Map.of("name", "陈阿姨", "phone", "13800000001", "address", "嘉福盐业小区1栋302"));
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }

    /** The command a 嘉福 community worker's submission sends, for tests that write through the command bus. */
    public static SubmitDemand submitDemand(String demandId) {
        return new SubmitDemand(demandId, "dianqian", "jiafu", DemandTest.DETAILS, DemandSource.COMMUNITY_WORKER, null,
                null, null, "test");
    }

    /**
     * A writer whose transaction fails after its demand's event got a position in the store: nothing of it is
     * committed, and its position stays a gap in every processor's token. Returns the demand's id.
     */
    public static String submittedAndRolledBack(CommandGateway commands) {
        String demandId = UUID.randomUUID().toString();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            commands.sendAndWait(submitDemand(demandId));
            throw new IllegalStateException("the surrounding transaction fails after the command");
        })).hasMessageContaining("surrounding transaction fails");
        return demandId;
    }

    /** Submits a valid demand as the 嘉福 community worker and returns its id. */
    public static String submitted() {
        return as(JIAFU_WORKER).body(legalAdviceDemand()).post("/demands").then().statusCode(201)
                .extract().path("demandId");
    }

    /** The read model's row as committed, read in a fresh transaction so no cached copy is returned. */
    public static DemandView stored(String demandId) {
        return QuarkusTransaction.requiringNew().call(() -> DemandView.findById(demandId));
    }

    public static long count() {
        return QuarkusTransaction.requiringNew().call(() -> DemandView.TABLE.count("TRUE"));
    }

    public static String listed() {
        String id = submitted();
        as(JIAFU_WORKER).post("/demands/{id}/verify", id).then().statusCode(200);
        return id;
    }
}
