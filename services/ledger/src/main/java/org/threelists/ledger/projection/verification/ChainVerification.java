package org.threelists.ledger.projection.verification;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.ledger.domain.Canonical;
import org.threelists.ledger.domain.LedgerCorrection;
import org.threelists.ledger.domain.Chains;
import org.threelists.ledger.domain.LedgerEntry;
import org.threelists.ledger.projection.entries.ChainStore;
import org.threelists.ledger.projection.entries.CorrectionChain;
import org.threelists.ledger.projection.entries.Generations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Walks every chain of a generation, the corrections chain and the statements' chain, recomputing each hash from the
 * stored row, and names the first broken link: an entry whose content no longer gives its hash, whose prev_hash is not
 * its predecessor's hash, or a gap in the sequence; or a chain head that is not the last entry; or a statement whose
 * rows (its revocation, its outdating) are not what its marks chained ({@link StatementMarksVerification}).
 *
 * <p>A street's verification reads only its own entries and corrections (an index range, not the whole ledger):
 * each one's content must give its hash and its prev_hash must be the stored hash of its predecessor in the chain,
 * whatever street that belongs to; and every chain must end where its head says. The streets' verifications together
 * cover every link; the operator's full walk reads everything at once.
 */
@ApplicationScoped
public class ChainVerification {

    private final AgroalDataSource dataSource;

    ChainVerification(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static final int BATCH = 5000;

    /**
     * How many chains are walked at once, each over a connection of its own. A cursor's server waits while its client
     * decodes and hashes the rows just fetched, and the client waits while the server reads the next ones; walking
     * chains side by side keeps both cores busy (bench/README.md, "Ledger reports and verification: …").
     */
    static final int STREAMS = Math.max(3, Runtime.getRuntime().availableProcessors() + 1);

    /**
     * Whether a correction's copies of its entry's fields are not the entry's (its row {@code k} joined to its entry
     * {@code e} by {@link #ITS_ENTRY}). A correction's hash covers what it changed; the fields it copies from its entry,
     * by which reports, rankings and the monthly summaries count it, are checked against the entry itself, so a
     * correction moved to another unit, street or month by a write to the database is a broken link as an altered
     * one is.
     */
    private static final String MOVED = "(e.entry_id IS NULL OR e.street_code IS DISTINCT FROM k.street_code "
            + "OR e.community_code IS DISTINCT FROM k.community_code OR e.category IS DISTINCT FROM k.category "
            + "OR e.entry_date IS DISTINCT FROM k.entry_date OR e.unit_id IS DISTINCT FROM k.unit_id "
            + "OR e.volunteer_id IS DISTINCT FROM k.volunteer_id OR e.event_id IS DISTINCT FROM k.event_id "
            + "OR e.project_id IS DISTINCT FROM k.project_id OR e.origin IS DISTINCT FROM k.origin) AS moved";
    /** A correction's entry in the generation walked (its one parameter). */
    private static final String ITS_ENTRY = "LEFT JOIN ledger_entry e ON e.generation = ? AND e.entry_id = k.entry_id";

    /** One chain walked from its first entry: where it ends, how many entries, and its first broken link. */
    private record ChainWalk(ChainState state, BrokenLink broken) {
    }

    /** Counts the entries checked by every stream and tells the caller, never going backwards. */
    private static final class Checked {
        private final LongConsumer progress;
        private long entries;

        Checked(LongConsumer progress) {
            this.progress = progress;
        }

        synchronized void add(long n) {
            entries += n;
            progress.accept(entries);
        }

        synchronized long entries() {
            return entries;
        }
    }

    /** The first broken link: which chain, where, and why. */
    public record BrokenLink(String chain, Integer partition, long seq, String id, String reason) {
    }

    public record ChainState(int partition, long entries, String head) {
    }

    /**
     * @param head            the ledger head: SHA-256 over the partition chains' last hashes in partition order
     * @param correctionsHead the last hash of the corrections chain
     * @param statementMarks  the statements' marks checked (issues, revocations, outdatings; the street's, for a street)
     * @param statementsHead  the last hash of the statements' chain
     */
    public record Result(boolean valid, int generation, long entries, long corrections, String head,
            String correctionsHead, List<ChainState> chains, BrokenLink firstBroken, String street,
            long statementMarks, String statementsHead) {
    }

    public Result verify() {
        return verify(checked -> { });
    }

    /** The whole current generation, telling {@code progress} how many entries were checked so far. */
    public Result verify(LongConsumer progress) {
        try (Connection c = dataSource.getConnection()) {
            return verify(c, Generations.current(c), progress);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot verify the ledger", e);
        }
    }

    public Result verify(int generation) {
        try (Connection c = dataSource.getConnection()) {
            return verify(c, generation, checked -> { });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot verify the ledger", e);
        }
    }

    /** How many entries a whole walk of the current generation checks: what its chain heads count. */
    public long entriesToCheck() {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("SELECT COALESCE(SUM(seq), 0) "
                + "FROM chain_head WHERE generation = (SELECT generation FROM ledger_generation WHERE status = 'CURRENT')");
             ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the ledger's entries", e);
        }
    }

