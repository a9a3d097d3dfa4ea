package org.threelists.resource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.threelists.localstack.DevTokens;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;

/**
 * Callers and bodies the resource-list tests share. Places and units are the seeds': 殿前街道 (嘉福社区) with the
 * district court and a social-work agency; 和平街道 for "another street".
 */
public final class Fixtures {

    public static final String DIANQIAN_DESK = DevTokens.desk("desk-dianqian", "dianqian");
    public static final String HEPING_DESK = DevTokens.desk("desk-heping", "heping");
    public static final String DIANQIAN_AUDITOR = DevTokens.auditor("auditor-dianqian", "dianqian");
    public static final String JIAFU_WORKER = DevTokens.community("wang-fang", "dianqian", "jiafu");

    private Fixtures() {
    }

    public static String unitToken(String unitId) {
        return DevTokens.unit("staff-" + unitId, unitId, "dianqian");
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A fresh unit id, so tests never collide in the shared database. */
    public static String newUnitId(String prefix) {
        return "unit-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> unit(String unitId, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unitId);
        body.put("name", name);
        body.put("kind", "GOVERNMENT_BODY");
        body.put("partyOrganisation", name + "机关党委");
        body.put("communities", List.of("jiafu"));
        body.put("contact", Map.of("person", "联络员", "phone", "0592-5600000"));
        return body;
    }

    /** Registers a unit of 殿前街道 through the desk and returns its id. */
    public static String registeredUnit() {
        String unitId = newUnitId("court");
        as(DIANQIAN_DESK).body(unit(unitId, "湖里区人民法院")).post("/units").then().statusCode(201);
        return unitId;
    }

    public static Map<String, Object> legalAdvice(String unitId, double hours, String period) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unitId);
        body.put("type", "PROFESSIONAL_SERVICE");
        body.put("title", "法官进社区：法律咨询");
        body.put("description", "每月两次在嘉福社区开展法律咨询、矛盾调解");
        body.put("categories", List.of("LEGAL_ADVICE", "DISPUTE_MEDIATION"));
        body.put("skills", List.of("法律咨询"));
        body.put("serviceArea", List.of("jiafu"));
        body.put("availability", Map.of("weeklySlots", List.of(Map.of("dayOfWeek", "SATURDAY", "start", "09:00", "end", "11:30")),
                "dateRanges", List.of()));
        body.put("capacity", Map.of("amount", hours, "period", period));
        body.put("validFrom", LocalDate.now().toString());
        body.put("validUntil", LocalDate.now().plusYears(1).toString());
        return body;
    }

    /** Offers a resource of {@code unitId} with {@code hours} of TOTAL capacity and returns its id. */
    public static String offered(String unitId, double hours) {
        return as(unitToken(unitId)).body(legalAdvice(unitId, hours, "TOTAL")).post("/resources")
                .then().statusCode(201).extract().path("resourceId");
    }

    public static <T> T committed(Supplier<T> read) {
        return QuarkusTransaction.requiringNew().call(read::get);
    }
}
