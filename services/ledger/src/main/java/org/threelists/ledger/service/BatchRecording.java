package org.threelists.ledger.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.ledger.domain.ClosedSlip;
import org.threelists.ledger.domain.Delivery;
import org.threelists.ledger.domain.LedgerEntry;
import org.threelists.ledger.projection.Pipeline;
import org.threelists.ledger.projection.Pipelines;
import org.threelists.ledger.projection.directory.Directory;
import org.threelists.ledger.projection.entries.ChainStore;
import org.threelists.ledger.projection.entries.ChainStore.Appended;
import org.threelists.ledger.projection.entries.ChainStore.Head;
import org.threelists.ledger.projection.projects.ProjectFacts;
import org.threelists.ledger.projection.rollups.LedgerRollups;
import org.threelists.ledger.projection.slips.SlipDemands;
import org.threelists.ledger.projection.summaries.SummaryCorrections;
import org.threelists.ledger.projection.summaries.SummaryCorrections.After;
import org.threelists.ledger.projection.summaries.SummaryCorrections.Late;
import org.threelists.ledger.projection.summaries.SummaryCorrections.Reason;
import org.threelists.ledger.service.LedgerReplay.Replayed;
import org.threelists.platform.inbox.InboundEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch of project-list and demand-list events (a rebuild's, or a live poll's) recorded as {@code LedgerRecording}
 * records each one, with a statement or a COPY per table for the whole batch instead of some eight round trips per
 * event (services/ledger/README.md, "Exactly once and rebuild"). The building generation's chains are appended to by
 * the rebuild alone, so their heads are kept in memory and the entries chained there; a live poll locks the heads of
 * its chains first. The stored rows, the chains and the head are those {@code LedgerRecording}, the one-event
 * reference in the test sources, gives ({@code BatchRecordingTest}); this is main's only write path of those events.
 * The writes follow the live path's order where it matters: the project rows (held until the transaction ends)
 * before the roll-ups, the entries before their roll-ups, and the batch's deliveries rolled up before its first
 * confirmations move their projects' figures to the confirmed rows.
 */
@ApplicationScoped
public class BatchRecording {

    private final Pipelines pipelines;
    private final ChainStore chains;
    private final ProjectFacts projects;
    private final Directory directory;
    private final SummaryCorrections summaryCorrections;
    private final LedgerRollups rollups;
    private final SlipDemands slipDemands;

    public BatchRecording(Pipelines pipelines, ChainStore chains, ProjectFacts projects, Directory directory,
            SummaryCorrections summaryCorrections, LedgerRollups rollups, SlipDemands slipDemands) {
        this.pipelines = pipelines;
        this.chains = chains;
        this.slipDemands = slipDemands;
        this.projects = projects;
        this.directory = directory;
        this.summaryCorrections = summaryCorrections;
        this.rollups = rollups;
    }

    /** What a batch writes, gathered in the events' order. */
    private static final class Writes {
        final List<ProjectFacts.Place> places = new ArrayList<>();
        final List<ProjectFacts.Held> held = new ArrayList<>();
        final List<ProjectFacts.Confirmed> confirmations = new ArrayList<>();
        final List<ProjectFacts.Rating> ratings = new ArrayList<>();
        final Map<String, String> maskedNames = new LinkedHashMap<>();
        final List<Appended> entries = new ArrayList<>();
        final Map<Integer, Head> movedHeads = new HashMap<>();
        final List<Late> late = new ArrayList<>();
        /** Each demand's listing as the batch has it so far, then its last: what a slip closed in the batch reads. */
        final Map<String, SlipDemands.Listing> listings = new LinkedHashMap<>();
        final Set<String> slips = new HashSet<>();
    }

    /**
     * Records a live poll's events in the current generation, which no rebuild can replace meanwhile, as
     * {@code LedgerRecording.record} records each: the poll's chains locked, then the batch written as a rebuild's is
     * (libs/platform/README.md, "Inbox": the poll is one transaction, inbox rows included).
     */
    public void recordLive(List<Replayed> batch) {
        ChainStore.Live live = chains.lockLive(batch.stream().map(Replayed::partition).toList(), applied(batch));
        writeLive(live.generation(), gatherAll(live.generation(), batch, live.heads(), live.fresh()));
    }

