package org.threelists.resource.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.threelists.platform.domain.DomainException.Kind;
import org.threelists.resource.domain.MemberUnitCommands.AmendUnit;
import org.threelists.resource.domain.MemberUnitCommands.LeaveAlliance;
import org.threelists.resource.domain.MemberUnitCommands.RegisterUnit;
import org.threelists.resource.domain.MemberUnitCommands.RejoinAlliance;
import org.threelists.resource.domain.MemberUnitEvents.UnitAmended;
import org.threelists.resource.domain.MemberUnitEvents.UnitLeft;
import org.threelists.resource.domain.MemberUnitEvents.UnitRegistered;
import org.threelists.resource.domain.MemberUnitEvents.UnitRejoined;
import org.threelists.testing.LifecycleCases.Command;
import org.threelists.testing.LifecycleCases;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.threelists.testing.RefusalMatchers.refusalOf;
import static org.threelists.testing.RefusalMatchers.exactlyOneEvent;

/** An alliance member unit's membership rules, command by command, with Axon's aggregate fixture. */
public class MemberUnitTest {

    static final String ID = "unit-zhongyuan";
    static final String STREET = "510104001";
    static final String ACTOR = "street:admin";

    static final UnitProfile PROFILE = new UnitProfile("市中级人民法院", UnitKind.GOVERNMENT_BODY, "机关党委",
            List.of("jiafu", "dianqian"), new UnitContact("张律师", "028-12345678", "contact@court.example"));
    static final UnitProfile NEW_PROFILE = new UnitProfile("市中级人民法院(东区)", UnitKind.PUBLIC_INSTITUTION,
            "第二党支部", List.of("jiafu"), null);

    static final UnitRegistered REGISTERED = new UnitRegistered(ID, STREET, PROFILE, ACTOR);
    static final UnitLeft LEFT = new UnitLeft(ID, "merged into another unit", ACTOR);
    static final UnitRejoined REJOINED = new UnitRejoined(ID, ACTOR);

    /** The events that bring a unit into each status. */
    static final Map<MembershipStatus, List<Object>> HISTORY = Map.of(
            MembershipStatus.ACTIVE, List.of(REGISTERED),
            MembershipStatus.LEFT, List.of(REGISTERED, LEFT));

    /** Each lifecycle command and the statuses it is allowed in. */
    static final Map<String, Command<MembershipStatus>> COMMANDS = Map.of(
            "amend", new Command<>(new AmendUnit(ID, NEW_PROFILE, ACTOR), EnumSet.of(MembershipStatus.ACTIVE)),
            "leave", new Command<>(new LeaveAlliance(ID, "no more capacity", ACTOR), EnumSet.of(MembershipStatus.ACTIVE)),
            "rejoin", new Command<>(new RejoinAlliance(ID, ACTOR), EnumSet.of(MembershipStatus.LEFT)));

