package org.threelists.platform.transaction;

import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a JTA transaction keeps for itself until it ends: a map held as a resource of the transaction, so that a value
 * the transaction wrote or read (a subject's key, a row it inserted) is not asked of the database again within it, and
 * is gone when it commits or rolls back — never seen by another transaction, never stale after one.
 */
public final class TransactionKept {

    private TransactionKept() {
    }

    /** The current transaction's map under {@code resource}, made at its first use; null outside a transaction. */
    public static <K, V> Map<K, V> in(TransactionSynchronizationRegistry transactions, Object resource) {
        return in(transactions, resource, HashMap::new);
    }

    /** The current transaction's value under {@code resource}, made at its first use; null outside a transaction. */
    @SuppressWarnings("unchecked")
    public static <T> T in(TransactionSynchronizationRegistry transactions, Object resource, Supplier<T> made) {
        if (transactions.getTransactionKey() == null) {
            return null;
        }
        T kept = (T) transactions.getResource(resource);
        if (kept == null) {
            kept = made.get();
            transactions.putResource(resource, kept);
        }
        return kept;
    }
}
