package org.threelists.testing.authz;

import java.util.Optional;

/**
 * One line of an authorisation table: what {@code role} acting in {@code scope} gets from {@code operation}.
 *
 * @param operation "METHOD /path" as in the service's OpenAPI document
 * @param expected  the intended answer: a status code, or {@code ok} (got past authorisation: 2xx, or the 400, 404
 *                  or 409 of a check after it)
 * @param today     when not blank, the answer the service gives today and that a pending change will turn into
 *                  {@code expected}; the suite asserts it so that the change shows up as a row to reconcile
 * @param note      why, or which change is pending
 */
public record MatrixRow(String operation, String role, String scope, String expected, String today, String note, int line) {

    static final String OK = "ok";

    public MatrixKey key() {
        return new MatrixKey(operation, role, scope);
    }

    /** What the suite asserts now. */
    public String asserted() {
        return pending() ? today : expected;
    }

    public boolean pending() {
        return today != null && !today.isBlank();
    }

    public boolean accepts(int status) {
        return accepts(asserted(), status);
    }

    static boolean accepts(String wanted, int status) {
        if (OK.equals(wanted)) {
            return status / 100 == 2 || status == 400 || status == 404 || status == 409;
        }
        return Integer.parseInt(wanted) == status;
    }

    public Optional<Integer> deniedStatus() {
        String wanted = asserted();
        return "401".equals(wanted) || "403".equals(wanted) ? Optional.of(Integer.parseInt(wanted)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "line " + line + " [" + operation + " as " + role + "/" + scope + "]";
    }

    /** Which row of the table an answer belongs to. */
    public record MatrixKey(String operation, String role, String scope) {
    }
}
