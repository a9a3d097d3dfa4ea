package org.threelists.ledger.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.EventMessage;
import org.threelists.ledger.domain.MonthlyFigures;
import org.threelists.ledger.domain.MonthlySummaryEvents.MonthlySummarySubmitted;
import org.threelists.platform.relay.CloudEvent;
import org.threelists.platform.relay.IntegrationEvent;
import org.threelists.platform.relay.IntegrationEventMapper;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** Publishes each monthly summary to municipal.service-records.v1 (key and subject {@code <street>:<month>}). */
@ApplicationScoped
public class MunicipalSummaryPublisher implements IntegrationEventMapper {

    public static final String TYPE = "threelists.municipal.service-record.v1";

    /** The message's data (contracts/schemas/municipal.service-records.v1.schema.json). */
    public record ServiceRecord(String summaryId, String streetCode, String streetName, String month, BigDecimal hours,
            long activities, long volunteers, long residentsServed, List<MonthlyFigures.Group> byCommunity,
            List<MonthlyFigures.Group> byCategory, String ledgerHead, String submittedBy) {
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.SERVICE_RECORDS);
    }

    @Override
    public List<IntegrationEvent> map(EventMessage<?> event) {
        if (!(event.getPayload() instanceof MonthlySummarySubmitted e)) {
            return List.of();
        }
        MonthlyFigures f = e.figures();
        ServiceRecord data = new ServiceRecord(e.summaryId(), e.streetCode(), f.streetName(), e.month(), f.hours(),
                f.activities(), f.volunteers(), f.residentsServed(), f.byCommunity(), f.byCategory(), e.ledgerHead(),
                e.actor());
        return List.of(new IntegrationEvent(Topics.SERVICE_RECORDS, e.summaryId(), CloudEvent.of(event.getIdentifier(),
                Topics.SOURCE, TYPE, e.summaryId(), event.getTimestamp(), data)));
    }
}
