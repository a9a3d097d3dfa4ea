package org.threelists.platform.relay;

import org.axonframework.eventhandling.EventMessage;

import java.util.List;
import java.util.Set;

/**
 * A service's translation of its domain events into the integration events of its published language
 * (contracts/). A domain event may map to no message (internal only), one, or several on different topics.
 * Implementations are CDI beans and must be pure: the relay may call them again for the same event.
 */
public interface IntegrationEventMapper {

    /** Every topic this mapper may publish to; the relay creates them if needed and reads their tail at start. */
    Set<String> topics();

    List<IntegrationEvent> map(EventMessage<?> event);
}
