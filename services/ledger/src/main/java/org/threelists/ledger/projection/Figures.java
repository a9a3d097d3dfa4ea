package org.threelists.ledger.projection;

import java.math.BigDecimal;

/** Amounts as reports show them: no trailing zeros, never in exponent notation (10, not 1E+1). */
public final class Figures {

    private Figures() {
    }

    public static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.signum() == 0 ? BigDecimal.ZERO : new BigDecimal(value.stripTrailingZeros().toPlainString());
    }
}