    /**
     * {@link #recordLive}'s writes into {@code generation}, not the current one: its chains' heads locked, then its
     * events marked applied, each in its own statement. For {@code BatchRecordingTest}, which holds the live path's
     * rows equal to the one-event reference's in a generation of its own.
     */
    void recordLive(int generation, List<Replayed> batch) {
        Map<Integer, Head> heads = chains.lockHeads(generation, batch.stream().map(Replayed::partition).toList());
        writeLive(generation, gatherAll(generation, batch, heads, chains.markAllApplied(generation, applied(batch))));
    }

    /**
     * The writes of {@link #apply} in their order, in three round trips whatever the poll holds (bench/README.md,
     * "Ledger: the delivery's hop, pipelined" and "Delivery: the ledger's entries in the pipeline"): the demands'
     * listings; the projects (their rows held from here on), holders, ratings and masked names with the entries'
     * confirmed projects read after them and the entries inserted last; the chains' heads, the roll-ups and the late
     * corrections. A confirmation, which moves figures the roll-ups just
     * added, goes after them with its own statements, and the late corrections then after it.
     */
    private void writeLive(int generation, Writes w) {
        slipDemands.listedAll(generation, w.listings.values());
        List<LedgerEntry> entries = w.entries.stream().map(Appended::entry).toList();
        Set<String> confirmed = new HashSet<>();
        Pipeline facts = new Pipeline();
        projects.placeAll(facts, w.places);
        projects.heldAll(facts, w.held);
        projects.ratedAll(facts, w.ratings);
        directory.rememberMaskedNames(facts, w.maskedNames);
        LedgerRollups.confirmedAmong(facts, entries, confirmed);
        ChainStore.insertAll(facts, generation, w.entries);
        pipelines.run(facts);
        Pipeline figures = new Pipeline();
        ChainStore.moveHeads(figures, generation, w.movedHeads);
        LedgerRollups.deliveredEntries(figures, generation, entries, confirmed);
        if (w.confirmations.isEmpty()) {
            summaryCorrections.noteAllLate(figures, generation, w.late, After.SUMMARY_RECORDED);
            pipelines.run(figures);
            return;
        }
        pipelines.run(figures);
        rollups.confirmed(projects.confirmedAll(w.confirmations));
        summaryCorrections.noteAllLate(generation, w.late, After.SUMMARY_RECORDED);
    }

    /**
     * Applies {@code batch} to {@code generation}, whose chain heads are {@code heads}: moved here as entries are
     * chained, so the caller must abandon the generation if the transaction does not commit.
     */
    public void apply(int generation, List<Replayed> batch, Map<Integer, Head> heads) {
        apply(generation, batch, heads, true);
    }

    /**
     * Applies {@code batch} to a bulk generation (a rebuild's, V7__entries_partitioned_by_generation.sql) as
     * {@link #apply} does, but for the roll-ups of its entries: the rebuild rolls the whole generation up once, when
     * its events are in ({@link LedgerRollups.RollUp}), rather than upserting each batch's.
     */
    public void build(int generation, List<Replayed> batch, Map<Integer, Head> heads) {
        apply(generation, batch, heads, false);
    }

    private void apply(int generation, List<Replayed> batch, Map<Integer, Head> heads, boolean rollUp) {
        apply(generation, batch, heads, chains.markAllApplied(generation, applied(batch)), rollUp);
    }

    private static List<ChainStore.Applied> applied(List<Replayed> batch) {
        return batch.stream().map(r -> new ChainStore.Applied(r.event().id(), r.partition(), r.offset())).toList();
    }

    /** Writes the events of {@code batch} whose ids are among {@code fresh} (those marked applied now), in order. */
    private void apply(int generation, List<Replayed> batch, Map<Integer, Head> heads, Set<String> fresh,
            boolean rollUp) {
        Writes w = gatherAll(generation, batch, heads, fresh);
        slipDemands.listedAll(generation, w.listings.values());
        projects.placeAll(w.places);
        projects.heldAll(w.held);
        projects.ratedAll(w.ratings);
        directory.rememberMaskedNames(w.maskedNames);
        chains.appendAll(generation, w.entries, w.movedHeads);
        if (rollUp) {
            rollups.deliveredEntries(generation, w.entries.stream().map(Appended::entry).toList());
        }
        rollups.confirmed(projects.confirmedAll(w.confirmations));
        summaryCorrections.noteAllLate(generation, w.late, After.EVENT_TIME);
    }

