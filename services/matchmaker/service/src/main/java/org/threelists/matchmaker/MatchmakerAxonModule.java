package org.threelists.matchmaker;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;
import org.threelists.matchmaker.domain.Project;
import org.threelists.matchmaker.projection.ProjectProjection;
import org.threelists.platform.axon.AxonModule;

/**
 * The matchmaker's part of the Axon configuration: the Project aggregate, and its projection in a subscribing
 * processor, so the project list, the claims and the deadline table change in the transaction that appends the
 * events. The relay to project-list.events.v1 is the platform's ({@code ProjectEventPublisher} maps the events).
 */
@ApplicationScoped
public class MatchmakerAxonModule implements AxonModule {

    private final ProjectProjection projection;

    MatchmakerAxonModule(ProjectProjection projection) {
        this.projection = projection;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(Project.class);
        configurer.eventProcessing()
                .registerSubscribingEventProcessor(ProjectProjection.PROCESSOR)
                .registerEventHandler(c -> projection);
    }
}
