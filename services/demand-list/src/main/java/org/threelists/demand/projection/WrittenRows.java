package org.threelists.demand.projection;

import jakarta.inject.Singleton;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.threelists.platform.projection.jdbc.ViewTable;
import org.threelists.platform.transaction.TransactionKept;

import java.util.List;
import java.util.Map;

/**
 * The read-model rows the current transaction wrote, each as the projection left it, until the transaction ends. A
 * row read again in the same transaction (the answer to a command, the next event's change) is that object, not the
 * database's copy: a slip's hours as the leader gave them rather than with the column's two decimals, an instant as the
 * event carried it rather than rounded to the column's microseconds — what Hibernate's session handed back while the
 * read models were entities; and it is not read again. Only for tables that nothing else writes within a transaction ({@code demand_view},
 * {@code slip_view}: their projections alone); outside a transaction nothing is kept.
 */
@Singleton
class WrittenRows {

    private static final Object KEPT = WrittenRows.class.getName() + ".kept";

    private final TransactionSynchronizationRegistry transactions;

    WrittenRows(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** Writes the row whole ({@link ViewTable#save}) and keeps it. */
    <T> void save(ViewTable<T> table, T row) {
        table.save(row);
        keep(table, row);
    }

    /** Keeps a row just written by other means (the submission's INSERT). */
    <T> void keep(ViewTable<T> table, T row) {
        Map<Object, Object> kept = keptHere();
        if (kept != null) {
            kept.put(keyOf(table, table.keyOf(row)), row);
        }
    }

    /** The row as this transaction wrote it, or else as the database has it; null when there is none. */
    @SuppressWarnings("unchecked")
    <T> T find(ViewTable<T> table, Object... key) {
        Map<Object, Object> kept = keptHere();
        T written = kept == null ? null : (T) kept.get(keyOf(table, key));
        return written != null ? written : table.find(key);
    }

    private static Object keyOf(ViewTable<?> table, Object[] key) {
        return List.of(table.name(), List.of(key));
    }

    private Map<Object, Object> keptHere() {
        return TransactionKept.in(transactions, KEPT);
    }
}
