package org.threelists.platform.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Documents the error answers every endpoint shares, once, instead of on every resource class: 400, 401 and 403 for
 * every secured operation, 404 where the path names a resource, 409 for every write, and for every operation, public
 * ones too, 503 when the service is overloaded (libs/platform/README.md, "Overload") — all RFC 9457 problem details.
 * Operations that document one of these themselves keep their own description. Every 503 and 429 carries the
 * Retry-After header, described once under the components.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String RETRY_AFTER = "Retry-After";
    private static final String RETRY_AFTER_REF = "#/components/headers/" + RETRY_AFTER;
    /** The answers a client may send again after Retry-After: overload (503) and the public rate limit (429). */
    private static final List<String> RETRIED = List.of("429", "503");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        ensureProblemSchema(openAPI);
        ensureRetryAfterHeader(openAPI);
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            add(operation, "503", "Overloaded: nothing was changed; send the same request again after Retry-After "
                    + "seconds");
            RETRIED.forEach(status -> withRetryAfter(operation, status));
            if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
                return;
            }
            add(operation, "400", "Invalid input; nothing was changed");
            add(operation, "401", "No valid bearer token");
            add(operation, "403", "Your role or scope does not allow this");
            if (path.contains("{")) {
                add(operation, "404", "No such resource");
            }
            if (method != PathItem.HttpMethod.GET) {
                add(operation, "409", "Not allowed in the resource's current state, or a conflicting change");
            }
        }));
    }

    private static void add(Operation operation, String status, String description) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
    }

    private static void withRetryAfter(Operation operation, String status) {
        APIResponse response = operation.getResponses().getAPIResponse(status);
        if (response != null && (response.getHeaders() == null || !response.getHeaders().containsKey(RETRY_AFTER))) {
            response.addHeader(RETRY_AFTER, OASFactory.createHeader().ref(RETRY_AFTER_REF));
        }
    }

    private static void ensureRetryAfterHeader(OpenAPI openAPI) {
        Map<String, Header> headers = openAPI.getComponents().getHeaders();
        if (headers != null && headers.containsKey(RETRY_AFTER)) {
            return;
        }
        openAPI.getComponents().addHeader(RETRY_AFTER, OASFactory.createHeader()
                .description("Seconds to wait before sending the same request again (RFC 9110, section 10.2.3); the"
                        + " problem's retryAfter says the same")
                .required(true)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).minimum(BigDecimal.ONE)));
    }

    private static void ensureProblemSchema(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas != null && schemas.containsKey("Problem")) {
            return;
        }
        openAPI.getComponents().addSchema("Problem", OASFactory.createSchema()
                .description("RFC 9457 problem details; extension members such as violations may follow")
                .type(java.util.List.of(Schema.SchemaType.OBJECT))
                .addProperty("type", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)).format("uri"))
                .addProperty("title", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)))
                .addProperty("status", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)))
                .addProperty("instance", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING))));
    }
}
