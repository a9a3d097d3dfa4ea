package org.threelists.demand.service;

import org.junit.jupiter.api.Test;
import org.threelists.contracts.CommunityDirectory;
import org.threelists.contracts.CommunityDirectory.Community;

import static org.assertj.core.api.Assertions.assertThat;

/** A hotline ticket's place: the community's compound its address names and the building after it, nothing more. */
class TicketPlaceTest {

    private static final Community JIAFU = CommunityDirectory.standard().find("jiafu").orElseThrow();

    @Test
    void the_compound_and_the_building_written_after_it_never_the_room() {
        assertThat(TicketPlace.of(JIAFU, "湖里区嘉福盐业小区2栋301室")).isEqualTo(new TicketPlace("嘉福盐业小区", "2栋"));
        assertThat(TicketPlace.of(JIAFU, "嘉福盐业小区 12号楼2单元")).isEqualTo(new TicketPlace("嘉福盐业小区", "12号楼"));
        assertThat(TicketPlace.of(JIAFU, "嘉福盐业小区-B座")).isEqualTo(new TicketPlace("嘉福盐业小区", "B座"));
        assertThat(TicketPlace.of(JIAFU, "嘉福盐业小区东门")).isEqualTo(new TicketPlace("嘉福盐业小区", null));
    }

    @Test
    void an_address_without_a_compound_of_the_community_has_no_place() {
        assertThat(TicketPlace.of(JIAFU, "殿前街道某路3栋")).isEqualTo(TicketPlace.UNKNOWN);
        assertThat(TicketPlace.of(JIAFU, "乌江水岸小区2栋")).as("another community's compound").isEqualTo(TicketPlace.UNKNOWN);
        assertThat(TicketPlace.of(JIAFU, null)).isEqualTo(TicketPlace.UNKNOWN);
        assertThat(TicketPlace.of(JIAFU, " ")).isEqualTo(TicketPlace.UNKNOWN);
    }
}
