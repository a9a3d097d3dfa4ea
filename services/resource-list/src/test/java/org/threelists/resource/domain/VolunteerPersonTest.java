package org.threelists.resource.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What reports and hour statements may show of a volunteer's name. */
public class VolunteerPersonTest {

    @ParameterizedTest(name = "\"{0}\" is shown as \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "王小明|王*明",
            "李明|李*",
            "欧阳娜娜|欧**娜",
            "司马相如|司**如",
            "爱新觉罗溥仪|爱****仪",
            "王|王*"})
    void a_chinese_name_keeps_only_its_first_and_last_character(String name, String masked) {
        assertThat(new VolunteerPerson(name, "13800000000").maskedName()).isEqualTo(masked);
    }

    @ParameterizedTest(name = "\"{0}\" is shown as \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "John Smith|J********h",
            "Li|L*",
            "Ann|A*n",
            "X|X*"})
    void a_latin_name_is_masked_character_by_character(String name, String masked) {
        assertThat(new VolunteerPerson(name, null).maskedName()).isEqualTo(masked);
    }

    @ParameterizedTest(name = "name \"{0}\" is shown as a single star")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n", "\u3000"})
    void a_missing_or_blank_name_is_a_single_star(String name) {
        assertThat(new VolunteerPerson(name, "13800000000").maskedName()).isEqualTo("*");
    }

    @Test
    void surrounding_blanks_are_not_part_of_the_name() {
        assertThat(new VolunteerPerson("  王小明 ", null).maskedName()).isEqualTo("王*明");
    }

    @Test
    void a_character_outside_the_basic_plane_counts_as_one() {
        assertThat(new VolunteerPerson("\uD842\uDFB7野家", null).maskedName()).isEqualTo("\uD842\uDFB7*家");
        assertThat(new VolunteerPerson("\uD842\uDFB7一", null).maskedName()).isEqualTo("\uD842\uDFB7*");
    }

    @Test
    void the_phone_number_never_appears() {
        assertThat(new VolunteerPerson("王小明", "13800000000").maskedName()).doesNotContain("138");
    }

    @org.junit.jupiter.api.Test
    void a_long_name_masks_to_at_most_eight_stars() {
        assertThat(new VolunteerPerson("A" + "b".repeat(58) + "Z", null).maskedName()).isEqualTo("A********Z");
    }
}
