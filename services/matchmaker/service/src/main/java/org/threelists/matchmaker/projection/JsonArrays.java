package org.threelists.matchmaker.projection;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** JSON arrays of strings as the String[] columns of the read models. */
final class JsonArrays {

    private JsonArrays() {
    }

    static String[] strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values.toArray(String[]::new);
    }
}
