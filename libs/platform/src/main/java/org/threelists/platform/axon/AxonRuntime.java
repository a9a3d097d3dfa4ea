package org.threelists.platform.axon;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionManager;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.threelists.platform.json.Json;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Axon Framework 4 wired into Quarkus: the JDBC event store on the service's PostgreSQL (tables from Flyway),
 * Jackson for events, tokens and messages, JTA transactions, pooled streaming processors whose tokens live in
 * the same database, and the gateways as CDI beans. Services add their aggregates and handlers through
 * {@link AxonModule} beans.
 */
@ApplicationScoped
public class AxonRuntime {

    static {
        // Axon phones home and prints a banner unless told not to; neither belongs in a street office's server log.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
    }

    private final AgroalDataSource dataSource;
    private final TransactionManager jta;
    private final Instance<AxonModule> modules;
    private final String nodeId;
    private final long fetchDelayMillis;
    private final int cachedEvents;
    /** The least time between two reads of the store's shared reader (libs/platform/README.md, "How soon"). */
    private final Duration readerLinger;
    /** How long a gap in the store's positions is waited for: a writer's transaction open longer is given up. */
    private final Duration gapTimeout;
    private Configuration configuration;

    AxonRuntime(AgroalDataSource dataSource, TransactionManager jta, Instance<AxonModule> modules,
            @ConfigProperty(name = "threelists.service-name") String serviceName,
            @ConfigProperty(name = "threelists.axon.fetch-delay", defaultValue = "PT0.2S") Duration fetchDelay,
            @ConfigProperty(name = "threelists.axon.cached-events", defaultValue = "1000") int cachedEvents,
            @ConfigProperty(name = "threelists.axon.reader-linger", defaultValue = "PT0.02S") Duration readerLinger,
            @ConfigProperty(name = "threelists.axon.gap-timeout", defaultValue = "PT60S") Duration gapTimeout) {
        this.dataSource = dataSource;
        this.jta = jta;
        this.modules = modules;
        // "pid@hostname": in containers the JVM is PID 1 in every pod, so the host name is what tells replicas apart
        // when they claim processor segments.
        this.nodeId = serviceName + ":" + ManagementFactory.getRuntimeMXBean().getName();
        this.fetchDelayMillis = fetchDelay.toMillis();
        this.cachedEvents = cachedEvents;
        this.readerLinger = readerLinger;
        this.gapTimeout = gapTimeout;
    }

    void onStart(@Observes StartupEvent event) {
        configuration();
    }

    void onStop(@Observes ShutdownEvent event) {
        Configuration running;
        synchronized (this) {
            running = configuration;
            configuration = null;
        }
        if (running != null) {
            running.shutdown();
        }
    }

    /** The started configuration; built on first use so that a gateway injected early is never half-wired. */
    public synchronized Configuration configuration() {
        if (configuration == null) {
            Configurer configurer = baseConfigurer();
            modules.forEach(module -> module.configure(configurer));
            Configuration built = configurer.buildConfiguration();
            built.start();
            configuration = built;
        }
        return configuration;
    }

    private Configurer baseConfigurer() {
        Serializer serializer = JacksonSerializer.builder().objectMapper(Json.mapper().copy()).build();
        JtaAxonTransactionManager transactions = new JtaAxonTransactionManager(jta);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureEventStore(c -> eventStore(serializer, transactions));
        configurer.eventProcessing()
                .usingPooledStreamingEventProcessors()
                // A handler that fails must stop its processor and retry, never skip the event: the relay and the
                // projections are only correct if they see every event once, in order.
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerTokenStore(c -> JdbcTokenStore.builder()
                        .connectionProvider(dataSource::getConnection)
                        .serializer(serializer)
                        .schema(EventStoreSchema.tokens())
                        .contentType(byte[].class)
                        .nodeId(nodeId)
                        .build());
        return configurer;
    }

    /** The JDBC event store, telling the streaming processors of new events as they commit ({@link PromptEventStore}). */
    private EventStore eventStore(Serializer serializer, JtaAxonTransactionManager transactions) {
        NewEvents newEvents = new NewEvents();
        JdbcEventStorageEngine.Builder storage = JdbcEventStorageEngine.builder()
                .connectionProvider(dataSource::getConnection)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(new SQLStateResolver())
                .gapTimeout(Math.toIntExact(gapTimeout.toMillis()))
                .schema(EventStoreSchema.events());
        EmbeddedEventStore.Builder store = EmbeddedEventStore.builder()
                .storageEngine(new AnnouncingStorageEngine(storage, newEvents, new ReadPacing(readerLinger.toNanos())))
                .fetchDelay(fetchDelayMillis)
                // The shared reader's window of recent events, which streams at the head share. Axon keeps 10,000 by
                // default: ~25 MiB of a demand-list heap after an ingest (serialized payloads and their lazy
                // wrappers, bench/README.md, "The shared reader's cache"). A stream further behind than the window
                // reads the store on its own, as it does after a start.
                .cachedEvents(cachedEvents);
        return new PromptEventStore(store, jta, newEvents);
    }

    @Produces
    @Singleton
    CommandGateway commandGateway() {
        return configuration().commandGateway();
    }

    @Produces
    @Singleton
    EventStore eventStore() {
        return configuration().eventStore();
    }
}