    /**
     * Walks the chains of the generation, {@link #STREAMS} at a time, each streamed through a cursor in its order,
     * {@value #BATCH} rows a fetch, on a connection of its own (the caller's stays free for the heads and the
     * corrections); every hash is recomputed from its row. The first broken link is that of the first chain in chain
     * order that has one, as a walk of one chain after the other finds it.
     */
    private Result verify(Connection c, int generation, LongConsumer progress) throws SQLException {
        List<Integer> partitions = partitions(c, generation);
        Checked checked = new Checked(progress);
        Map<Integer, ChainWalk> walks = walkAll(generation, partitions, checked);
        Map<Integer, ChainState> chains = new TreeMap<>();
        BrokenLink broken = null;
        for (int partition : partitions) {
            ChainWalk walk = walks.get(partition);
            if (walk.state() != null) {
                chains.put(partition, walk.state());
            }
            if (broken == null) {
                broken = walk.broken();
            }
        }
        // the heads are read after the walks: a chain whose head is past where its walk ended took entries meanwhile,
        // and is walked on to its head before the two are compared, so an append during the run is no break
        try (PreparedStatement q = c.prepareStatement("SELECT kafka_partition, seq, hash FROM chain_head WHERE generation = ?")) {
            q.setInt(1, generation);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next() && broken == null) {
                    int partition = rs.getInt(1);
                    long headSeq = rs.getLong(2);
                    ChainState walked = chains.get(partition);
                    if (walked == null || walked.entries() < headSeq) {
                        ChainWalk rest = walkOn(c, generation, partition, walked, headSeq, checked);
                        walked = rest.state();
                        if (walked != null) {
                            chains.put(partition, walked);
                        }
                        broken = rest.broken();
                    }
                    if (broken == null && (walked == null || walked.entries() != headSeq
                            || !walked.head().equals(rs.getString(3)))) {
                        broken = new BrokenLink(Chains.name(partition), partition, headSeq, null,
                                "the chain ends at entry " + (walked == null ? 0 : walked.entries())
                                        + " but its head says " + headSeq + ": entries were removed");
                    }
                }
            }
        }
        long entries = checked.entries();
        long corrections = 0;
        String correctionsHead = LedgerEntry.GENESIS;
        try (PreparedStatement q = c.prepareStatement("SELECT k.*, " + MOVED + " FROM ledger_correction k " + ITS_ENTRY
                + " ORDER BY k.seq")) {
            q.setInt(1, generation);
            try (ResultSet rs = q.executeQuery()) {
                long seq = 0;
                while (rs.next()) {
                    LedgerCorrection k = CorrectionChain.correction(rs);
                    corrections++;
                    if (broken == null) {
                        if (k.seq() != seq + 1) {
                            broken = new BrokenLink("corrections", null, seq + 1, k.correctionId(),
                                    "correction " + (seq + 1) + " is missing");
                        } else if (!k.prevHash().equals(correctionsHead)) {
                            broken = new BrokenLink("corrections", null, k.seq(), k.correctionId(),
                                    "prev_hash is not the hash of the correction before it");
                        } else {
                            broken = brokenCorrection(k, rs);
                        }
                    }
                    seq = k.seq();
                    correctionsHead = k.hash();
                }
            }
        }
        StatementMarksVerification.Outcome statements = StatementMarksVerification.verify(c, null);
        broken = broken != null ? broken : statements.broken();
        List<ChainState> states = new ArrayList<>(chains.values());
        return new Result(broken == null, generation, entries, corrections, head(states), correctionsHead, states, broken,
                null, statements.marks(), statements.head());
    }

    /** The correction's own break, once its link to the one before holds: altered, or moved off its entry; else null. */
    private static BrokenLink brokenCorrection(LedgerCorrection k, ResultSet row) throws SQLException {
        if (!k.computeHash().equals(k.hash())) {
            return new BrokenLink("corrections", null, k.seq(), k.correctionId(),
                    "the content no longer gives the stored hash: the correction was altered");
        }
        if (row.getBoolean("moved")) {
            return new BrokenLink("corrections", null, k.seq(), k.correctionId(), "its street, community, category, "
                    + "date, unit, volunteer, project or origin is not its entry's: the correction was moved");
        }
        return null;
    }

    /** The chains that hold entries of the generation, in order: an index skip scan, one probe per chain. */
    private static List<Integer> partitions(Connection c, int generation) throws SQLException {
        List<Integer> partitions = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("WITH RECURSIVE p AS (SELECT min(kafka_partition) AS k FROM "
                + "ledger_entry WHERE generation = ? UNION ALL SELECT (SELECT min(x.kafka_partition) FROM ledger_entry x "
                + "WHERE x.generation = ? AND x.kafka_partition > p.k) FROM p WHERE p.k IS NOT NULL) "
                + "SELECT k FROM p WHERE k IS NOT NULL")) {
            q.setInt(1, generation);
            q.setInt(2, generation);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    partitions.add(rs.getInt(1));
                }
            }
        }
        return partitions;
    }

    private Map<Integer, ChainWalk> walkAll(int generation, List<Integer> partitions, Checked checked) {
        Map<Integer, ChainWalk> walked = new ConcurrentHashMap<>();
        Queue<Integer> next = new ConcurrentLinkedQueue<>(partitions);
        int streams = Math.max(1, Math.min(STREAMS, partitions.size()));
        ExecutorService walkers = Executors.newFixedThreadPool(streams, r -> {
            Thread t = new Thread(r, "ledger-verification-walk");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                running.add(walkers.submit(() -> {
                    walkChains(generation, next, walked, checked);
                    return null;
                }));
            }
            for (Future<?> walker : running) {
                walker.get();
            }
            return walked;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The verification was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot walk the chains", e.getCause());
        } finally {
            walkers.shutdownNow();
        }
    }

    /**
     * Takes chains from {@code next} until none is left, each walked in one transaction of a connection of this
     * walker's own (no auto-commit, so that the rows stream through a cursor instead of arriving all at once).
     */
    private void walkChains(int generation, Queue<Integer> next, Map<Integer, ChainWalk> walked, Checked checked)
            throws SQLException {
        try (Connection own = dataSource.getConnection()) {
            boolean autoCommit = own.getAutoCommit();
            own.setAutoCommit(false);
            try (PreparedStatement q = own.prepareStatement("SELECT " + ChainStore.ENTRY_COLUMNS
                    + " FROM ledger_entry WHERE generation = ? AND kafka_partition = ? ORDER BY seq")) {
                q.setFetchSize(BATCH);
                for (Integer partition = next.poll(); partition != null; partition = next.poll()) {
                    q.setInt(1, generation);
                    q.setInt(2, partition);
                    walked.put(partition, walkChain(q, partition, checked));
                }
            } finally {
                own.rollback();
                own.setAutoCommit(autoCommit);
            }
        }
    }

    /** One chain: each entry's seq follows its predecessor's, its prev_hash is their hash, its content gives its hash. */
    private static ChainWalk walkChain(PreparedStatement q, int partition, Checked checked) throws SQLException {
        return walkChain(q, partition, null, checked);
    }

    /** The entries of one chain after {@code from} (null: from its first entry), checked as {@link #walkChain} does. */
    private static ChainWalk walkChain(PreparedStatement q, int partition, ChainState from, Checked checked)
            throws SQLException {
        long seq = from == null ? 0 : from.entries();
        String previous = from == null ? LedgerEntry.GENESIS : from.head();
        BrokenLink broken = null;
        int unreported = 0;
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                LedgerEntry e = ChainStore.entryInColumnOrder(rs);
                if (broken == null) {
                    if (e.seq() != seq + 1) {
                        broken = new BrokenLink(Chains.name(partition), partition, seq + 1, e.entryId(),
                                "entry " + (seq + 1) + " is missing: the next stored entry is " + e.seq());
                    } else if (!e.prevHash().equals(previous)) {
                        broken = new BrokenLink(Chains.name(partition), partition, e.seq(), e.entryId(),
                                "prev_hash is not the hash of the entry before it");
                    } else if (!e.computeHash().equals(e.hash())) {
                        broken = new BrokenLink(Chains.name(partition), partition, e.seq(), e.entryId(),
                                "the content no longer gives the stored hash: the entry was altered");
                    }
                }
                seq = e.seq();
                previous = e.hash();
                if (++unreported == BATCH) {
                    checked.add(unreported);
                    unreported = 0;
                }
            }
        }
        checked.add(unreported);
        return new ChainWalk(seq == 0 ? null : new ChainState(partition, seq, previous), broken);
    }

    /** A chain's entries after where its walk ended ({@code walked}, null: none) up to its head's {@code headSeq}. */
    private static ChainWalk walkOn(Connection c, int generation, int partition, ChainState walked, long headSeq,
            Checked checked) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + ChainStore.ENTRY_COLUMNS + " FROM ledger_entry WHERE "
                + "generation = ? AND kafka_partition = ? AND seq > ? AND seq <= ? ORDER BY seq")) {
            q.setInt(1, generation);
            q.setInt(2, partition);
            q.setLong(3, walked == null ? 0 : walked.entries());
            q.setLong(4, headSeq);
            return walkChain(q, partition, walked, checked);
        }
    }

    /** How many entries a street's verification checks. */
    public long entriesToCheck(String street) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("SELECT count(*) FROM "
                + "ledger_entry WHERE generation = (SELECT generation FROM ledger_generation WHERE status = 'CURRENT') "
                + "AND street_code = ?")) {
            q.setString(1, street);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the entries of street " + street, e);
        }
    }

    /** The current generation's entries and the corrections of one street, with the links to their predecessors. */
    public Result verifyStreet(String street) {
        return verifyStreet(street, checked -> { });
    }

    /** A street's verification, telling {@code progress} how many of its entries were checked so far. */
    public Result verifyStreet(String street, LongConsumer progress) {
        try (Connection c = dataSource.getConnection()) {
            int generation = Generations.current(c);
            BrokenLink broken = null;
            long entries = 0;
            try (PreparedStatement q = c.prepareStatement("SELECT x.*, p.hash AS predecessor_hash FROM ledger_entry x "
                    + "LEFT JOIN ledger_entry p ON p.generation = x.generation AND p.kafka_partition = x.kafka_partition "
                    + "AND p.seq = x.seq - 1 WHERE x.generation = ? AND x.street_code = ? ORDER BY x.kafka_partition, x.seq")) {
                q.setInt(1, generation);
                q.setString(2, street);
                q.setFetchSize(5000);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        LedgerEntry e = ChainStore.entry(rs);
                        entries++;
                        if (broken == null) {
                            broken = brokenLink(e, e.seq() == 1 ? LedgerEntry.GENESIS : rs.getString("predecessor_hash"));
                        }
                        if (entries % BATCH == 0) {
                            progress.accept(entries);
                        }
                    }
                }
            }
            progress.accept(entries);
            List<ChainState> states = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT h.kafka_partition, h.seq, h.hash, x.hash FROM chain_head h "
                    + "LEFT JOIN ledger_entry x ON x.generation = h.generation AND x.kafka_partition = h.kafka_partition "
                    + "AND x.seq = h.seq WHERE h.generation = ? ORDER BY h.kafka_partition")) {
                q.setInt(1, generation);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        states.add(new ChainState(rs.getInt(1), rs.getLong(2), rs.getString(3)));
                        if (broken == null && !rs.getString(3).equals(rs.getString(4))) {
                            broken = new BrokenLink(Chains.name(rs.getInt(1)), rs.getInt(1), rs.getLong(2), null,
                                    "the chain's last entry " + rs.getLong(2) + " is not the one its head names: "
                                            + "entries were removed or altered");
                        }
                    }
                }
            }
            long corrections = 0;
            String correctionsHead = LedgerEntry.GENESIS;
            try (PreparedStatement q = c.prepareStatement("SELECT k.*, p.hash AS predecessor_hash, " + MOVED
                    + " FROM ledger_correction k LEFT JOIN ledger_correction p ON p.seq = k.seq - 1 " + ITS_ENTRY
                    + " WHERE k.street_code = ? ORDER BY k.seq")) {
                q.setInt(1, generation);
                q.setString(2, street);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        LedgerCorrection k = CorrectionChain.correction(rs);
                        corrections++;
                        String predecessor = k.seq() == 1 ? LedgerEntry.GENESIS : rs.getString("predecessor_hash");
                        if (broken == null) {
                            if (predecessor == null) {
                                broken = new BrokenLink("corrections", null, k.seq() - 1, null,
                                        "correction " + (k.seq() - 1) + " is missing");
                            } else if (!k.prevHash().equals(predecessor)) {
                                broken = new BrokenLink("corrections", null, k.seq(), k.correctionId(),
                                        "prev_hash is not the hash of the correction before it");
                            } else {
                                broken = brokenCorrection(k, rs);
                            }
                        }
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT hash FROM ledger_correction ORDER BY seq DESC LIMIT 1");
                 ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    correctionsHead = rs.getString(1);
                }
            }
            StatementMarksVerification.Outcome statements = StatementMarksVerification.verify(c, street);
            broken = broken != null ? broken : statements.broken();
            return new Result(broken == null, generation, entries, corrections, head(states), correctionsHead, states,
                    broken, street, statements.marks(), statements.head());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot verify the ledger of street " + street, e);
        }
    }

    /** The ledger head as the chain heads say (no walk): what a monthly summary carries. */
    public String currentHead() {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("SELECT kafka_partition, "
                + "seq, hash FROM chain_head WHERE generation = (SELECT generation FROM ledger_generation WHERE status = "
                + "'CURRENT') ORDER BY kafka_partition"); ResultSet rs = q.executeQuery()) {
            List<ChainState> states = new ArrayList<>();
            while (rs.next()) {
                states.add(new ChainState(rs.getInt(1), rs.getLong(2), rs.getString(3)));
            }
            return head(states);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the ledger head", e);
        }
    }

    private static BrokenLink brokenLink(LedgerEntry e, String predecessorHash) {
        String chain = Chains.name(e.partition());
        if (predecessorHash == null) {
            return new BrokenLink(chain, e.partition(), e.seq() - 1, null, "entry " + (e.seq() - 1) + " is missing");
        }
        if (!e.prevHash().equals(predecessorHash)) {
            return new BrokenLink(chain, e.partition(), e.seq(), e.entryId(), "prev_hash is not the hash of the entry before it");
        }
        if (!e.computeHash().equals(e.hash())) {
            return new BrokenLink(chain, e.partition(), e.seq(), e.entryId(),
                    "the content no longer gives the stored hash: the entry was altered");
        }
        return null;
    }

    /** SHA-256 over "partition:hash" lines of the chains in partition order; the genesis hash when there are none. */
    public static String head(List<ChainState> chains) {
        if (chains.isEmpty()) {
            return LedgerEntry.GENESIS;
        }
        StringBuilder lines = new StringBuilder();
        chains.forEach(chain -> lines.append(chain.partition()).append(':').append(chain.head()).append('\n'));
        return Canonical.sha256(lines.toString());
    }
}
