package org.threelists.resource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.threelists.devkit.DevTokens;
import org.threelists.resource.projection.MemberUnitView;
import org.threelists.resource.projection.ReservationView;
import org.threelists.resource.projection.ResourceView;
import org.threelists.resource.projection.VolunteerView;

import java.math.BigDecimal;
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
    public static final String HEPING_AUDITOR = DevTokens.auditor("auditor-heping", "heping");
    public static final String JIAFU_WORKER = DevTokens.community("wang-fang", "dianqian", "jiafu");
    public static final String LIANQIAO_WORKER = DevTokens.community("li-ming", "heping", "lianqiao");

    public static final String PROBLEMS = "https://threelists.dev/problems/";
    public static final String PROBLEM_JSON = "application/problem+json";

    private Fixtures() {
    }

    public static String unitToken(String unitId) {
        return DevTokens.unit("staff-" + unitId, unitId, "dianqian");
    }

    /** Someone acting for {@code unitId} with a token of {@code street}. */
    public static String unitToken(String unitId, String street) {
        return DevTokens.unit("staff-" + unitId, unitId, street);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A request without any token. */
    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A fresh unit id, so tests never collide in the shared database. */
    public static String newUnitId(String prefix) {
        return "unit-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A fresh project id, for reservations. */
    public static String newProjectId() {
        return "project-" + UUID.randomUUID();
    }

    /** The problem type URI of a kind, e.g. {@code problem("not-found")}. */
    public static String problem(String kind) {
        return PROBLEMS + kind;
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

    /** A copy of {@code body} with {@code field} set to {@code value}, or removed when value is null. */
    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }

    /** A copy of {@code body} without {@code fields}. */
    public static Map<String, Object> without(Map<String, Object> body, String... fields) {
        Map<String, Object> changed = new HashMap<>(body);
        for (String field : fields) {
            changed.remove(field);
        }
        return changed;
    }

    /** Registers a unit of 殿前街道 through the desk and returns its id. */
    public static String registeredUnit() {
        String unitId = newUnitId("court");
        as(DIANQIAN_DESK).body(unit(unitId, "湖里区人民法院")).post("/units").then().statusCode(201);
        return unitId;
    }

    /** Registers a unit of 和平街道 (serving 联桥社区) through its desk and returns its id. */
    public static String registeredHepingUnit() {
        String unitId = newUnitId("heping");
        as(HEPING_DESK).body(with(unit(unitId, "沿河县人民医院"), "communities", List.of("lianqiao"))).post("/units")
                .then().statusCode(201);
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

    /** The body of an amendment: an offer without {@code unitId} and {@code type}, which cannot change. */
    public static Map<String, Object> amendment(Map<String, Object> offer) {
        return without(offer, "unitId", "type");
    }

    /** Offers a resource of {@code unitId} with {@code hours} of TOTAL capacity and returns its id. */
    public static String offered(String unitId, double hours) {
        return offered(unitId, hours, "TOTAL");
    }

    /** Offers a resource of {@code unitId} with {@code hours} of capacity per {@code period} and returns its id. */
    public static String offered(String unitId, double hours, String period) {
        return as(unitToken(unitId)).body(legalAdvice(unitId, hours, period)).post("/resources")
                .then().statusCode(201).extract().path("resourceId");
    }

    /** A reservation body: {@code amount} for {@code projectId}, in {@code period} (null for a TOTAL capacity). */
    public static Map<String, Object> reservation(String projectId, double amount, String period) {
        Map<String, Object> body = new HashMap<>();
        body.put("projectId", projectId);
        body.put("amount", amount);
        if (period != null) {
            body.put("period", period);
        }
        return body;
    }

    /** Reserves {@code amount} of a TOTAL resource for {@code projectId} as the unit and expects 201. */
    public static void reserved(String unitId, String resourceId, String projectId, double amount) {
        as(unitToken(unitId)).body(reservation(projectId, amount, null))
                .post("/resources/{id}/reservations", resourceId).then().statusCode(201);
    }

    /** A volunteer of {@code unitId} who calls {@code homeCommunity} home, with consent. */
    public static Map<String, Object> volunteer(String unitId, String homeCommunity, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unitId);
        body.put("homeCommunity", homeCommunity);
        body.put("skills", List.of("法律咨询", "矛盾调解"));
        body.put("person", Map.of("name", name, "phone", "13900000123"));
        body.put("consent", true);
        return body;
    }

    /** Registers a volunteer named 王小明 of {@code unitId}, at home in 嘉福社区, as the unit; returns its id. */
    public static String registeredVolunteer(String unitId) {
        return as(unitToken(unitId)).body(volunteer(unitId, "jiafu", "王小明")).post("/volunteers")
                .then().statusCode(201).extract().path("volunteerId");
    }

    /**
     * A JSON number of the value {@code expected}, however it is written: amounts are decimals that JSON renders as
     * 4, 4.0 or 4.00 depending on how they were computed.
     */
    public static Matcher<Object> number(double expected) {
        BigDecimal wanted = BigDecimal.valueOf(expected);
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object actual) {
                return actual instanceof Number n && new BigDecimal(n.toString()).compareTo(wanted) == 0;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("the number ").appendValue(wanted.toPlainString());
            }
        };
    }

    public static <T> T committed(Supplier<T> read) {
        return QuarkusTransaction.requiringNew().call(read::get);
    }

    /** The read models' rows as committed, read in a fresh transaction so no cached copy is returned. */
    public static MemberUnitView storedUnit(String unitId) {
        return committed(() -> MemberUnitView.findById(unitId));
    }

    public static ResourceView storedResource(String resourceId) {
        return committed(() -> ResourceView.findById(resourceId));
    }

    public static VolunteerView storedVolunteer(String volunteerId) {
        return committed(() -> VolunteerView.findById(volunteerId));
    }

    public static ReservationView storedReservation(String resourceId, String projectId) {
        return committed(() -> ReservationView.findById(resourceId, projectId));
    }

    /** The reservation rows of a resource, as committed. */
    public static List<ReservationView> storedReservations(String resourceId) {
        return committed(() -> ReservationView.TABLE.where("resource_id = ?", resourceId));
    }
}
