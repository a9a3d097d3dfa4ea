package org.threelists.platform.axon;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import org.axonframework.modelling.command.ConcurrencyException;
import org.jboss.logging.Logger;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a {@link RetriedOnConcurrentChange} call again when another transaction appended to the same aggregate first.
 * A command sent from a {@code @Transactional} method joins that transaction (see {@link JtaAxonTransactionManager}),
 * so Axon cannot retry the command alone: its events are refused inside a transaction that is then rolled back.
 * This interceptor sits outside the transaction (its priority is lower than the transaction interceptor's), so a new
 * attempt is a new transaction that sees what the other committed. A refusal the aggregate then makes (the project
 * was claimed meanwhile) is that attempt's answer; after {@link #ATTEMPTS} clashes the last one is answered (409).
 * A call made inside a caller's transaction is not retried here: only the owner of the transaction can.
 */
@RetriedOnConcurrentChange
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ConcurrentChangeRetry {

    private static final Logger LOG = Logger.getLogger(ConcurrentChangeRetry.class);
    static final int ATTEMPTS = 8;

    private final TransactionManager transactions;

    ConcurrentChangeRetry(TransactionManager transactions) {
        this.transactions = transactions;
    }

    @AroundInvoke
    Object retry(InvocationContext call) throws Exception {
        if (inTransaction()) {
            return call.proceed();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return call.proceed();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !clash(e)) {
                    throw e;
                }
                LOG.debugf("%s.%s met a concurrent change (attempt %d); running it again",
                        call.getMethod().getDeclaringClass().getSimpleName(), call.getMethod().getName(), attempt);
                // A short random pause, growing with the attempts, keeps two clashing callers from meeting again.
                Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 1));
            }
        }
    }

    private boolean inTransaction() throws SystemException {
        return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
    }

    private static boolean clash(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 50; cause = cause.getCause(), depth++) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
