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
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.threelists.platform.domain.DomainException.Kind;
import org.threelists.resource.domain.VolunteerCommands.AmendVolunteer;
import org.threelists.resource.domain.VolunteerCommands.EraseVolunteerData;
import org.threelists.resource.domain.VolunteerCommands.RegisterVolunteer;
import org.threelists.resource.domain.VolunteerCommands.VolunteerLeaves;
import org.threelists.resource.domain.VolunteerEvents.VolunteerAmended;
import org.threelists.resource.domain.VolunteerEvents.VolunteerDataErased;
import org.threelists.resource.domain.VolunteerEvents.VolunteerLeft;
import org.threelists.resource.domain.VolunteerEvents.VolunteerRegistered;
import org.threelists.testing.LifecycleCases.Command;
import org.threelists.testing.LifecycleCases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.threelists.testing.RefusalMatchers.refusalOf;
import static org.threelists.testing.RefusalMatchers.exactlyOneEvent;

/** A dual-registered volunteer's rules, command by command, with Axon's aggregate fixture. */
public class VolunteerTest {

    static final String ID = "v-1";
    static final String UNIT = "unit-zhongyuan";
    static final String ACTOR = "unit:zhongyuan";
    static final String SEALED = "v1.c2VhbGVkLXBlcnNvbg";
    static final Instant CONSENT = Instant.parse("2026-03-01T08:30:00Z");
    static final List<String> SKILLS = List.of("法律咨询", "矛盾调解");

    static final VolunteerRegistered REGISTERED = new VolunteerRegistered(ID, UNIT, "jiafu", SKILLS, SEALED, "王*明",
            CONSENT, ACTOR);
    static final VolunteerLeft LEFT = new VolunteerLeft(ID, UNIT, "retired", ACTOR);
    static final VolunteerDataErased ERASED = new VolunteerDataErased(ID, UNIT, "dpo");

    /** The events that bring a volunteer into each status. */
    static final Map<MembershipStatus, List<Object>> HISTORY = Map.of(
            MembershipStatus.ACTIVE, List.of(REGISTERED),
            MembershipStatus.LEFT, List.of(REGISTERED, LEFT));

    /** Each lifecycle command and the statuses it is allowed in. */
    static final Map<String, Command<MembershipStatus>> COMMANDS = Map.of(
            "amend", new Command<>(new AmendVolunteer(ID, "dianqian", List.of("理发"), ACTOR),
                    EnumSet.of(MembershipStatus.ACTIVE)),
            "leave", new Command<>(new VolunteerLeaves(ID, "moved away", ACTOR), EnumSet.of(MembershipStatus.ACTIVE)),
            "erase", new Command<>(new EraseVolunteerData(ID, "dpo"), EnumSet.allOf(MembershipStatus.class)));