    FixtureConfiguration<MemberUnit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemberUnit.class);
    }

    static Stream<Arguments> illegalTransitions() {
        return LifecycleCases.illegal(COMMANDS, MembershipStatus.class);
    }

    @ParameterizedTest(name = "{0} is refused when the unit is {1}")
    @MethodSource("illegalTransitions")
    void every_illegal_transition_is_refused_and_records_nothing(String name, MembershipStatus status) {
        fixture.given(HISTORY.get(status))
                .when(COMMANDS.get(name).command())
                .expectNoEvents()
                .expectException(refusalOf(Kind.ILLEGAL_TRANSITION))
                .expectExceptionMessage(Matchers.allOf(Matchers.containsString("as unit " + ID),
                        Matchers.endsWith("in state " + status)));
    }

    static Stream<Arguments> allowedTransitions() {
        return LifecycleCases.allowed(COMMANDS);
    }

    @ParameterizedTest(name = "{0} is accepted when the unit is {1}")
    @MethodSource("allowedTransitions")
    void every_allowed_transition_records_one_event(String name, MembershipStatus status) {
        fixture.given(HISTORY.get(status))
                .when(COMMANDS.get(name).command())
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(exactlyOneEvent());
    }

    @Nested
    class Register {

        @Test
        void a_valid_unit_is_registered() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterUnit(ID, STREET, PROFILE, ACTOR))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(REGISTERED);
        }

        @ParameterizedTest(name = "\"{0}\" is a valid unit id")
        @ValueSource(strings = {"unit-ab", "unit-42", "unit-jiafu-kindergarten-2",
                "unit-abcdefghij0123456789abcdefghij0123456789abcdefghij0123456789"})
        void a_short_lowercase_slug_is_a_valid_unit_id(String unitId) {
            fixture.givenNoPriorActivity()
                    .when(new RegisterUnit(unitId, STREET, PROFILE, ACTOR))
                    .expectEvents(new UnitRegistered(unitId, STREET, PROFILE, ACTOR));
        }

        @ParameterizedTest(name = "\"{0}\" is refused as a unit id")
        @NullAndEmptySource
        @ValueSource(strings = {"court", "unit-", "unit-a", "Unit-court", "unit-Court", "unit_court", "unit-法院",
                "unit-court ", " unit-court", "unit-court.example", "xunit-court",
                "unit-abcdefghij0123456789abcdefghij0123456789abcdefghij0123456789x"})
        void a_unit_id_that_is_not_a_short_lowercase_slug_is_refused(String unitId) {
            expectInvalid(fixture.givenNoPriorActivity().when(new RegisterUnit(unitId, STREET, PROFILE, ACTOR)),
                    "unitId");
        }

        @ParameterizedTest(name = "name \"{0}\" is refused")
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t\n"})
        void a_blank_name_is_refused(String name) {
            expectInvalid(register(new UnitProfile(name, UnitKind.ENTERPRISE, null, List.of("jiafu"), null)), "name");
        }

        @Test
        void a_unit_without_a_kind_is_refused() {
            expectInvalid(register(new UnitProfile("嘉福幼儿园", null, null, List.of("jiafu"), null)), "kind");
        }

        @Test
        void a_unit_that_serves_no_community_is_refused() {
            expectInvalid(register(new UnitProfile("嘉福幼儿园", UnitKind.SCHOOL, null, List.of(), null)), "communities");
        }

        @Test
        void a_unit_without_a_list_of_communities_is_refused() {
            expectInvalid(register(new UnitProfile("嘉福幼儿园", UnitKind.SCHOOL, null, null, null)), "communities");
        }

        @Test
        void a_community_named_twice_is_refused() {
            expectInvalid(register(new UnitProfile("嘉福幼儿园", UnitKind.SCHOOL, null,
                    List.of("jiafu", "dianqian", "jiafu"), null)), "communities");
        }

        @Test
        void party_organisation_and_contact_are_optional() {
            UnitProfile bare = new UnitProfile("嘉福幼儿园", UnitKind.SCHOOL, null, List.of("jiafu"), null);
            fixture.givenNoPriorActivity()
                    .when(new RegisterUnit(ID, STREET, bare, ACTOR))
                    .expectEvents(new UnitRegistered(ID, STREET, bare, ACTOR));
        }

        private ResultValidator<MemberUnit> register(UnitProfile profile) {
            return fixture.givenNoPriorActivity().when(new RegisterUnit(ID, STREET, profile, ACTOR));
        }
    }

    @Nested
    class Amend {

        @Test
        void an_active_unit_amends_its_profile_and_keeps_its_street() {
            fixture.given(REGISTERED)
                    .when(new AmendUnit(ID, NEW_PROFILE, "unit:zhongyuan"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new UnitAmended(ID, STREET, NEW_PROFILE, MembershipStatus.ACTIVE, "unit:zhongyuan"));
        }

        @Test
        void a_unit_that_rejoined_may_amend_again() {
            fixture.given(REGISTERED, LEFT, REJOINED)
                    .when(new AmendUnit(ID, NEW_PROFILE, ACTOR))
                    .expectEvents(new UnitAmended(ID, STREET, NEW_PROFILE, MembershipStatus.ACTIVE, ACTOR));
        }

        static Stream<Arguments> invalidProfiles() {
            return Stream.of(
                    Arguments.of("blank name", new UnitProfile(" ", UnitKind.SCHOOL, null, List.of("jiafu"), null), "name"),
                    Arguments.of("no kind", new UnitProfile("嘉福幼儿园", null, null, List.of("jiafu"), null), "kind"),
                    Arguments.of("no community", new UnitProfile("嘉福幼儿园", UnitKind.SCHOOL, null, List.of(), null),
                            "communities"),
                    Arguments.of("repeated community", new UnitProfile("嘉福幼儿园", UnitKind.SCHOOL, null,
                            List.of("jiafu", "jiafu"), null), "communities"));
        }

        @ParameterizedTest(name = "an amendment with {0} is refused")
        @MethodSource("invalidProfiles")
        void an_amendment_is_checked_like_a_registration(String what, UnitProfile profile, String field) {
            expectInvalid(fixture.given(REGISTERED).when(new AmendUnit(ID, profile, ACTOR)), field);
        }

        @Test
        void a_unit_that_left_cannot_amend() {
            fixture.given(REGISTERED, LEFT)
                    .when(new AmendUnit(ID, NEW_PROFILE, ACTOR))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.ILLEGAL_TRANSITION))
                    .expectExceptionMessage("Cannot amend as unit " + ID + " in state LEFT");
        }
    }

    @Nested
    class Leave {

        @Test
        void leaving_records_the_reason_without_surrounding_blanks() {
            fixture.given(REGISTERED)
                    .when(new LeaveAlliance(ID, "  relocated out of the street \n", ACTOR))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new UnitLeft(ID, "relocated out of the street", ACTOR));
        }

        @ParameterizedTest(name = "reason \"{0}\" becomes \"no reason given\"")
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t"})
        void leaving_without_a_reason_says_so(String reason) {
            fixture.given(REGISTERED)
                    .when(new LeaveAlliance(ID, reason, ACTOR))
                    .expectEvents(new UnitLeft(ID, "no reason given", ACTOR));
        }

        @Test
        void a_unit_that_left_cannot_leave_again() {
            fixture.given(REGISTERED, LEFT)
                    .when(new LeaveAlliance(ID, "again", ACTOR))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.ILLEGAL_TRANSITION))
                    .expectExceptionMessage("Cannot leave the alliance as unit " + ID + " in state LEFT");
        }

        @Test
        void a_unit_that_rejoined_may_leave_again() {
            fixture.given(REGISTERED, LEFT, REJOINED)
                    .when(new LeaveAlliance(ID, "for good", ACTOR))
                    .expectEvents(new UnitLeft(ID, "for good", ACTOR));
        }
    }

    @Nested
    class Rejoin {

        @Test
        void a_unit_that_left_rejoins() {
            fixture.given(REGISTERED, LEFT)
                    .when(new RejoinAlliance(ID, ACTOR))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(REJOINED);
        }

        @Test
        void an_active_unit_cannot_rejoin() {
            fixture.given(REGISTERED)
                    .when(new RejoinAlliance(ID, ACTOR))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.ILLEGAL_TRANSITION))
                    .expectExceptionMessage("Cannot rejoin the alliance as unit " + ID + " in state ACTIVE");
        }

        @Test
        void a_unit_that_rejoined_cannot_rejoin_twice() {
            fixture.given(REGISTERED, LEFT, REJOINED)
                    .when(new RejoinAlliance(ID, ACTOR))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.ILLEGAL_TRANSITION));
        }
    }

    private static void expectInvalid(ResultValidator<MemberUnit> result, String field) {
        result.expectNoEvents()
                .expectException(refusalOf(Kind.RULE_BROKEN))
                .expectExceptionMessage(Matchers.startsWith(field + ":"));
    }

}
