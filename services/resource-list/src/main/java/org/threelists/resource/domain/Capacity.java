package org.threelists.resource.domain;

import java.math.BigDecimal;

/** How much of a resource there is: an amount per period, counted in the resource type's unit. */
public record Capacity(BigDecimal amount, CapacityPeriod period) {
}
