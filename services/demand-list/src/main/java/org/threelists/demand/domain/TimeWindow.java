package org.threelists.demand.domain;

import java.time.LocalDate;

/** When the residents wish the service to happen, both days inclusive. */
public record TimeWindow(LocalDate start, LocalDate end) {
}
