package org.threelists.demand;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * An aggregate's repository that rebuilds it from its events alone. Axon's event store first asks for the aggregate's
 * latest snapshot on every load, one {@code SELECT} on {@code snapshot_event_entry} per command on an existing demand or
 * slip (two per verification that routes the demand on). The service never takes snapshots (a demand has a handful
 * of events; bench/README.md, "Fast path, part eight"), so that table is always empty and the query always finds
 * nothing. Everything else is Axon's default for an event-sourced aggregate: the same model, factory, locks and
 * the events this transaction has appended but not yet committed.
 */
final class WithoutSnapshots<A> extends EventSourcingRepository<A> {

    private final EventStore events;

    private WithoutSnapshots(Builder<A> builder, EventStore events) {
        super(builder.eventStore(events));
        this.events = events;
    }

    /** The aggregate, configured as {@code configureAggregate(type)} would, with this repository. */
    static <A> AggregateConfigurer<A> aggregate(Class<A> type) {
        AggregateConfigurer<A> aggregate = AggregateConfigurer.defaultConfiguration(type);
        return aggregate.configureRepository(c -> new WithoutSnapshots<>(EventSourcingRepository.builder(type)
                .aggregateModel(AnnotatedAggregateMetaModelFactory.inspectAggregate(type, c.parameterResolverFactory(),
                        c.handlerDefinition(type)))
                .aggregateFactory(aggregate.aggregateFactory())
                .repositoryProvider(c::repository)
                .spanFactory(c.getComponent(RepositorySpanFactory.class)), c.eventStore()));
    }

    /** From the first event: what the event store's {@code readEvents(id)} reads once no snapshot is found. */
    @Override
    protected DomainEventStream readEvents(String aggregateIdentifier) {
        return events.readEvents(aggregateIdentifier, 0L);
    }
}
