package org.threelists.platform.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;

/**
 * Documents the error answers every endpoint shares, once, instead of on every resource class: 400, 401 and 403 for
 * every secured operation, 404 where the path names a resource, 409 for every write — all RFC 9457 problem details.
 * Operations that document one of these themselves keep their own description.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        ensureProblemSchema(openAPI);
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
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
