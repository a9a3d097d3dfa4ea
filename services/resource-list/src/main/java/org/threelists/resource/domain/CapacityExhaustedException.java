package org.threelists.resource.domain;

import org.threelists.platform.domain.DomainException;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A reservation asks for more than is left in its period: the caller learns what remains and in which period, so a
 * smaller request can follow.
 */
public class CapacityExhaustedException extends DomainException {

    public CapacityExhaustedException(BigDecimal remaining, CapacityUnit unit, String period, BigDecimal asked) {
        super(Kind.CAPACITY_EXHAUSTED, "Only " + remaining.toPlainString() + " " + unit + " left in " + period + ", "
                + asked.toPlainString() + " asked", Map.of("remaining", remaining, "period", period));
    }
}
