package org.threelists.demand.projection;

import jakarta.inject.Singleton;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.threelists.platform.projection.TrackedRow;
import org.threelists.platform.projection.jdbc.ViewTable;
import org.threelists.platform.transaction.TransactionKept;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read-model rows the current transaction read or wrote, each as it last saw them, until the transaction ends. A
 * row asked for again in the same transaction (the answer to a command, the next event's change, the projection after
 * the request's own check of the row) is that object, not the database's copy, and is not read again: a verify reads
 * its demand's row once, not once for the check and again for the projection (bench/README.md, "demand-list and
 * resource-list without an ORM") — unless the copy misses an event of the aggregate that another transaction committed
 * after it was read ({@link #findBefore}: the row's version against the event's sequence number); a slip's hours are
 * as the leader gave them rather than with the column's two decimals, an instant as the event carried it rather than
 * rounded to the column's microseconds — what Hibernate's session handed back while the read models were entities.
 * Only for tables that nothing else writes within a transaction ({@code demand_view}, {@code slip_view}: their
 * projections alone, through {@link #save}); outside a transaction nothing is kept.
 *
 * <p>A saved row is written once, whole, when the transaction completes (or before a query of its table reads the
 * table, {@link #flush}), not once per event: a verify applies two or three events to its demand, which Hibernate wrote
 * as one UPDATE at the flush, and an upsert per event cost demand-list and PostgreSQL 0.4–0.9 ms more per listed demand
 * (bench/README.md, "demand-list and resource-list without an ORM").
 */
@Singleton
class WrittenRows {

    private static final Object ROWS = WrittenRows.class.getName();

    private final TransactionSynchronizationRegistry transactions;

    WrittenRows(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /**
     * Keeps the row and writes it whole ({@link ViewTable#save}) when the transaction completes, once however often it
     * changed; outside a transaction at once.
     */
    <T> void save(ViewTable<T> table, T row) {
        Rows rows = here();
        if (rows == null) {
            table.save(row);
            return;
        }
        Object key = keyOf(table, table.keyOf(row));
        rows.kept.put(key, row);
        rows.unwritten.put(key, () -> table.save(row));
        if (!rows.registered) {
            transactions.registerInterposedSynchronization(rows);
            rows.registered = true;
        }
    }

    /** Writes the rows this transaction saved and has not written yet: before a query reads their table. */
    void flush() {
        Rows rows = here();
        if (rows != null) {
            rows.writeAll();
        }
    }

    /**
     * Inserts the row at once (a submission's row: a plain INSERT, so a second row for its key fails instead of
     * overwriting the first, and nothing is read back; bench/README.md, "Fast path, part four") and keeps it.
     */
    <T> void insert(ViewTable<T> table, T row) {
        table.insert(row);
        Rows rows = here();
        if (rows != null) {
            rows.kept.put(keyOf(table, table.keyOf(row)), row);
        }
    }

    /** The row as this transaction last read or wrote it, else as the database has it (then kept); null when none. */
    <T> T find(ViewTable<T> table, Object... key) {
        return kept(table, key, (rows, rowKey, row) -> true);
    }

    /**
     * The row to apply the aggregate's event of this sequence number to: the transaction's copy when it is the state
     * just before that event (or holds what this transaction changed), else the row as the database has it now. A copy
     * this transaction only read — a request's check before its command — can be older than the aggregate the command
     * loaded, when another transaction's event committed in between; the event applied to that copy would write the
     * other event's change away. (This transaction's own changes are never stale: a second writer of the aggregate
     * fails at the event store's append.)
     */
    <T extends TrackedRow> T findBefore(ViewTable<T> table, long sequence, Object... key) {
        return kept(table, key,
                (rows, rowKey, row) -> row.version == sequence - 1 || rows.unwritten.containsKey(rowKey));
    }

    /** Whether the transaction's copy of a row may be used as it is. */
    private interface Current<T> {
        boolean test(Rows rows, Object rowKey, T row);
    }

    /**
     * The transaction's copy of the row when {@code current} holds for it, else the row as the database has it, then
     * kept; outside a transaction always the database's.
     */
    @SuppressWarnings("unchecked")
    private <T> T kept(ViewTable<T> table, Object[] key, Current<T> current) {
        Rows rows = here();
        if (rows == null) {
            return table.find(key);
        }
        Object rowKey = keyOf(table, key);
        T row = (T) rows.kept.get(rowKey);
        if (row == null || !current.test(rows, rowKey, row)) {
            row = table.find(key);
            if (row != null) {
                rows.kept.put(rowKey, row);
            }
        }
        return row;
    }

    private static Object keyOf(ViewTable<?> table, Object[] key) {
        return List.of(table.name(), List.of(key));
    }

    private Rows here() {
        return TransactionKept.in(transactions, ROWS, Rows::new);
    }

    /**
     * One transaction's rows: each as last seen, and the saved ones not yet written. Registered with the transaction at
     * its first save, so what is left is written before it commits, on its connection; a failure rolls it back.
     */
    private static final class Rows implements Synchronization {
        final Map<Object, Object> kept = new HashMap<>();
        final Map<Object, Runnable> unwritten = new LinkedHashMap<>();
        boolean registered;

        void writeAll() {
            List<Runnable> writes = new ArrayList<>(unwritten.values());
            unwritten.clear();
            writes.forEach(Runnable::run);
        }

        @Override
        public void beforeCompletion() {
            writeAll();
        }

        @Override
        public void afterCompletion(int status) {
        }
    }
}
