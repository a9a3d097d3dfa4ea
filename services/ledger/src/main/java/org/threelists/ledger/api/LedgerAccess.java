package org.threelists.ledger.api;

import jakarta.enterprise.context.RequestScoped;
import org.threelists.ledger.projection.reports.LedgerReports.Scope;
import org.threelists.platform.domain.RecordDates;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.security.Caller;
import org.threelists.platform.security.Roles;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Who may read what of the ledger (see the module README, "Roles"): the desk and the auditor everything in their
 * street; a unit only its own entries, and the units' ranking of its street; the operator rebuilds and verifies the
 * whole ledger; statements are verified by anyone holding one (no token).
 */
@RequestScoped
public class LedgerAccess {

    private final Caller caller;

    LedgerAccess(Caller caller) {
        this.caller = caller;
    }

    public String street() {
        return caller.street().orElseThrow(() -> ProblemException.forbidden("Your token carries no 'street' claim"));
    }

    /** The caller's reading scope: the street, narrowed to its own unit for a unit. */
    public Scope scope() {
        if (caller.hasRole(Roles.UNIT) && !caller.hasRole(Roles.DESK) && !caller.hasRole(Roles.AUDITOR)) {
            return new Scope(street(), caller.unit().orElseThrow(() -> ProblemException.forbidden("Your token carries no 'unit' claim")));
        }
        return new Scope(street(), null);
    }

    public void requireReadable(String streetCode, String unitId, String what) {
        Scope scope = scope();
        if (!scope.street().equals(streetCode) || (scope.unit() != null && !scope.unit().equals(unitId))) {
            throw ProblemException.forbidden(what + " is outside your scope");
        }
    }

    /**
     * The street whose ranking the caller reads: its own, the one asked for or none named. The units' ranking (积分排名)
     * is what a street shows its alliance publicly, units' names and points; the volunteers' ranking names people
     * (masked), so it stays with the desk and the auditor.
     */
    public String rankingStreet(String requested) {
        String own = street();
        if (requested != null && !requested.isBlank() && !requested.strip().equals(own)) {
            throw ProblemException.forbidden("The rankings of street " + requested.strip() + " are outside your scope");
        }
        return own;
    }

    public void requireVolunteerRankingReader() {
        if (!caller.hasRole(Roles.DESK) && !caller.hasRole(Roles.AUDITOR)) {
            throw ProblemException.forbidden("Only the desk and the auditor read the volunteers' ranking");
        }
    }

    public void requireDesk(String streetCode, String what) {
        if (!caller.hasRole(Roles.DESK) || !street().equals(streetCode)) {
            throw ProblemException.forbidden("Only the desk of street " + streetCode + " may " + what);
        }
    }

    public boolean isOperator() {
        return caller.hasRole(Roles.OPERATOR);
    }

    public String actor() {
        return caller.actor();
    }

    static LocalDate date(String field, String value, LocalDate absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return within(field, LocalDate.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    /**
     * A date the ledger can hold: ISO dates run to year ±999,999,999, and a report cuts its period into years before it
     * reads anything (one piece a year: a billion for a date that far), while PostgreSQL refuses dates past 5874897.
     */
    static LocalDate within(String field, LocalDate date) {
        RecordDates.require(field, date);
        return date;
    }

    /** A period of dates the ledger can hold, from no later than to. */
    static void checkPeriod(LocalDate from, LocalDate to) {
        within("from", from);
        within("to", to);
        if (from.isAfter(to)) {
            throw ProblemException.invalid("from", "must not be after to");
        }
    }
}
