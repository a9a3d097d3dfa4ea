package org.threelists.console.spreadsheet;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Finds a record a row already made, through the service's own paged list: the services take no idempotency key,
 * so a re-import recognises its rows by their natural keys (console/README.md "Spreadsheets").
 */
final class Listings {

    private static final int PAGE_SIZE = 100;
    private static final int MOST_PAGES = 50;

    private final ServiceCalls calls;
    private final String authorization;

    Listings(ServiceCalls calls, String authorization) {
        this.calls = calls;
        this.authorization = authorization;
    }

    /** The first item of the list matching {@code wanted}; empty when none does or the caller may not list them. */
    Optional<JsonNode> find(String service, String path, Map<String, String> filter, Predicate<JsonNode> wanted) {
        for (int page = 0; page < MOST_PAGES; page++) {
            ServiceCalls.Answer answer = calls.get(service, path + "?" + query(filter, page), authorization);
            if (!answer.ok()) {
                return Optional.empty();
            }
            JsonNode items = answer.json().path("items");
            for (JsonNode item : items) {
                if (wanted.test(item)) {
                    return Optional.of(item);
                }
            }
            if (items.size() < PAGE_SIZE) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String query(Map<String, String> filter, int page) {
        String filters = filter.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return (filters.isEmpty() ? "" : filters + "&") + "page=" + page + "&size=" + PAGE_SIZE;
    }
}
