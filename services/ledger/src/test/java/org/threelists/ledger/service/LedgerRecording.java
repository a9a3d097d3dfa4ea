package org.threelists.ledger.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.ledger.domain.ClosedSlip;
import org.threelists.ledger.domain.Delivery;
import org.threelists.ledger.domain.LedgerEntry;
import org.threelists.ledger.projection.directory.Directory;
import org.threelists.ledger.projection.entries.ChainStore;
import org.threelists.ledger.projection.entries.Generations;
import org.threelists.ledger.projection.entries.OneEventChains;
import org.threelists.ledger.projection.projects.OneEventProjectFacts;
import org.threelists.ledger.projection.projects.ProjectFacts;
import org.threelists.ledger.projection.rollups.LedgerRollups;
import org.threelists.ledger.projection.rollups.OneEventRollups;
import org.threelists.ledger.projection.slips.SlipDemands;
import org.threelists.ledger.projection.summaries.OneEventSummaryCorrections;
import org.threelists.ledger.projection.summaries.SummaryCorrections.After;
import org.threelists.ledger.projection.summaries.SummaryCorrections.Reason;
import org.threelists.platform.inbox.InboundEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * The one-event reference (test sources): records project-list.events.v1 in the ledger, a delivery as entries
 * appended to its partition's hash chain, and the project facts reports need (title, holders, the community's
 * confirmation, ratings); and from demand-list.events.v1 a closed slip as entries appended to its partition's chain,
 * with the demand's listing its entries need (services/ledger/README.md, "Slips"). Runs inside the caller's
 * transaction. An event id already applied in the generation changes nothing, so a redelivery records
 * each event once (services/ledger/README.md, "Exactly once and rebuild"). The consumers and a rebuild record with
 * {@link BatchRecording}, a poll of one message too, which is main's only write path; this one-event path, kept here
 * as it was, is the reference {@code BatchRecordingTest} and the benchmarks hold it equal to. Both read the events'
 * data with {@link RecordedEvents}. Its single-row writes are test sources too ({@code OneEventChains},
 * {@code OneEventProjectFacts}, {@code OneEventSummaryCorrections}, {@code OneEventRollups}); where main's batch of one
 * writes the same row with the same statement (a confirmation's roll-ups, a demand's listing) it calls that.
 */
@ApplicationScoped
public class LedgerRecording {

    private final Generations generations;
    private final ChainStore chains;
    private final OneEventChains oneEventChains;
    private final OneEventProjectFacts projects;
    private final Directory directory;
    private final OneEventSummaryCorrections summaryCorrections;
    private final LedgerRollups rollups;
    private final OneEventRollups oneEventRollups;
    private final SlipDemands slipDemands;

    /** Everything on one data source: the service's (a test's injection) or a benchmark's single connection. */
    public LedgerRecording(AgroalDataSource dataSource) {
        this.generations = new Generations(dataSource);
        this.chains = new ChainStore(dataSource);
        this.oneEventChains = new OneEventChains(dataSource);
        this.projects = new OneEventProjectFacts(dataSource);
        this.directory = new Directory(dataSource);
        this.summaryCorrections = new OneEventSummaryCorrections(dataSource);
        this.rollups = new LedgerRollups(dataSource);
        this.oneEventRollups = new OneEventRollups(dataSource);
        this.slipDemands = new SlipDemands(dataSource);
    }

    /** Records an event that arrived live, in the current generation, which no rebuild can replace meanwhile. */
    public void record(InboundEvent event, int partition, long offset) {
        apply(generations.lockCurrent(), event, partition, offset);
    }

    /**
     * Applies one event of chain {@code partition} (its partition, see Chains) at {@code offset} to {@code generation},
     * as the live path does.
     */
    public void apply(int generation, InboundEvent event, int partition, long offset) {
        apply(generation, event, partition, offset, After.SUMMARY_RECORDED);
    }

