package org.threelists.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request the fuzzer sends: what it breaks ({@code label}), the request itself, and what must come back.
 * {@code query} values and {@code path} are sent as they are (the path already expanded and encoded).
 */
public record RestCase(String operation, String label, String method, String path, Map<String, String> query,
        String contentType, byte[] body, Expect expect) {

    /** What the service must answer. */
    public enum Expect {
        /** The request breaks the contract: a 4xx problem document. */
        REFUSED,
        /** The contract allows the value but it makes no sense (an unknown filter value): never a 5xx. */
        NO_SERVER_ERROR
    }

    /** The request as one line, its body cut short, for a report a human reads. */
    public String describe() {
        StringBuilder line = new StringBuilder(method).append(' ').append(cut(path, 120));
        if (!query.isEmpty()) {
            line.append('?');
            query.forEach((k, v) -> line.append(k).append('=').append(cut(v, 60)).append('&'));
            line.setLength(line.length() - 1);
        }
        if (body != null) {
            line.append(" [").append(contentType).append(", ").append(body.length).append(" bytes] ")
                    .append(cut(new String(body, StandardCharsets.UTF_8), 300));
        }
        return line.toString();
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }
}
