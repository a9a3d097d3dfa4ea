package org.threelists.ledger.domain;

import org.threelists.platform.domain.DomainException;

import java.time.YearMonth;
import java.util.Map;

/** A month is summarised once, so only after it ended: the current month is still filling. */
public class MonthNotEnded extends DomainException {

    public MonthNotEnded(YearMonth month) {
        super(Kind.ILLEGAL_TRANSITION, "The month " + month + " has not ended yet: its summary can be sent from "
                + month.plusMonths(1).atDay(1), Map.of("state", "OPEN", "action", "summarise"));
    }
}
