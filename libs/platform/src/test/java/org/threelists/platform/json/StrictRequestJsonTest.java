package org.threelists.platform.json;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictRequestJsonTest {

    record Body(String description, List<String> skills, Part part) {
    }

    record Part(String phone) {
    }

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictRequestJson().customize(mapper);
        return mapper;
    }

    @Test
    void text_holding_a_nul_is_refused_where_it_stands() {
        assertRefusedAt("{\"description\":\"需要法律咨询\\u0000\"}", "description");
        assertRefusedAt("{\"skills\":[\"法律\",\"\\u0000\"]}", "skills.1");
        assertRefusedAt("{\"part\":{\"phone\":\"138\\u0000\"}}", "part.phone");
    }

    @Test
    void free_text_keeps_its_line_breaks_tabs_and_chinese() throws Exception {
        Body body = mapper.readValue("{\"description\":\"第一行\\n第二行\\t缩进\",\"skills\":[\"法律\"],"
                + "\"part\":{\"phone\":null}}", Body.class);
        assertThat(body.description()).isEqualTo("第一行\n第二行\t缩进");
        assertThat(body.skills()).containsExactly("法律");
        assertThat(body.part().phone()).isNull();
    }

    @Test
    void a_number_where_text_is_expected_is_still_refused() {
        assertThatThrownBy(() -> mapper.readValue("{\"description\":12345}", Body.class))
                .isInstanceOf(JsonMappingException.class);
    }

    private void assertRefusedAt(String json, String path) {
        assertThatThrownBy(() -> mapper.readValue(json, Body.class))
                .isInstanceOf(TextWithoutNul.NulInText.class)
                .satisfies(e -> assertThat(((JsonMappingException) e).getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                        .collect(Collectors.joining("."))).isEqualTo(path));
    }
}
