package org.threelists.platform.axon;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A use case whose commands may meet another request's commands on the same aggregate: when the event store refuses
 * its events because another transaction appended to the aggregate first (Axon's {@code ConcurrencyException}), the
 * whole call runs again in a new transaction, which loads the aggregate with the other's events and decides again.
 * Put it beside {@code @Transactional}; see {@link ConcurrentChangeRetry} and libs/platform/README.md, "Commands".
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RetriedOnConcurrentChange {
}
