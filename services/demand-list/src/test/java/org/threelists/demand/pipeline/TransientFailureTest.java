package org.threelists.demand.pipeline;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threelists.demand.service.MunicipalIntake;
import org.threelists.demand.messaging.Topics;
import org.threelists.demand.projection.DemandView;
import org.threelists.platform.axon.AxonRuntime;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.demand.pipeline.PipelineProbes.administrator;
import static org.threelists.demand.pipeline.PipelineProbes.deadLetters;
import static org.threelists.demand.pipeline.PipelineProbes.sleep;
import static org.threelists.demand.pipeline.PipelineProbes.ticket;

/**
 * A database that refuses writes for a while (a fail-over: connections cut, the new ones read-only) delays the
 * inbound messages but loses none: the partition waits and retries until they apply, nothing is dead-lettered
 * (libs/platform/README.md, "Retries").
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class TransientFailureTest {

    private static final String INTAKE_GROUP = "demand-list.municipal-intake";
    private static final Duration OUTAGE = Duration.ofSeconds(12);

    @Inject
    AxonRuntime axon;

    @Test
    void tickets_arriving_while_postgresql_refuses_writes_are_all_applied_once_the_database_is_back() throws Exception {
        String key = "outage-" + UUID.randomUUID();
        List<String> tickets = new ArrayList<>();
        try (Connection admin = administrator()) {
            send(key, tickets, 5);
            readOnly(admin, true);
            try {
                send(key, tickets, 10);
                sleep(OUTAGE.toMillis() / 2);
                send(key, tickets, 10);
                sleep(OUTAGE.toMillis() / 2);
            } finally {
                readOnly(admin, false);
            }
        }
        send(key, tickets, 5);

        KafkaProbe.awaitConsumed(INTAKE_GROUP, Topics.MUNICIPAL_REQUESTS, Duration.ofSeconds(90));
        for (String ticketId : tickets) {
            DemandView demand = QuarkusTransaction.requiringNew()
                    .call(() -> DemandView.findById(MunicipalIntake.demandIdOf(ticketId)));
            assertThat(demand).as(ticketId).isNotNull();
            assertThat(demand.municipalTicketId).isEqualTo(ticketId);
        }
        assertThat(deadLetters(Topics.MUNICIPAL_REQUESTS, key)).isEmpty();
    }

    /** The relay's coordinator backs off while the database is gone; later tests should not wait for it. */
    @AfterEach
    void restartStreamingProcessors() {
        axon.configuration().eventProcessingConfiguration().eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .forEach(processor -> {
                    processor.shutDown();
                    processor.start();
                });
    }

    private static void send(String key, List<String> tickets, int count) {
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String ticketId = "12345-" + UUID.randomUUID();
            tickets.add(ticketId);
            records.add(Map.entry(i % 2 == 0 ? key : key + "-b", ticket(ticketId)));
        }
        KafkaProbe.sendAll(Topics.MUNICIPAL_REQUESTS, records);
    }

    /** As in a fail-over to a standby: every session is cut, and every new one is read-only (SQLSTATE 25006). */
    private static void readOnly(Connection admin, boolean on) throws SQLException {
        try (Statement sql = admin.createStatement()) {
            sql.execute(on ? "ALTER DATABASE postgres SET default_transaction_read_only = on"
                    : "ALTER DATABASE postgres RESET default_transaction_read_only");
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND pid <> pg_backend_pid()");
        }
    }
}
