package org.threelists.resource.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.threelists.resource.domain.PartyGroupCommands.AddPartyMember;
import org.threelists.resource.domain.PartyGroupCommands.CreatePartyGroup;
import org.threelists.resource.domain.PartyGroupCommands.NamePartyGroupLeader;
import org.threelists.resource.domain.PartyGroupCommands.RemovePartyMember;
import org.threelists.resource.domain.PartyGroupEvents.PartyGroupCreated;
import org.threelists.resource.domain.PartyGroupEvents.PartyGroupLeaderNamed;
import org.threelists.resource.domain.PartyGroupEvents.PartyMemberAdded;
import org.threelists.resource.domain.PartyGroupEvents.PartyMemberRemoved;

import java.util.Arrays;
import java.util.List;

import static org.threelists.testing.RefusalMatchers.ruleBrokenOn;

/** A building Party group's rules (楼栋党小组), command by command, with Axon's aggregate fixture. */
class PartyGroupTest {

    static final String GROUP = "g-1";
    static final String ACTOR = "community:wang-fang";
    static final String VOLUNTEER = "v-1";
    static final String RESIDENT = "r-1";
    static final String SEALED = "v1.c2VhbGVk";

    static final PartyGroupCreated CREATED = new PartyGroupCreated(GROUP, "dianqian", "jiafu", "1号楼党小组",
            "嘉福盐业小区", List.of("1号楼", "2号楼"), ACTOR);
    static final PartyMemberAdded VOLUNTEER_ADDED = new PartyMemberAdded(GROUP, "jiafu", VOLUNTEER,
            PartyMemberKind.VOLUNTEER, "unit-court", "王*明", List.of("法律咨询"), null, ACTOR);
    static final PartyMemberAdded RESIDENT_ADDED = new PartyMemberAdded(GROUP, "jiafu", RESIDENT,
            PartyMemberKind.RESIDENT, null, "李*", List.of(), SEALED, ACTOR);
    static final PartyGroupLeaderNamed VOLUNTEER_LEADS = new PartyGroupLeaderNamed(GROUP, "jiafu", VOLUNTEER, ACTOR);

