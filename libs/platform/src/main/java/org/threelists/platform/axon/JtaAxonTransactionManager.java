package org.threelists.platform.axon;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import org.axonframework.common.transaction.Transaction;

/**
 * Axon's transaction manager on top of Quarkus's JTA transactions. It joins a transaction that is already
 * active (a {@code @Transactional} REST call, an inbound Kafka message recorded in the inbox) so that the
 * events, the read model and the inbox record commit or roll back together; otherwise it begins one.
 */
public final class JtaAxonTransactionManager implements org.axonframework.common.transaction.TransactionManager {

    private final TransactionManager jta;

    public JtaAxonTransactionManager(TransactionManager jta) {
        this.jta = jta;
    }

    @Override
    public Transaction startTransaction() {
        try {
            if (jta.getStatus() == Status.STATUS_ACTIVE || jta.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                return new Joined();
            }
            jta.begin();
            return new Owned();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start a JTA transaction", e);
        }
    }

    /** A transaction this manager began: it commits or rolls back for real. */
    private final class Owned implements Transaction {
        @Override
        public void commit() {
            try {
                if (jta.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                    jta.rollback();
                    throw new IllegalStateException("Transaction was marked for rollback");
                }
                jta.commit();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Commit failed", e);
            }
        }

        @Override
        public void rollback() {
            try {
                if (jta.getStatus() != Status.STATUS_NO_TRANSACTION) {
                    jta.rollback();
                }
            } catch (SystemException e) {
                throw new IllegalStateException("Rollback failed", e);
            }
        }
    }

    /** A transaction owned by the caller: commit is the caller's; rollback only marks it. */
    private final class Joined implements Transaction {
        @Override
        public void commit() {
            // The owner commits.
        }

        @Override
        public void rollback() {
            try {
                jta.setRollbackOnly();
            } catch (SystemException | IllegalStateException e) {
                throw new IllegalStateException("Cannot mark the transaction for rollback", e);
            }
        }
    }
}
