package org.threelists.console.spreadsheet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What became of one row: taken (the service accepted its request), already taken (an earlier import of the same
 * row did; nothing was sent again) or refused, with the service's problem document (RFC 9457) saying why.
 */
public record RowResult(String sheet, int row, String key, Outcome outcome, String id, JsonNode problem) {

    public enum Outcome { TAKEN, ALREADY_TAKEN, REFUSED }

    static RowResult taken(SheetRow row, String key, String id) {
        return new RowResult(row.sheet(), row.number(), key, Outcome.TAKEN, id, null);
    }

    static RowResult alreadyTaken(SheetRow row, String key, String id) {
        return new RowResult(row.sheet(), row.number(), key, Outcome.ALREADY_TAKEN, id, null);
    }

    static RowResult refused(SheetRow row, String key, JsonNode problem) {
        return new RowResult(row.sheet(), row.number(), key, Outcome.REFUSED, null, problem);
    }
}