    FixtureConfiguration<PartyGroup> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PartyGroup.class);
    }

    @Nested
    class Create {

        @Test
        void a_group_covers_a_compound_and_buildings() {
            fixture.givenNoPriorActivity()
                    .when(new CreatePartyGroup(GROUP, "dianqian", "jiafu", " 1号楼党小组 ", "嘉福盐业小区",
                            List.of("1号楼", "2号楼"), ACTOR))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(CREATED);
        }

        @Test
        void a_group_of_buildings_needs_no_compound() {
            fixture.givenNoPriorActivity()
                    .when(new CreatePartyGroup(GROUP, "heping", "dingzikou", "3栋党小组", " ", List.of("3栋"), ACTOR))
                    .expectEvents(new PartyGroupCreated(GROUP, "heping", "dingzikou", "3栋党小组", null, List.of("3栋"),
                            ACTOR));
        }

        @Test
        void a_group_covering_nothing_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new CreatePartyGroup(GROUP, "dianqian", "jiafu", "党小组", null, List.of(), ACTOR))
                    .expectNoEvents().expectException(ruleBrokenOn("compound"));
        }

        @Test
        void a_blank_name_or_building_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new CreatePartyGroup(GROUP, "dianqian", "jiafu", " ", "嘉福盐业小区", List.of(), ACTOR))
                    .expectNoEvents().expectException(ruleBrokenOn("name"));
            fixture.givenNoPriorActivity()
                    .when(new CreatePartyGroup(GROUP, "dianqian", "jiafu", "党小组", "嘉福盐业小区",
                            Arrays.asList("1号楼", null), ACTOR))
                    .expectNoEvents().expectException(ruleBrokenOn("buildings"));
        }
    }

    @Nested
    class Members {

        @Test
        void a_volunteer_joins_with_their_home_unit_and_no_person() {
            fixture.given(CREATED)
                    .when(new AddPartyMember(GROUP, VOLUNTEER, PartyMemberKind.VOLUNTEER, "unit-court", "王*明",
                            List.of("法律咨询"), SEALED, ACTOR))
                    .expectEvents(VOLUNTEER_ADDED);
        }

        @Test
        void a_resident_joins_with_a_sealed_person_and_no_unit() {
            fixture.given(CREATED)
                    .when(new AddPartyMember(GROUP, RESIDENT, PartyMemberKind.RESIDENT, "unit-court", "李*", null,
                            SEALED, ACTOR))
                    .expectEvents(RESIDENT_ADDED);
        }

        @Test
        void a_volunteer_without_a_home_unit_or_a_resident_without_a_person_is_refused() {
            fixture.given(CREATED)
                    .when(new AddPartyMember(GROUP, VOLUNTEER, PartyMemberKind.VOLUNTEER, null, "王*明", List.of(),
                            null, ACTOR))
                    .expectNoEvents().expectException(ruleBrokenOn("homeUnitId"));
            fixture.given(CREATED)
                    .when(new AddPartyMember(GROUP, RESIDENT, PartyMemberKind.RESIDENT, null, "李*", List.of(), null,
                            ACTOR))
                    .expectNoEvents().expectException(ruleBrokenOn("person"));
        }

        @Test
        void a_member_joins_once() {
            fixture.given(CREATED, VOLUNTEER_ADDED)
                    .when(new AddPartyMember(GROUP, VOLUNTEER, PartyMemberKind.VOLUNTEER, "unit-court", "王*明",
                            List.of(), null, ACTOR))
                    .expectNoEvents().expectException(ruleBrokenOn("memberId"));
        }

        @Test
        void a_member_is_removed_with_a_reason_and_may_join_again() {
            fixture.given(CREATED, VOLUNTEER_ADDED, RESIDENT_ADDED)
                    .when(new RemovePartyMember(GROUP, RESIDENT, "  ", ACTOR))
                    .expectEvents(new PartyMemberRemoved(GROUP, "jiafu", RESIDENT, "no reason given", ACTOR));
            fixture.given(CREATED, RESIDENT_ADDED, new PartyMemberRemoved(GROUP, "jiafu", RESIDENT, "搬家", ACTOR))
                    .when(new AddPartyMember(GROUP, RESIDENT, PartyMemberKind.RESIDENT, null, "李*", List.of(), SEALED,
                            ACTOR))
                    .expectEvents(RESIDENT_ADDED);
        }

        @Test
        void someone_who_is_not_a_member_cannot_be_removed() {
            fixture.given(CREATED, VOLUNTEER_ADDED)
                    .when(new RemovePartyMember(GROUP, RESIDENT, "搬家", ACTOR))
                    .expectNoEvents().expectException(ruleBrokenOn("memberId"));
        }

        @Test
        void the_leader_cannot_be_removed_until_another_is_named() {
            fixture.given(CREATED, VOLUNTEER_ADDED, RESIDENT_ADDED, VOLUNTEER_LEADS)
                    .when(new RemovePartyMember(GROUP, VOLUNTEER, "调离", ACTOR))
                    .expectNoEvents().expectException(ruleBrokenOn("memberId"));
            fixture.given(CREATED, VOLUNTEER_ADDED, RESIDENT_ADDED, VOLUNTEER_LEADS,
                            new PartyGroupLeaderNamed(GROUP, "jiafu", RESIDENT, ACTOR))
                    .when(new RemovePartyMember(GROUP, VOLUNTEER, "调离", ACTOR))
                    .expectEvents(new PartyMemberRemoved(GROUP, "jiafu", VOLUNTEER, "调离", ACTOR));
        }
    }

    @Nested
    class Leader {

        @Test
        void a_member_is_named_leader() {
            fixture.given(CREATED, VOLUNTEER_ADDED)
                    .when(new NamePartyGroupLeader(GROUP, VOLUNTEER, ACTOR))
                    .expectEvents(VOLUNTEER_LEADS);
        }

        @Test
        void naming_the_present_leader_again_records_nothing() {
            fixture.given(CREATED, VOLUNTEER_ADDED, VOLUNTEER_LEADS)
                    .when(new NamePartyGroupLeader(GROUP, VOLUNTEER, ACTOR))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void only_a_member_can_lead() {
            fixture.given(CREATED, VOLUNTEER_ADDED)
                    .when(new NamePartyGroupLeader(GROUP, RESIDENT, ACTOR))
                    .expectNoEvents().expectException(ruleBrokenOn("memberId"));
        }
    }
}