    /** {@link #apply}, telling what came after a month's summary as {@code after} says (a replay by the events' time). */
    public void apply(int generation, InboundEvent event, int partition, long offset, After after) {
        List<String> delivered = new ArrayList<>(1);
        apply(generation, event, partition, offset, delivered, after);
        oneEventRollups.delivered(generation, delivered);
    }

    /** Applies an event; a delivery's id is added to {@code delivered}, whose roll-ups the caller adds. */
    private void apply(int generation, InboundEvent event, int partition, long offset, List<String> delivered,
            After after) {
        if (!oneEventChains.markApplied(generation, event.id(), partition, offset)) {
            return;
        }
        JsonNode d = event.data();
        String projectId = d.path("projectId").asText();
        switch (event.name()) {
            case "project.proposed" -> projects.place(projectId, d.path("title").asText(null), d.path("streetCode").asText(),
                    d.path("communityCode").asText(), d.path("category").asText());
            case "project.published" -> place(d);
            case "project.claimed" -> {
                place(d);
                projects.held(projectId, RecordedEvents.holders(d));
            }
            case "project.delivered" -> {
                delivered(generation, event, partition, offset, after);
                delivered.add(event.id());
            }
            case "project.completed" -> {
                oneEventRollups.delivered(generation, delivered);
                delivered.clear();
                if (projects.confirmed(projectId, event.time(), d.path("confirmedBy").asText(),
                        d.path("confirmedOnBehalf").asBoolean(false))) {
                    rollups.confirmed(List.of(projectId));
                }
                summaryCorrections.noteLate(generation, event.id(), event.time(), projectId,
                        Reason.CONFIRMED_AFTER_SUMMARY, after);
            }
            case "project.rated" -> projects.rated(event.id(), projectId, d.path("demandId").asText(),
                    d.path("score").asInt(), event.time());
            case "demand.submitted", "demand.amended" -> slipDemands.listedAll(generation, List.of(RecordedEvents.listingOf(d)));
            case "slip.closed" -> {
                if (closed(generation, event, partition, offset, after)) {
                    delivered.add(event.id());
                }
            }
            default -> {
                // claims in flight, schedules, cancellations, escalations; a demand's other steps, a slip's before it
                // closes (a slip closes once: satisfaction 1–2 reopens it before it is closed): nothing to record
            }
        }
    }

    private void place(JsonNode d) {
        ProjectFacts.Place place = RecordedEvents.placeOf(d);
        projects.place(place.projectId(), null, place.street(), place.community(), place.category());
    }

    private void delivered(int generation, InboundEvent event, int partition, long offset, After after) {
        JsonNode d = event.data();
        place(d);
        Delivery delivery = RecordedEvents.delivery(d);
        for (JsonNode v : d.path("report").path("volunteers")) {
            if (v.hasNonNull("maskedName")) {
                directory.rememberMaskedName(v.path("volunteerId").asText(), v.path("maskedName").asText());
            }
        }
        ChainStore.Head head = oneEventChains.lockHead(generation, partition);
        List<LedgerEntry> entries = delivery.entries(event.id(), event.time(), partition, head.seq(), head.hash());
        oneEventChains.append(generation, partition, offset, entries);
        summaryCorrections.noteLate(generation, event.id(), event.time(), delivery.projectId(),
                Reason.DELIVERED_AFTER_SUMMARY, after);
    }

    /** Appends a closed slip's entries; false when the slip was credited already. */
    private boolean closed(int generation, InboundEvent event, int chain, long offset, After after) {
        JsonNode d = event.data();
        if (chains.hasSlip(generation, d.path("slipId").asText())) {
            return false;
        }
        ClosedSlip slip = RecordedEvents.closedSlip(d, slipDemands.find(generation, d.path("demandId").asText()).orElse(null));
        ChainStore.Head head = oneEventChains.lockHead(generation, chain);
        oneEventChains.append(generation, chain, offset, slip.entries(event.id(), event.time(), chain, head.seq(), head.hash()));
        summaryCorrections.noteLate(generation, event.id(), event.time(), slip.slipId(), Reason.DELIVERED_AFTER_SUMMARY,
                after);
        return true;
    }
}
