package org.threelists.console.spreadsheet;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A real HTTP server in the place of resource-list, demand-list and the ledger, keeping what it is sent in memory:
 * units (by id, refusing a malformed id or a second registration as resource-list does), offers, demands, and a
 * ledger report as CSV. Every request must carry a bearer token; the last one seen is kept for the tests.
 */
public class ServicesUpstream implements QuarkusTestResourceLifecycleManager {

    static final Map<String, JsonObject> UNITS = new ConcurrentHashMap<>();
    static final List<JsonObject> OFFERS = new CopyOnWriteArrayList<>();
    static final List<JsonObject> DEMANDS = new CopyOnWriteArrayList<>();
    static final AtomicInteger POSTS = new AtomicInteger();
    static volatile String lastAuthorization;

    static final String REPORT_CSV = "\uFEFFunit,unitName,hours,activities\r\nunit-huli-court,\"湖里区人民法院, 党支部\",12.5,3\r\n"
            + "unit-school,第一中学,007,0\r\n";

    private static final Pattern UNIT_ID = Pattern.compile("^unit-[a-z0-9-]{2,60}$");
    private Vertx vertx;

    static void forget() {
        UNITS.clear();
        OFFERS.clear();
        DEMANDS.clear();
        POSTS.set(0);
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            lastAuthorization = request.getHeader("Authorization");
            if (lastAuthorization == null) {
                problem(request, 401, "unauthenticated", "Unauthenticated", "A bearer token is required");
                return;
            }
            boolean post = "POST".equals(request.method().name());
            if (post) {
                POSTS.incrementAndGet();
            }
            String path = request.path();
            if (post && path.equals("/units")) {
                registerUnit(request, body.toJsonObject());
            } else if (!post && path.startsWith("/units/")) {
                JsonObject unit = UNITS.get(path.substring("/units/".length()));
                if (unit == null) {
                    problem(request, 404, "not-found", "Not found", "No unit " + path.substring(7));
                } else {
                    json(request, 200, unit);
                }
            } else if (post && path.equals("/resources")) {
                offer(request, body.toJsonObject());
            } else if (path.equals("/resources")) {
                page(request, OFFERS.stream().filter(o -> o.getString("unitId").equals(request.getParam("unit"))).toList());
            } else if (post && path.equals("/demands")) {
                JsonObject demand = body.toJsonObject().put("demandId", UUID.randomUUID().toString()).put("status", "SUBMITTED");
                DEMANDS.add(demand);
                json(request, 201, demand);
            } else if (path.equals("/demands")) {
                page(request, DEMANDS.stream().filter(d -> d.getString("communityCode").equals(request.getParam("community"))
                        && d.getString("category").equals(request.getParam("category"))).toList());
            } else if (path.equals("/ledger/reports") && "csv".equals(request.getParam("format"))) {
                request.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"ledger-by-unit.csv\"").end(REPORT_CSV);
            } else {
                problem(request, 404, "not-found", "Not found", path);
            }
        }));
        try {
            server.listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the services' stand-in did not start", e);
        }
        String url = "http://localhost:" + server.actualPort();
        return Map.of("threelists.console.upstream.resource-list", url, "threelists.console.upstream.demand-list", url,
                "threelists.console.upstream.ledger", url, "threelists.console.upstream.matchmaker", url);
    }

    private static void registerUnit(HttpServerRequest request, JsonObject unit) {
        String unitId = unit.getString("unitId", "");
        if (!UNIT_ID.matcher(unitId).matches()) {
            problem(request, 400, "invalid-input", "Invalid input", "unitId: must match \"^unit-[a-z0-9-]{2,60}$\"");
        } else if (UNITS.containsKey(unitId)) {
            problem(request, 409, "already-exists", "Already exists", "Unit " + unitId + " is already registered");
        } else {
            UNITS.put(unitId, unit);
            json(request, 201, unit);
        }
    }

    private static void offer(HttpServerRequest request, JsonObject offer) {
        if (!UNITS.containsKey(offer.getString("unitId"))) {
            problem(request, 422, "rule-broken", "Rule broken", "No member unit " + offer.getString("unitId"));
            return;
        }
        offer.put("resourceId", UUID.randomUUID().toString());
        OFFERS.add(offer);
        json(request, 201, offer);
    }

    private static void page(HttpServerRequest request, List<JsonObject> all) {
        int page = Integer.parseInt(request.getParam("page", "0"));
        int size = Integer.parseInt(request.getParam("size", "20"));
        List<JsonObject> items = all.stream().skip((long) page * size).limit(size).toList();
        json(request, 200, new JsonObject().put("items", new JsonArray(items)).put("total", all.size()));
    }

    private static void json(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static void problem(HttpServerRequest request, int status, String type, String title, String detail) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "https://threelists.dev/problems/" + type).put("title", title)
                        .put("status", status).put("detail", detail).encode());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
