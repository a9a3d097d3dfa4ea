package org.threelists.demand.contract;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.axonframework.eventhandling.GenericEventMessage;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.threelists.demand.api.RequestBodies;
import org.threelists.demand.domain.DemandDetails;
import org.threelists.demand.domain.DemandEvents.DemandSubmitted;
import org.threelists.demand.domain.DemandSource;
import org.threelists.demand.messaging.DemandEventMapper;
import org.threelists.demand.messaging.Topics;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.json.Json;
import org.threelists.platform.relay.IntegrationEvent;
import org.threelists.testing.gen.Properties;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the REST contract accepts can be published: a random request within contracts/openapi/demand-list.json
 * passes the request's constraints and the aggregate's rules, and the event it becomes validates against
 * demand-list.events.v1. (The service end to end, amendments and merges included: {@link RandomRequestsTest}.)
 * 300 seeded tries ({@link Properties}); a failure prints the seed that reproduces it.
 */
class PublishedEventsPropertyTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private final DemandEventMapper publisher = new DemandEventMapper();

    @Test
    void a_valid_submission_publishes_a_conforming_event() {
        Properties.check(300, ValidRequests.submit("jiafu"), this::publishesAConformingEvent);
    }

    private void publishesAConformingEvent(Map<String, Object> body) {
        var request = RequestBodies.submit(body);
        assertThat(VALIDATOR.validate(request)).as(ValidRequests.describe(body)).isEmpty();
        DemandDetails details = RequestBodies.details(request);
        details.check();
        String demandId = UUID.randomUUID().toString();
        assertConforms(new DemandSubmitted(demandId, "dianqian", "jiafu", details, DemandSource.COMMUNITY_WORKER,
                null, null, null, "community:wang-fang"));
    }

    private void assertConforms(Object event) {
        List<IntegrationEvent> published = publisher.map(GenericEventMessage.asEventMessage(event));
        assertThat(published).isNotEmpty();
        for (IntegrationEvent message : published) {
            JsonNode json = Json.mapper().valueToTree(message.event());
            assertThat(ContractSchemas.violations(message.topic(), json)).as(json.toString()).isEmpty();
        }
        assertThat(published).extracting(IntegrationEvent::topic).contains(Topics.DEMAND_EVENTS);
    }
}