    FixtureConfiguration<Volunteer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Volunteer.class);
    }

    static Stream<Arguments> illegalTransitions() {
        return LifecycleCases.illegal(COMMANDS, MembershipStatus.class);
    }

    @ParameterizedTest(name = "{0} is refused when the volunteer is {1}")
    @MethodSource("illegalTransitions")
    void every_illegal_transition_is_refused_and_records_nothing(String name, MembershipStatus status) {
        fixture.given(HISTORY.get(status))
                .when(COMMANDS.get(name).command())
                .expectNoEvents()
                .expectException(refusalOf(Kind.ILLEGAL_TRANSITION))
                .expectExceptionMessage(Matchers.allOf(Matchers.containsString("volunteer " + ID),
                        Matchers.endsWith("in state " + status)));
    }

    static Stream<Arguments> allowedTransitions() {
        return LifecycleCases.allowed(COMMANDS);
    }

    @ParameterizedTest(name = "{0} is accepted when the volunteer is {1}")
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
        void a_consenting_volunteer_is_registered() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterVolunteer(ID, UNIT, "jiafu", SKILLS, SEALED, "王*明", CONSENT, ACTOR))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(REGISTERED);
        }

        @Test
        void a_volunteer_without_recorded_consent_is_refused() {
            expectInvalid(fixture.givenNoPriorActivity()
                    .when(new RegisterVolunteer(ID, UNIT, "jiafu", SKILLS, SEALED, "王*明", null, ACTOR)), "consent");
        }

        @Test
        void a_volunteer_without_the_sealed_person_is_refused() {
            expectInvalid(fixture.givenNoPriorActivity()
                    .when(new RegisterVolunteer(ID, UNIT, "jiafu", SKILLS, null, "王*明", CONSENT, ACTOR)), "person");
        }

        @Test
        void consent_is_checked_first() {
            expectInvalid(fixture.givenNoPriorActivity()
                    .when(new RegisterVolunteer(ID, UNIT, "jiafu", null, null, null, null, ACTOR)), "consent");
        }

        @ParameterizedTest(name = "skills {0} are refused")
        @MethodSource("org.threelists.resource.domain.VolunteerTest#invalidSkills")
        void a_blank_skill_is_refused(List<String> skills) {
            expectInvalid(fixture.givenNoPriorActivity()
                    .when(new RegisterVolunteer(ID, UNIT, "jiafu", skills, SEALED, "王*明", CONSENT, ACTOR)), "skills");
        }
    }

    static Stream<Arguments> invalidSkills() {
        return Stream.of(
                Arguments.of(Arrays.asList("法律咨询", "")),
                Arguments.of(List.of("  ")),
                Arguments.of(List.of("法律咨询", "\t")),
                Arguments.of(Arrays.asList("法律咨询", null)),
                Arguments.of((Object) null));
    }

    @Nested
    class Amend {

        @Test
        void an_active_volunteer_changes_community_and_skills() {
            fixture.given(REGISTERED)
                    .when(new AmendVolunteer(ID, "dianqian", List.of("理发", "陪诊"), ACTOR))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new VolunteerAmended(ID, UNIT, "dianqian", List.of("理发", "陪诊"),
                            MembershipStatus.ACTIVE, ACTOR));
        }

        @ParameterizedTest(name = "skills {0} are refused")
        @MethodSource("org.threelists.resource.domain.VolunteerTest#invalidSkills")
        void an_amendment_with_a_blank_skill_is_refused(List<String> skills) {
            expectInvalid(fixture.given(REGISTERED).when(new AmendVolunteer(ID, "dianqian", skills, ACTOR)), "skills");
        }

        @Test
        void a_volunteer_who_left_cannot_be_amended() {
            fixture.given(REGISTERED, LEFT)
                    .when(new AmendVolunteer(ID, "dianqian", SKILLS, ACTOR))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.ILLEGAL_TRANSITION))
                    .expectExceptionMessage("Cannot amend volunteer " + ID + " in state LEFT");
        }
    }

    @Nested
    class Leave {

        @Test
        void leaving_records_the_reason_without_surrounding_blanks() {
            fixture.given(REGISTERED)
                    .when(new VolunteerLeaves(ID, "  retired \n", ACTOR))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(LEFT);
        }

        @ParameterizedTest(name = "reason \"{0}\" becomes \"no reason given\"")
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void leaving_without_a_reason_says_so(String reason) {
            fixture.given(REGISTERED)
                    .when(new VolunteerLeaves(ID, reason, ACTOR))
                    .expectEvents(new VolunteerLeft(ID, UNIT, "no reason given", ACTOR));
        }

        @Test
        void a_volunteer_who_left_cannot_leave_again() {
            fixture.given(REGISTERED, LEFT)
                    .when(new VolunteerLeaves(ID, "again", ACTOR))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.ILLEGAL_TRANSITION))
                    .expectExceptionMessage("Cannot record the leaving of volunteer " + ID + " in state LEFT");
        }
    }

    @Nested
    class Erase {

        @ParameterizedTest(name = "a volunteer's data is erased when {0}")
        @EnumSource(MembershipStatus.class)
        void a_volunteers_data_is_erased_in_any_state(MembershipStatus status) {
            fixture.given(HISTORY.get(status))
                    .when(new EraseVolunteerData(ID, "dpo"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(ERASED);
        }

        @ParameterizedTest(name = "a second erasure records nothing when {0}")
        @EnumSource(MembershipStatus.class)
        void a_second_erasure_records_nothing(MembershipStatus status) {
            List<Object> history = new ArrayList<>(HISTORY.get(status));
            history.add(ERASED);
            fixture.given(history)
                    .when(new EraseVolunteerData(ID, "dpo"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void a_volunteer_who_leaves_after_erasure_is_not_erased_again() {
            fixture.given(REGISTERED, ERASED, new VolunteerLeft(ID, UNIT, "no reason given", ACTOR))
                    .when(new EraseVolunteerData(ID, "dpo"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    private static void expectInvalid(ResultValidator<Volunteer> result, String field) {
        result.expectNoEvents()
                .expectException(refusalOf(Kind.RULE_BROKEN))
                .expectExceptionMessage(Matchers.startsWith(field + ":"));
    }

}
