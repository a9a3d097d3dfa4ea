package org.threelists.localstack;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The demo data's days are the services' days: they count them in Beijing time (threelists.matchmaker.time-zone,
 * threelists.ledger.time-zone), so a date taken from a UTC clock between 16:00 and 24:00 would lie a day before the
 * service's today — a delivery "before the project was published". The system tests date their work by it too.
 */
public final class DemoClock {

    private static final ZoneId SERVICE_ZONE = ZoneId.of("Asia/Shanghai");

    private DemoClock() {
    }

    /** Today where the services are. */
    public static LocalDate today() {
        return LocalDate.now(SERVICE_ZONE);
    }
}
