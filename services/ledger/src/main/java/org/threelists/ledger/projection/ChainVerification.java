package org.threelists.ledger.projection;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.ledger.domain.Canonical;
import org.threelists.ledger.domain.LedgerCorrection;
import org.threelists.ledger.domain.LedgerEntry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Walks every chain of a generation and the corrections chain, recomputing each hash from the stored row, and names
 * the first broken link: an entry whose content no longer gives its hash, whose prev_hash is not its predecessor's hash,
 * or a gap in the sequence; or a chain head that is not the last entry.
 */
@ApplicationScoped
public class ChainVerification {

    private final AgroalDataSource dataSource;

    ChainVerification(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The first broken link: which chain, where, and why. */
    public record BrokenLink(String chain, Integer partition, long seq, String id, String reason) {
    }

    public record ChainState(int partition, long entries, String head) {
    }

    /**
     * @param head            the ledger head: SHA-256 over the partition chains' last hashes in partition order
     * @param correctionsHead the last hash of the corrections chain
     */
    public record Result(boolean valid, int generation, long entries, long corrections, String head,
            String correctionsHead, List<ChainState> chains, BrokenLink firstBroken) {
    }

    public Result verify() {
        try (Connection c = dataSource.getConnection()) {
            return verify(c, LedgerProjection.currentGeneration(c));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot verify the ledger", e);
        }
    }

    public Result verify(int generation) {
        try (Connection c = dataSource.getConnection()) {
            return verify(c, generation);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot verify the ledger", e);
        }
    }

    private Result verify(Connection c, int generation) throws SQLException {
        Map<Integer, ChainState> chains = new TreeMap<>();
        BrokenLink broken = null;
        long entries = 0;
        try (PreparedStatement q = c.prepareStatement("SELECT " + LedgerStore.ENTRY_COLUMNS
                + " FROM ledger_entry WHERE generation = ? ORDER BY kafka_partition, seq")) {
            q.setInt(1, generation);
            q.setFetchSize(5000);
            try (ResultSet rs = q.executeQuery()) {
                int partition = -1;
                long seq = 0;
                String previous = LedgerEntry.GENESIS;
                while (rs.next()) {
                    LedgerEntry e = LedgerStore.entry(rs);
                    entries++;
                    if (e.partition() != partition) {
                        partition = e.partition();
                        seq = 0;
                        previous = LedgerEntry.GENESIS;
                    }
                    if (broken == null) {
                        String chain = "project-list/" + partition;
                        if (e.seq() != seq + 1) {
                            broken = new BrokenLink(chain, partition, seq + 1, e.entryId(),
                                    "entry " + (seq + 1) + " is missing: the next stored entry is " + e.seq());
                        } else if (!e.prevHash().equals(previous)) {
                            broken = new BrokenLink(chain, partition, e.seq(), e.entryId(),
                                    "prev_hash is not the hash of the entry before it");
                        } else if (!e.computeHash().equals(e.hash())) {
                            broken = new BrokenLink(chain, partition, e.seq(), e.entryId(),
                                    "the content no longer gives the stored hash: the entry was altered");
                        }
                    }
                    seq = e.seq();
                    previous = e.hash();
                    chains.put(partition, new ChainState(partition, seq, previous));
                }
            }
        }
        try (PreparedStatement q = c.prepareStatement("SELECT kafka_partition, seq, hash FROM chain_head WHERE generation = ?")) {
            q.setInt(1, generation);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next() && broken == null) {
                    ChainState walked = chains.get(rs.getInt(1));
                    if (walked == null || walked.entries() != rs.getLong(2) || !walked.head().equals(rs.getString(3))) {
                        broken = new BrokenLink("project-list/" + rs.getInt(1), rs.getInt(1), rs.getLong(2), null,
                                "the chain ends at entry " + (walked == null ? 0 : walked.entries())
                                        + " but its head says " + rs.getLong(2) + ": entries were removed");
                    }
                }
            }
        }
        long corrections = 0;
        String correctionsHead = LedgerEntry.GENESIS;
        try (PreparedStatement q = c.prepareStatement("SELECT * FROM ledger_correction ORDER BY seq");
             ResultSet rs = q.executeQuery()) {
            long seq = 0;
            while (rs.next()) {
                LedgerCorrection k = LedgerStore.correction(rs);
                corrections++;
                if (broken == null) {
                    if (k.seq() != seq + 1) {
                        broken = new BrokenLink("corrections", null, seq + 1, k.correctionId(),
                                "correction " + (seq + 1) + " is missing");
                    } else if (!k.prevHash().equals(correctionsHead)) {
                        broken = new BrokenLink("corrections", null, k.seq(), k.correctionId(),
                                "prev_hash is not the hash of the correction before it");
                    } else if (!k.computeHash().equals(k.hash())) {
                        broken = new BrokenLink("corrections", null, k.seq(), k.correctionId(),
                                "the content no longer gives the stored hash: the correction was altered");
                    }
                }
                seq = k.seq();
                correctionsHead = k.hash();
            }
        }
        List<ChainState> states = new ArrayList<>(chains.values());
        return new Result(broken == null, generation, entries, corrections, head(states), correctionsHead, states, broken);
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
