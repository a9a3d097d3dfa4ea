package org.threelists.ledger.domain;

import java.math.BigDecimal;
import java.util.List;

/** A street's figures for one month, as the municipal platform receives them. */
public record MonthlyFigures(String streetName, BigDecimal hours, long activities, long volunteers, long residentsServed,
        List<Group> byCommunity, List<Group> byCategory) {

    /** The figures of one community or category. */
    public record Group(String code, String name, BigDecimal hours, long activities, long volunteers,
            long residentsServed) {
    }
}
