package org.threelists.platform.transaction;

import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.HashMap;
import java.util.Map;

/**
 * What a JTA transaction keeps for itself until it ends: a map held as a resource of the transaction, so that a value
 * the transaction wrote or read (a subject's key, a row it inserted) is not asked of the database again within it, and
 * is gone when it commits or rolls back — never seen by another transaction, never stale after one.
 */
public final class TransactionKept {

    private TransactionKept() {
    }

    /** The current transaction's map under {@code resource}, made at its first use; null outside a transaction. */
    @SuppressWarnings("unchecked")
    public static <K, V> Map<K, V> in(TransactionSynchronizationRegistry transactions, Object resource) {
        if (transactions.getTransactionKey() == null) {
            return null;
        }
        Map<K, V> kept = (Map<K, V>) transactions.getResource(resource);
        if (kept == null) {
            kept = new HashMap<>();
            transactions.putResource(resource, kept);
        }
        return kept;
    }
}
