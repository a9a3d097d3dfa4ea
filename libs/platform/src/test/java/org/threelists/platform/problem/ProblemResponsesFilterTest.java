package org.threelists.platform.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation, public or secured, documents the overload answer with Retry-After (libs/platform/README.md, "Overload"). */
class ProblemResponsesFilterTest {

    @Test
    void every_operation_documents_503_with_retry_after_and_its_own_words_are_kept() {
        Operation publicRead = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("The board"))
                .addAPIResponse("429", OASFactory.createAPIResponse().description("Too many requests")));
        Operation securedWrite = OASFactory.createOperation()
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("jwt")))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("503", OASFactory.createAPIResponse().description("Send the same key again")));
        OpenAPI openAPI = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/board", OASFactory.createPathItem().GET(publicRead))
                .addPathItem("/demands", OASFactory.createPathItem().POST(securedWrite)));

        new ProblemResponsesFilter().filterOpenAPI(openAPI);

        APIResponse overloaded = publicRead.getResponses().getAPIResponse("503");
        assertThat(overloaded.getDescription()).startsWith("Overloaded: nothing was changed");
        assertThat(overloaded.getContent().getMediaType(Problem.MEDIA_TYPE).getSchema().getRef())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(overloaded.getHeaders().get("Retry-After").getRef()).isEqualTo("#/components/headers/Retry-After");
        assertThat(publicRead.getResponses().getAPIResponse("429").getHeaders()).containsKey("Retry-After");
        assertThat(publicRead.getResponses().hasAPIResponse("401")).as("a public operation needs no token").isFalse();
        APIResponse own = securedWrite.getResponses().getAPIResponse("503");
        assertThat(own.getDescription()).isEqualTo("Send the same key again");
        assertThat(own.getHeaders()).containsKey("Retry-After");
        assertThat(openAPI.getComponents().getHeaders().get("Retry-After").getSchema().getMinimum()).isEqualTo("1");
    }
}