    private Writes gatherAll(int generation, List<Replayed> batch, Map<Integer, Head> heads, Set<String> fresh) {
        Writes w = new Writes();
        for (Replayed r : batch) {
            // an id applied before, or earlier in this batch, is not applied again
            if (fresh.remove(r.event().id())) {
                gather(generation, w, r, heads);
            }
        }
        return w;
    }

    private void gather(int generation, Writes w, Replayed r, Map<Integer, Head> heads) {
        InboundEvent event = r.event();
        JsonNode d = event.data();
        String projectId = d.path("projectId").asText();
        switch (event.name()) {
            case "project.proposed" -> w.places.add(new ProjectFacts.Place(projectId, d.path("title").asText(null),
                    d.path("streetCode").asText(), d.path("communityCode").asText(), d.path("category").asText()));
            case "project.published" -> w.places.add(RecordedEvents.placeOf(d));
            case "project.claimed" -> {
                w.places.add(RecordedEvents.placeOf(d));
                RecordedEvents.holders(d).forEach(h -> w.held.add(new ProjectFacts.Held(projectId, h)));
            }
            case "project.delivered" -> {
                w.places.add(RecordedEvents.placeOf(d));
                for (JsonNode v : d.path("report").path("volunteers")) {
                    if (v.hasNonNull("maskedName")) {
                        w.maskedNames.putIfAbsent(v.path("volunteerId").asText(), v.path("maskedName").asText());
                    }
                }
                Delivery delivery = RecordedEvents.delivery(d);
                Head head = heads.getOrDefault(r.partition(), new Head(0, LedgerEntry.GENESIS));
                chain(w, r, heads, delivery.entries(event.id(), event.time(), r.partition(), head.seq(), head.hash()));
                w.late.add(new Late(event.id(), event.time(), projectId, r.partition(), r.offset(),
                        Reason.DELIVERED_AFTER_SUMMARY));
            }
            case "project.completed" -> {
                w.confirmations.add(new ProjectFacts.Confirmed(projectId, event.time(), d.path("confirmedBy").asText(),
                        d.path("confirmedOnBehalf").asBoolean(false)));
                w.late.add(new Late(event.id(), event.time(), projectId, r.partition(), r.offset(),
                        Reason.CONFIRMED_AFTER_SUMMARY));
            }
            case "project.rated" -> w.ratings.add(new ProjectFacts.Rating(event.id(), projectId,
                    d.path("demandId").asText(), d.path("score").asInt(), event.time()));
            case "demand.submitted", "demand.amended" -> {
                SlipDemands.Listing listing = RecordedEvents.listingOf(d);
                w.listings.remove(listing.demandId());
                w.listings.put(listing.demandId(), listing);
            }
            case "slip.closed" -> {
                // a slip is credited once, as LedgerRecording does it
                String slipId = d.path("slipId").asText();
                if (!w.slips.add(slipId) || chains.hasSlip(generation, slipId)) {
                    return;
                }
                String demandId = d.path("demandId").asText();
                SlipDemands.Listing listing = w.listings.containsKey(demandId) ? w.listings.get(demandId)
                        : slipDemands.find(generation, demandId).orElse(null);
                ClosedSlip slip = RecordedEvents.closedSlip(d, listing);
                Head head = heads.getOrDefault(r.partition(), new Head(0, LedgerEntry.GENESIS));
                chain(w, r, heads, slip.entries(event.id(), event.time(), r.partition(), head.seq(), head.hash()));
                w.late.add(new Late(event.id(), event.time(), slip.slipId(), r.partition(), r.offset(),
                        Reason.DELIVERED_AFTER_SUMMARY));
            }
            default -> {
                // as LedgerRecording: nothing to record
            }
        }
    }

    /** Entries chained in memory after their chain's head, which moves to the last of them. */
    private static void chain(Writes w, Replayed r, Map<Integer, Head> heads, List<LedgerEntry> entries) {
        if (!entries.isEmpty()) {
            LedgerEntry last = entries.get(entries.size() - 1);
            Head moved = new Head(last.seq(), last.hash());
            heads.put(r.partition(), moved);
            w.movedHeads.put(r.partition(), moved);
            entries.forEach(e -> w.entries.add(new Appended(r.offset(), e)));
        }
    }
}
