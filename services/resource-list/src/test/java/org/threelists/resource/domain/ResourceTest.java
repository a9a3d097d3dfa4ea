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
import org.threelists.contracts.Category;
import org.threelists.platform.domain.DomainException.Kind;
import org.threelists.resource.domain.Availability.DateRange;
import org.threelists.resource.domain.Availability.WeeklySlot;
import org.threelists.resource.domain.ResourceCommands.AmendResource;
import org.threelists.resource.domain.ResourceCommands.ConsumeCapacity;
import org.threelists.resource.domain.ResourceCommands.OfferResource;
import org.threelists.resource.domain.ResourceCommands.ReleaseCapacity;
import org.threelists.resource.domain.ResourceCommands.ReserveCapacity;
import org.threelists.resource.domain.ResourceCommands.WithdrawResource;
import org.threelists.resource.domain.ResourceEvents.CapacityConsumed;
import org.threelists.resource.domain.ResourceEvents.CapacityReleased;
import org.threelists.resource.domain.ResourceEvents.CapacityReserved;
import org.threelists.resource.domain.ResourceEvents.ResourceAmended;
import org.threelists.resource.domain.ResourceEvents.ResourceOffered;
import org.threelists.resource.domain.ResourceEvents.ResourceWithdrawn;
import org.threelists.testing.LifecycleCases.Command;
import org.threelists.testing.LifecycleCases;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.threelists.testing.RefusalMatchers.refusalOf;
import static org.threelists.testing.RefusalMatchers.exactlyOneEvent;

/**
 * An offer's lifecycle and the books of its capacity, command by command, with Axon's aggregate fixture.
 * The default offer has a TOTAL capacity of 10; the monthly one 8 per month.
 */
public class ResourceTest {

    static final String ID = "r-1";
    static final String UNIT = "unit-zhongyuan";
    static final String OWNER = "unit:zhongyuan";
    static final String MATCHMAKER = "matchmaker";
    static final ResourceType TYPE = ResourceType.PROFESSIONAL_SERVICE;

    static final String TITLE = "老旧小区产权法律咨询";
    static final List<Category> CATEGORIES = List.of(Category.LEGAL_ADVICE, Category.POLICY_CONSULTATION);
    static final List<String> AREA = List.of("jiafu", "dianqian");
    static final Availability AVAILABILITY = new Availability(
            List.of(new WeeklySlot(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))),
            List.of(new DateRange(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 20))));
    static final Capacity TOTAL_10 = new Capacity(new BigDecimal("10"), CapacityPeriod.TOTAL);
    static final Capacity MONTHLY_8 = new Capacity(new BigDecimal("8"), CapacityPeriod.MONTHLY);
    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate UNTIL = LocalDate.of(2027, 6, 30);

    static final ResourceDetails DETAILS = details(TITLE, CATEGORIES, AREA, AVAILABILITY, TOTAL_10, FROM, UNTIL);
    static final ResourceDetails MONTHLY_DETAILS = details(TITLE, CATEGORIES, AREA, AVAILABILITY, MONTHLY_8, FROM, UNTIL);
    static final ResourceDetails AMENDED_DETAILS = details("产权法律咨询(周末)", List.of(Category.LEGAL_ADVICE),
            List.of("jiafu"), AVAILABILITY, new Capacity(new BigDecimal("12"), CapacityPeriod.TOTAL), FROM, null);

    static final ResourceOffered OFFERED = new ResourceOffered(ID, UNIT, TYPE, DETAILS, OWNER);
    static final ResourceOffered MONTHLY_OFFERED =
            new ResourceOffered(ID, UNIT, ResourceType.VOLUNTEER_SERVICE, MONTHLY_DETAILS, OWNER);
    static final ResourceWithdrawn WITHDRAWN = new ResourceWithdrawn(ID, UNIT, "the firm moved away", OWNER);

    /** The events that bring a resource into each status. */
    static final Map<ResourceStatus, List<Object>> HISTORY = Map.of(
            ResourceStatus.ACTIVE, List.of(OFFERED),
            ResourceStatus.WITHDRAWN, List.of(OFFERED, WITHDRAWN));

    /** Each lifecycle command that depends on the status, and the statuses it is allowed in. */
    static final Map<String, Command<ResourceStatus>> COMMANDS = Map.of(
            "amend", new Command<>(new AmendResource(ID, AMENDED_DETAILS, OWNER), EnumSet.of(ResourceStatus.ACTIVE)),
            "withdraw", new Command<>(new WithdrawResource(ID, "no longer offered", OWNER), EnumSet.of(ResourceStatus.ACTIVE)),
            "reserve", new Command<>(reserve("p-9", 1, null), EnumSet.of(ResourceStatus.ACTIVE)));

    FixtureConfiguration<Resource> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Resource.class);
    }

    static Stream<Arguments> illegalTransitions() {
        return LifecycleCases.illegal(COMMANDS, ResourceStatus.class);
    }

    @ParameterizedTest(name = "{0} is refused when the resource is {1}")
    @MethodSource("illegalTransitions")
    void every_illegal_transition_is_refused_and_records_nothing(String name, ResourceStatus status) {
        fixture.given(HISTORY.get(status))
                .when(COMMANDS.get(name).command())
                .expectNoEvents()
                .expectException(refusalOf(Kind.ILLEGAL_TRANSITION))
                .expectExceptionMessage(Matchers.allOf(Matchers.containsString("resource " + ID),
                        Matchers.endsWith("in state " + status)));
    }

    static Stream<Arguments> allowedTransitions() {
        return LifecycleCases.allowed(COMMANDS);
    }

    @ParameterizedTest(name = "{0} is accepted when the resource is {1}")
    @MethodSource("allowedTransitions")
    void every_allowed_transition_records_one_event(String name, ResourceStatus status) {
        fixture.given(HISTORY.get(status))
                .when(COMMANDS.get(name).command())
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(exactlyOneEvent());
    }

    /** Every rule of {@link ResourceDetails#check()}, broken once each, with the field the problem names. */
    static Stream<Arguments> invalidDetails() {
        return Stream.of(
                Arguments.of("no title", details(null, CATEGORIES, AREA, AVAILABILITY, TOTAL_10, FROM, UNTIL), "title"),
                Arguments.of("a blank title", details(" \t", CATEGORIES, AREA, AVAILABILITY, TOTAL_10, FROM, UNTIL), "title"),
                Arguments.of("no categories", details(TITLE, List.of(), AREA, AVAILABILITY, TOTAL_10, FROM, UNTIL),
                        "categories"),
                Arguments.of("a null list of categories", details(TITLE, null, AREA, AVAILABILITY, TOTAL_10, FROM, UNTIL),
                        "categories"),
                Arguments.of("no service area", details(TITLE, CATEGORIES, List.of(), AVAILABILITY, TOTAL_10, FROM, UNTIL),
                        "serviceArea"),
                Arguments.of("a null service area", details(TITLE, CATEGORIES, null, AVAILABILITY, TOTAL_10, FROM, UNTIL),
                        "serviceArea"),
                // resource-list.events.v1 lists categories and communities without repeats (uniqueItems)
                Arguments.of("a repeated category", details(TITLE, List.of(Category.HEALTH, Category.HEALTH), AREA,
                        AVAILABILITY, TOTAL_10, FROM, UNTIL), "categories"),
                Arguments.of("a repeated community", details(TITLE, CATEGORIES, List.of("jiafu", "jiafu"), AVAILABILITY,
                        TOTAL_10, FROM, UNTIL), "serviceArea"),
                // one offer is one Kafka record: its availability is bounded so the record stays far below 1 MB
                Arguments.of("one weekly slot too many", details(TITLE, CATEGORIES, AREA,
                        new Availability(slots(Availability.MAX_WEEKLY_SLOTS + 1), List.of()), TOTAL_10, FROM, UNTIL),
                        "availability.weeklySlots"),
                Arguments.of("one date range too many", details(TITLE, CATEGORIES, AREA,
                        new Availability(List.of(), ranges(Availability.MAX_DATE_RANGES + 1)), TOTAL_10, FROM, UNTIL),
                        "availability.dateRanges"),
                Arguments.of("no capacity", details(TITLE, CATEGORIES, AREA, AVAILABILITY, null, FROM, UNTIL),
                        "capacity.amount"),
                Arguments.of("no capacity amount", details(TITLE, CATEGORIES, AREA, AVAILABILITY,
                        new Capacity(null, CapacityPeriod.TOTAL), FROM, UNTIL), "capacity.amount"),
                Arguments.of("a capacity of 0", details(TITLE, CATEGORIES, AREA, AVAILABILITY,
                        new Capacity(BigDecimal.ZERO, CapacityPeriod.TOTAL), FROM, UNTIL), "capacity.amount"),
                Arguments.of("a capacity of 0.00", details(TITLE, CATEGORIES, AREA, AVAILABILITY,
                        new Capacity(new BigDecimal("0.00"), CapacityPeriod.MONTHLY), FROM, UNTIL), "capacity.amount"),
                Arguments.of("a negative capacity", details(TITLE, CATEGORIES, AREA, AVAILABILITY,
                        new Capacity(new BigDecimal("-5"), CapacityPeriod.TOTAL), FROM, UNTIL), "capacity.amount"),
                Arguments.of("no capacity period", details(TITLE, CATEGORIES, AREA, AVAILABILITY,
                        new Capacity(BigDecimal.TEN, null), FROM, UNTIL), "capacity.period"),
                Arguments.of("no validFrom", details(TITLE, CATEGORIES, AREA, AVAILABILITY, TOTAL_10, null, UNTIL),
                        "validFrom"),
                Arguments.of("validUntil before validFrom", details(TITLE, CATEGORIES, AREA, AVAILABILITY, TOTAL_10, FROM,
                        FROM.minusDays(1)), "validUntil"),
                Arguments.of("a weekly slot that ends before it starts", withSlot(
                        new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(9, 0))), "availability.weeklySlots"),
                Arguments.of("a weekly slot that ends when it starts", withSlot(
                        new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(9, 0))), "availability.weeklySlots"),
                Arguments.of("a weekly slot without a day", withSlot(
                        new WeeklySlot(null, LocalTime.of(9, 0), LocalTime.of(12, 0))), "availability.weeklySlots"),
                Arguments.of("a weekly slot without a start", withSlot(
                        new WeeklySlot(DayOfWeek.MONDAY, null, LocalTime.of(12, 0))), "availability.weeklySlots"),
                Arguments.of("a weekly slot without an end", withSlot(
                        new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(9, 0), null)), "availability.weeklySlots"),
                Arguments.of("a date range that ends before it starts", withRange(
                        new DateRange(LocalDate.of(2026, 12, 20), LocalDate.of(2026, 12, 1))), "availability.dateRanges"),
                Arguments.of("a date range without a start", withRange(
                        new DateRange(null, LocalDate.of(2026, 12, 1))), "availability.dateRanges"),
                Arguments.of("a date range without an end", withRange(
                        new DateRange(LocalDate.of(2026, 12, 1), null)), "availability.dateRanges"));
    }

    @Nested
    class Offer {

        @Test
        void a_valid_offer_is_listed() {
            fixture.givenNoPriorActivity()
                    .when(new OfferResource(ID, UNIT, TYPE, DETAILS, OWNER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(OFFERED);
        }

        @Test
        void an_offer_by_arrangement_without_an_end_date_is_listed() {
            ResourceDetails open = details(TITLE, CATEGORIES, AREA, null, new Capacity(new BigDecimal("0.5"),
                    CapacityPeriod.MONTHLY), FROM, null);
            fixture.givenNoPriorActivity()
                    .when(new OfferResource(ID, UNIT, ResourceType.VENUE, open, OWNER))
                    .expectEvents(new ResourceOffered(ID, UNIT, ResourceType.VENUE, open, OWNER));
        }

        @Test
        void an_offer_valid_for_a_single_day_with_a_one_day_range_is_listed() {
            ResourceDetails oneDay = details(TITLE, CATEGORIES, AREA, new Availability(List.of(),
                    List.of(new DateRange(FROM, FROM))), TOTAL_10, FROM, FROM);
            fixture.givenNoPriorActivity()
                    .when(new OfferResource(ID, UNIT, ResourceType.FUNDS, oneDay, OWNER))
                    .expectEvents(new ResourceOffered(ID, UNIT, ResourceType.FUNDS, oneDay, OWNER));
        }

        @Test
        void an_offer_at_the_bounds_of_its_availability_is_listed() {
            ResourceDetails full = details(TITLE, CATEGORIES, AREA, new Availability(slots(Availability.MAX_WEEKLY_SLOTS),
                    ranges(Availability.MAX_DATE_RANGES)), TOTAL_10, FROM, UNTIL);
            fixture.givenNoPriorActivity()
                    .when(new OfferResource(ID, UNIT, TYPE, full, OWNER))
                    .expectEvents(new ResourceOffered(ID, UNIT, TYPE, full, OWNER));
        }

        @Test
        void slot_times_are_kept_to_the_minute_so_a_slot_within_one_minute_is_refused() {
            WeeklySlot seconds = new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(9, 0, 10), LocalTime.of(9, 0, 50));
            expectInvalid(fixture.givenNoPriorActivity().when(new OfferResource(ID, UNIT, TYPE, withSlot(seconds), OWNER)),
                    "availability.weeklySlots");
        }

        @Test
        void an_offer_without_a_type_is_refused() {
            expectInvalid(fixture.givenNoPriorActivity().when(new OfferResource(ID, UNIT, null, DETAILS, OWNER)), "type");
        }

        @ParameterizedTest(name = "an offer with {0} is refused")
        @MethodSource("org.threelists.resource.domain.ResourceTest#invalidDetails")
        void an_offer_that_breaks_a_rule_of_its_details_is_refused(String what, ResourceDetails details, String field) {
            expectInvalid(fixture.givenNoPriorActivity().when(new OfferResource(ID, UNIT, TYPE, details, OWNER)), field);
        }
    }

    @Nested
    class Amend {

        @Test
        void an_active_offer_is_amended() {
            fixture.given(OFFERED)
                    .when(new AmendResource(ID, AMENDED_DETAILS, OWNER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ResourceAmended(ID, UNIT, TYPE, AMENDED_DETAILS, ResourceStatus.ACTIVE, OWNER));
        }

        @ParameterizedTest(name = "an amendment with {0} is refused")
        @MethodSource("org.threelists.resource.domain.ResourceTest#invalidDetails")
        void an_amendment_is_checked_like_an_offer(String what, ResourceDetails details, String field) {
            expectInvalid(fixture.given(OFFERED).when(new AmendResource(ID, details, OWNER)), field);
        }

        @Test
        void a_withdrawn_offer_cannot_be_amended() {
            fixture.given(OFFERED, WITHDRAWN)
                    .when(new AmendResource(ID, AMENDED_DETAILS, OWNER))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.ILLEGAL_TRANSITION))
                    .expectExceptionMessage("Cannot amend resource " + ID + " in state WITHDRAWN");
        }

        @Test
        void capacity_cannot_drop_below_what_is_reserved() {
            fixture.given(OFFERED, reserved("p-1", 6, "TOTAL", 4))
                    .when(new AmendResource(ID, withCapacity(5, CapacityPeriod.TOTAL), OWNER))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.CONFLICT, Map.of("used", BigDecimal.valueOf(6))))
                    .expectExceptionMessage("Capacity cannot drop below the 6 already reserved or consumed");
        }

        @Test
        void capacity_may_drop_to_exactly_what_is_reserved() {
            ResourceDetails six = withCapacity(6, CapacityPeriod.TOTAL);
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6), reserved("p-2", 2, "TOTAL", 4))
                    .when(new AmendResource(ID, six, OWNER))
                    .expectEvents(new ResourceAmended(ID, UNIT, TYPE, six, ResourceStatus.ACTIVE, OWNER));
        }

        @Test
        void consumed_capacity_counts_as_used_but_what_was_returned_does_not() {
            List<Object> history = List.of(OFFERED, reserved("p-1", 6, "TOTAL", 4),
                    consumed("p-1", 5, 1, "TOTAL", 5));
            fixture.given(history)
                    .when(new AmendResource(ID, withCapacity(4, CapacityPeriod.TOTAL), OWNER))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.CONFLICT, Map.of("used", BigDecimal.valueOf(5))));
            setUp();
            ResourceDetails five = withCapacity(5, CapacityPeriod.TOTAL);
            fixture.given(history)
                    .when(new AmendResource(ID, five, OWNER))
                    .expectEvents(new ResourceAmended(ID, UNIT, TYPE, five, ResourceStatus.ACTIVE, OWNER));
        }

        @Test
        void released_capacity_no_longer_counts_as_used() {
            ResourceDetails one = withCapacity(1, CapacityPeriod.TOTAL);
            fixture.given(OFFERED, reserved("p-1", 6, "TOTAL", 4), released("p-1", 6, "TOTAL", 10, "released"))
                    .when(new AmendResource(ID, one, OWNER))
                    .expectEvents(new ResourceAmended(ID, UNIT, TYPE, one, ResourceStatus.ACTIVE, OWNER));
        }

        @Test
        void a_monthly_capacity_cannot_drop_below_its_busiest_month() {
            List<Object> history = List.of(MONTHLY_OFFERED, reserved("p-1", 6, "2026-12", 2),
                    reserved("p-2", 2, "2027-01", 6));
            fixture.given(history)
                    .when(new AmendResource(ID, withCapacity(5, CapacityPeriod.MONTHLY), OWNER))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.CONFLICT, Map.of("used", BigDecimal.valueOf(6))));
            setUp();
            ResourceDetails six = withCapacity(6, CapacityPeriod.MONTHLY);
            fixture.given(history)
                    .when(new AmendResource(ID, six, OWNER))
                    .expectEvents(new ResourceAmended(ID, UNIT, ResourceType.VOLUNTEER_SERVICE, six,
                            ResourceStatus.ACTIVE, OWNER));
        }

        @Test
        void the_period_cannot_change_while_a_reservation_is_open() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6))
                    .when(new AmendResource(ID, withCapacity(10, CapacityPeriod.MONTHLY), OWNER))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.CONFLICT))
                    .expectExceptionMessage("The capacity period cannot change once capacity has been reserved or consumed");
        }

        @Test
        void the_period_can_change_when_nothing_was_ever_reserved() {
            ResourceDetails monthly = withCapacity(10, CapacityPeriod.MONTHLY);
            fixture.given(OFFERED)
                    .when(new AmendResource(ID, monthly, OWNER))
                    .expectEvents(new ResourceAmended(ID, UNIT, TYPE, monthly, ResourceStatus.ACTIVE, OWNER));
        }

        @Test
        void the_period_can_change_once_every_reservation_is_released() {
            ResourceDetails monthly = withCapacity(3, CapacityPeriod.MONTHLY);
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6), released("p-1", 4, "TOTAL", 10, "released"))
                    .when(new AmendResource(ID, monthly, OWNER))
                    .expectEvents(new ResourceAmended(ID, UNIT, TYPE, monthly, ResourceStatus.ACTIVE, OWNER));
        }

        @Test
        void the_period_cannot_change_once_capacity_was_consumed_so_the_books_stay_whole() {
            ResourceDetails total = withCapacity(20, CapacityPeriod.TOTAL);
            fixture.given(MONTHLY_OFFERED, reserved("p-1", 4, "2026-12", 4), consumed("p-1", 4, 0, "2026-12", 4))
                    .when(new AmendResource(ID, total, OWNER))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.CONFLICT));
        }

        @Test
        void past_months_do_not_bound_a_new_monthly_amount() {
            ResourceDetails two = withCapacity(2, CapacityPeriod.MONTHLY);
            fixture.given(MONTHLY_OFFERED, reserved("p-old", 4, "2020-01", 4), consumed("p-old", 4, 0, "2020-01", 4))
                    .when(new AmendResource(ID, two, OWNER))
                    .expectEvents(new ResourceAmended(ID, UNIT, ResourceType.VOLUNTEER_SERVICE, two,
                            ResourceStatus.ACTIVE, OWNER));
        }

        @Test
        void the_period_can_change_when_every_reservation_was_released() {
            ResourceDetails total = withCapacity(20, CapacityPeriod.TOTAL);
            fixture.given(MONTHLY_OFFERED, reserved("p-1", 4, "2026-12", 4), released("p-1", 4, "2026-12", 8, "cancelled"))
                    .when(new AmendResource(ID, total, OWNER))
                    .expectEvents(new ResourceAmended(ID, UNIT, ResourceType.VOLUNTEER_SERVICE, total,
                            ResourceStatus.ACTIVE, OWNER));
        }

        @Test
        void reservations_follow_the_amended_capacity() {
            ResourceDetails twelve = withCapacity(12, CapacityPeriod.TOTAL);
            fixture.given(OFFERED, reserved("p-1", 10, "TOTAL", 0),
                            new ResourceAmended(ID, UNIT, TYPE, twelve, ResourceStatus.ACTIVE, OWNER))
                    .when(reserve("p-2", 2, null))
                    .expectResultMessagePayload(true)
                    .expectEvents(reserved("p-2", 2, "TOTAL", 0));
        }

        @Test
        void after_a_change_to_monthly_reservations_name_their_month() {
            fixture.given(OFFERED, new ResourceAmended(ID, UNIT, TYPE, MONTHLY_DETAILS, ResourceStatus.ACTIVE, OWNER))
                    .when(reserve("p-1", 3, "2026-12"))
                    .expectResultMessagePayload(true)
                    .expectEvents(reserved("p-1", 3, "2026-12", 5));
        }
    }

    @Nested
    class Withdraw {

        @Test
        void withdrawing_records_the_reason_without_surrounding_blanks() {
            fixture.given(OFFERED)
                    .when(new WithdrawResource(ID, "  the firm moved away ", OWNER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(WITHDRAWN);
        }

        @ParameterizedTest(name = "reason \"{0}\" becomes \"no reason given\"")
        @NullAndEmptySource
        @ValueSource(strings = {"  ", "\n"})
        void withdrawing_without_a_reason_says_so(String reason) {
            fixture.given(OFFERED)
                    .when(new WithdrawResource(ID, reason, OWNER))
                    .expectEvents(new ResourceWithdrawn(ID, UNIT, "no reason given", OWNER));
        }

        @Test
        void an_offer_with_open_reservations_may_be_withdrawn() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6))
                    .when(new WithdrawResource(ID, "the firm moved away", OWNER))
                    .expectEvents(WITHDRAWN);
        }

        @Test
        void a_withdrawn_offer_cannot_be_withdrawn_again() {
            fixture.given(OFFERED, WITHDRAWN)
                    .when(new WithdrawResource(ID, "again", OWNER))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.ILLEGAL_TRANSITION))
                    .expectExceptionMessage("Cannot withdraw resource " + ID + " in state WITHDRAWN");
        }
    }

    @Nested
    class Reserve {

        @Test
        void a_new_reservation_is_made_and_says_what_remains() {
            fixture.given(OFFERED)
                    .when(reserve("p-1", 4, null))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(true)
                    .expectEvents(reserved("p-1", 4, "TOTAL", 6));
        }

        @Test
        void a_reservation_counts_what_other_projects_hold() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6))
                    .when(reserve("p-2", 3, null))
                    .expectResultMessagePayload(true)
                    .expectEvents(reserved("p-2", 3, "TOTAL", 3));
        }

        @Test
        void repeating_the_same_reservation_changes_nothing() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6))
                    .when(reserve("p-1", 4, null))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(false)
                    .expectNoEvents();
        }

        @Test
        void the_same_amount_written_with_another_scale_is_the_same_reservation() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6))
                    .when(new ReserveCapacity(ID, "p-1", new BigDecimal("4.00"), null, MATCHMAKER))
                    .expectResultMessagePayload(false)
                    .expectNoEvents();
        }

        @Test
        void repeating_a_monthly_reservation_for_the_same_month_changes_nothing() {
            fixture.given(MONTHLY_OFFERED, reserved("p-1", 3, "2026-12", 5))
                    .when(reserve("p-1", 3, " 2026-12 "))
                    .expectResultMessagePayload(false)
                    .expectNoEvents();
        }

        @Test
        void the_same_project_asking_for_another_amount_is_a_conflict() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6))
                    .when(reserve("p-1", 5, null))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.CONFLICT, Map.of("projectId", "p-1")))
                    .expectExceptionMessage("Project p-1 already holds a reservation of 4 in TOTAL");
        }

        @Test
        void the_same_project_asking_for_another_month_is_a_conflict() {
            fixture.given(MONTHLY_OFFERED, reserved("p-1", 3, "2026-12", 5))
                    .when(reserve("p-1", 3, "2027-01"))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.CONFLICT, Map.of("projectId", "p-1")));
        }

        @Test
        void more_than_remains_is_refused_as_capacity_exhausted() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6))
                    .when(reserve("p-2", 7, null))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.CAPACITY_EXHAUSTED,
                            Map.of("remaining", BigDecimal.valueOf(6), "period", "TOTAL")))
                    .expectExceptionMessage(Matchers.startsWith("Only 6 SERVICE_HOURS left in TOTAL, 7 asked"));
        }

        @Test
        void exactly_what_remains_can_be_reserved_and_leaves_nothing() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6))
                    .when(reserve("p-2", 6, null))
                    .expectResultMessagePayload(true)
                    .expectEvents(reserved("p-2", 6, "TOTAL", 0));
        }

        @Test
        void a_fully_reserved_offer_refuses_even_the_smallest_amount() {
            fixture.given(OFFERED, reserved("p-1", 10, "TOTAL", 0))
                    .when(new ReserveCapacity(ID, "p-2", new BigDecimal("0.01"), null, MATCHMAKER))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.CAPACITY_EXHAUSTED,
                            Map.of("remaining", BigDecimal.valueOf(0), "period", "TOTAL")));
        }

        @Test
        void more_than_the_whole_capacity_is_refused_on_a_fresh_offer() {
            fixture.given(OFFERED)
                    .when(reserve("p-1", 11, null))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.CAPACITY_EXHAUSTED));
        }

        @ParameterizedTest(name = "amount {0} is refused")
        @ValueSource(strings = {"0", "0.00", "-1", "-0.5"})
        void an_amount_that_is_not_positive_is_refused(String amount) {
            expectInvalid(fixture.given(OFFERED)
                    .when(new ReserveCapacity(ID, "p-1", new BigDecimal(amount), null, MATCHMAKER)), "amount");
        }

        @Test
        void a_missing_amount_is_refused() {
            expectInvalid(fixture.given(OFFERED).when(new ReserveCapacity(ID, "p-1", null, null, MATCHMAKER)), "amount");
        }

        @ParameterizedTest(name = "project \"{0}\" is refused")
        @NullAndEmptySource
        @ValueSource(strings = {"  ", "\t"})
        void a_reservation_without_a_project_is_refused(String projectId) {
            expectInvalid(fixture.given(OFFERED).when(reserve(projectId, 4, null)), "projectId");
        }

        @ParameterizedTest(name = "period \"{0}\" is refused for a monthly capacity")
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void a_monthly_capacity_needs_the_month(String period) {
            expectInvalid(fixture.given(MONTHLY_OFFERED).when(reserve("p-1", 3, period)), "period");
        }

        @ParameterizedTest(name = "period \"{0}\" is refused for a monthly capacity")
        @ValueSource(strings = {"2026-13", "2026-00", "2026/12", "12-2026", "2026-12-01", "December 2026", "TOTAL"})
        void a_monthly_capacity_refuses_a_malformed_month(String period) {
            expectInvalid(fixture.given(MONTHLY_OFFERED).when(reserve("p-1", 3, period)), "period");
        }

        @Test
        void a_monthly_reservation_is_counted_under_its_month() {
            fixture.given(MONTHLY_OFFERED)
                    .when(reserve("p-1", 3, " 2026-12 "))
                    .expectResultMessagePayload(true)
                    .expectEvents(reserved("p-1", 3, "2026-12", 5));
        }

        @Test
        void a_full_month_does_not_block_the_next_one() {
            fixture.given(MONTHLY_OFFERED, reserved("p-1", 8, "2026-12", 0))
                    .when(reserve("p-2", 8, "2027-01"))
                    .expectResultMessagePayload(true)
                    .expectEvents(reserved("p-2", 8, "2027-01", 8 - 8));
        }

        @Test
        void a_full_month_refuses_more_in_that_month() {
            fixture.given(MONTHLY_OFFERED, reserved("p-1", 8, "2026-12", 0), reserved("p-2", 5, "2027-01", 3))
                    .when(reserve("p-3", 1, "2026-12"))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.CAPACITY_EXHAUSTED,
                            Map.of("remaining", BigDecimal.valueOf(0), "period", "2026-12")));
        }

        @Test
        void each_month_counts_only_its_own_reservations() {
            fixture.given(MONTHLY_OFFERED, reserved("p-1", 8, "2026-12", 0), reserved("p-2", 5, "2027-01", 3))
                    .when(reserve("p-3", 3, "2027-01"))
                    .expectResultMessagePayload(true)
                    .expectEvents(reserved("p-3", 3, "2027-01", 0));
        }

        @ParameterizedTest(name = "period \"{0}\" is ignored by a total capacity")
        @NullAndEmptySource
        @ValueSource(strings = {"2026-12", "2026-13", "whenever"})
        void a_total_capacity_ignores_any_period(String period) {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6))
                    .when(reserve("p-2", 3, period))
                    .expectResultMessagePayload(true)
                    .expectEvents(reserved("p-2", 3, "TOTAL", 3));
        }

        @Test
        void a_withdrawn_offer_refuses_new_reservations() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6), WITHDRAWN)
                    .when(reserve("p-2", 1, null))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.ILLEGAL_TRANSITION))
                    .expectExceptionMessage("Cannot reserve capacity of resource " + ID + " in state WITHDRAWN");
        }

        @Test
        void a_withdrawn_offer_still_answers_a_repeated_reservation_without_change() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6), WITHDRAWN)
                    .when(reserve("p-1", 4, null))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(false)
                    .expectNoEvents();
        }

        @Test
        void after_a_release_the_same_project_may_reserve_again() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6), released("p-1", 4, "TOTAL", 10, "released"))
                    .when(reserve("p-1", 7, null))
                    .expectResultMessagePayload(true)
                    .expectEvents(reserved("p-1", 7, "TOTAL", 3));
        }

        @Test
        void after_consumption_the_same_project_cannot_reserve_again() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6), consumed("p-1", 3, 1, "TOTAL", 7))
                    .when(reserve("p-1", 4, null))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.CONFLICT, Map.of("projectId", "p-1")))
                    .expectExceptionMessage("Project p-1 already consumed 3 in TOTAL");
        }

        @Test
        void after_consumption_even_the_consumed_amount_cannot_be_reserved_again() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6), consumed("p-1", 3, 1, "TOTAL", 7))
                    .when(reserve("p-1", 3, null))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.CONFLICT));
        }

        @Test
        void what_a_consumption_returned_can_be_reserved_by_others() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6), consumed("p-1", 3, 1, "TOTAL", 7))
                    .when(reserve("p-2", 7, null))
                    .expectResultMessagePayload(true)
                    .expectEvents(reserved("p-2", 7, "TOTAL", 0));
        }

        @Test
        void what_was_consumed_stays_used() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6), consumed("p-1", 3, 1, "TOTAL", 7))
                    .when(reserve("p-2", 8, null))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.CAPACITY_EXHAUSTED,
                            Map.of("remaining", BigDecimal.valueOf(7), "period", "TOTAL")));
        }
    }

    @Nested
    class Release {

        @Test
        void releasing_a_reservation_gives_its_amount_back() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6), reserved("p-2", 3, "TOTAL", 3))
                    .when(new ReleaseCapacity(ID, "p-1", " project cancelled ", MATCHMAKER, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(released("p-1", 4, "TOTAL", 7, "project cancelled"));
        }

        @ParameterizedTest(name = "reason \"{0}\" becomes \"released\"")
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void releasing_without_a_reason_says_released(String reason) {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6))
                    .when(new ReleaseCapacity(ID, "p-1", reason, MATCHMAKER, null))
                    .expectEvents(released("p-1", 4, "TOTAL", 10, "released"));
        }

        @Test
        void releasing_a_monthly_reservation_gives_back_to_its_month() {
            fixture.given(MONTHLY_OFFERED, reserved("p-1", 5, "2026-12", 3), reserved("p-2", 2, "2026-12", 1),
                            reserved("p-3", 8, "2027-01", 0))
                    .when(new ReleaseCapacity(ID, "p-1", "project cancelled", MATCHMAKER, null))
                    .expectEvents(released("p-1", 5, "2026-12", 6, "project cancelled"));
        }

        @Test
        void what_a_release_gives_back_to_a_month_overdrawn_by_a_lower_capacity_first_fills_the_overdraft() {
            // 8 a month, all of November reserved; then every month's capacity lowered: November is overdrawn
            ResourceAmended lowered = new ResourceAmended(ID, UNIT, ResourceType.VOLUNTEER_SERVICE,
                    withCapacity(2, CapacityPeriod.MONTHLY), ResourceStatus.ACTIVE, OWNER);
            fixture.given(MONTHLY_OFFERED, reserved("p-1", 5, "2026-11", 3), reserved("p-2", 3, "2026-11", 0), lowered)
                    .when(new ReleaseCapacity(ID, "p-1", "project cancelled", MATCHMAKER, null))
                    .expectEvents(released("p-1", 5, "2026-11", 0, "project cancelled"));
            ResourceAmended lessLowered = new ResourceAmended(ID, UNIT, ResourceType.VOLUNTEER_SERVICE,
                    withCapacity(4, CapacityPeriod.MONTHLY), ResourceStatus.ACTIVE, OWNER);
            fixture.given(MONTHLY_OFFERED, reserved("p-1", 5, "2026-11", 3), reserved("p-2", 3, "2026-11", 0), lessLowered)
                    .when(new ReleaseCapacity(ID, "p-1", "project cancelled", MATCHMAKER, null))
                    .expectEvents(released("p-1", 5, "2026-11", 1, "project cancelled"));
        }

        @Test
        void releasing_an_unknown_reservation_changes_nothing() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6))
                    .when(new ReleaseCapacity(ID, "p-2", "project cancelled", MATCHMAKER, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void releasing_twice_changes_nothing_the_second_time() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6), released("p-1", 4, "TOTAL", 10, "released"))
                    .when(new ReleaseCapacity(ID, "p-1", "project cancelled", MATCHMAKER, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void releasing_a_consumed_reservation_changes_nothing() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6), consumed("p-1", 3, 1, "TOTAL", 7))
                    .when(new ReleaseCapacity(ID, "p-1", "project cancelled", MATCHMAKER, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void a_withdrawn_offer_still_releases_its_reservations() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6), WITHDRAWN)
                    .when(new ReleaseCapacity(ID, "p-1", "offer withdrawn", MATCHMAKER, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(released("p-1", 4, "TOTAL", 10, "offer withdrawn"));
        }

        @ParameterizedTest(name = "project \"{0}\" is refused")
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void a_release_without_a_project_is_refused(String projectId) {
            expectInvalid(fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6))
                    .when(new ReleaseCapacity(ID, projectId, null, MATCHMAKER, null)), "projectId");
        }
    }

    @Nested
    class Consume {

        @Test
        void a_partial_consumption_returns_the_rest_to_the_period() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6), reserved("p-2", 3, "TOTAL", 3))
                    .when(consume("p-1", 3))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(consumed("p-1", 3, 1, "TOTAL", 4));
        }

        @Test
        void what_a_consumption_returns_to_a_month_overdrawn_by_a_lower_capacity_leaves_nothing_never_less() {
            ResourceAmended lowered = new ResourceAmended(ID, UNIT, ResourceType.VOLUNTEER_SERVICE,
                    withCapacity(2, CapacityPeriod.MONTHLY), ResourceStatus.ACTIVE, OWNER);
            fixture.given(MONTHLY_OFFERED, reserved("p-1", 5, "2026-11", 3), reserved("p-2", 3, "2026-11", 0), lowered)
                    .when(consume("p-2", 1))
                    .expectEvents(consumed("p-2", 1, 2, "2026-11", 0));
        }

        @Test
        void consuming_the_whole_reservation_returns_nothing() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6))
                    .when(consume("p-1", 4))
                    .expectEvents(consumed("p-1", 4, 0, "TOTAL", 6));
        }

        @Test
        void consuming_nothing_returns_the_whole_reservation() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6))
                    .when(consume("p-1", 0))
                    .expectEvents(consumed("p-1", 0, 4, "TOTAL", 10));
        }

        @Test
        void a_monthly_consumption_returns_the_rest_to_its_month() {
            fixture.given(MONTHLY_OFFERED, reserved("p-1", 5, "2026-12", 3), reserved("p-2", 8, "2027-01", 0))
                    .when(consume("p-1", 2))
                    .expectEvents(consumed("p-1", 2, 3, "2026-12", 6));
        }

        @Test
        void consuming_more_than_was_reserved_is_refused() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6))
                    .when(consume("p-1", 5))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.RULE_BROKEN))
                    .expectExceptionMessage("amount: cannot exceed the 4 reserved");
        }

        @ParameterizedTest(name = "amount {0} is refused")
        @ValueSource(strings = {"-1", "-0.01"})
        void a_negative_consumption_is_refused(String amount) {
            expectInvalid(fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6))
                    .when(new ConsumeCapacity(ID, "p-1", new BigDecimal(amount), MATCHMAKER, null)), "amount");
        }

        @Test
        void a_consumption_without_an_amount_is_refused() {
            expectInvalid(fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6))
                    .when(new ConsumeCapacity(ID, "p-1", null, MATCHMAKER, null)), "amount");
        }

        @Test
        void consuming_without_a_reservation_is_not_found() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6))
                    .when(consume("p-2", 1))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.NOT_FOUND))
                    .expectExceptionMessage("Reservation of project p-2 does not exist");
        }

        @Test
        void consuming_a_released_reservation_is_not_found() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6), released("p-1", 4, "TOTAL", 10, "released"))
                    .when(consume("p-1", 4))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.NOT_FOUND));
        }

        @ParameterizedTest(name = "project \"{0}\" is refused")
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void a_consumption_without_a_project_is_refused(String projectId) {
            expectInvalid(fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6))
                    .when(new ConsumeCapacity(ID, projectId, BigDecimal.ONE, MATCHMAKER, null)), "projectId");
        }

        @Test
        void repeating_a_consumption_with_the_same_amount_changes_nothing() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6), consumed("p-1", 3, 1, "TOTAL", 7))
                    .when(consume("p-1", 3))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void repeating_a_consumption_with_another_amount_is_a_conflict() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6), consumed("p-1", 3, 1, "TOTAL", 7))
                    .when(consume("p-1", 4))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.CONFLICT))
                    .expectExceptionMessage("Project p-1 already consumed 3");
        }

        @Test
        void a_withdrawn_offer_still_consumes_its_reservations() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6), WITHDRAWN)
                    .when(consume("p-1", 4))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(consumed("p-1", 4, 0, "TOTAL", 6));
        }
    }

    // --- helpers ---

    /** {@code count} weekly slots of ten minutes each, Monday from 08:00 on. */
    static List<WeeklySlot> slots(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> new WeeklySlot(DayOfWeek.MONDAY,
                LocalTime.of(8, 0).plusMinutes(10L * i), LocalTime.of(8, 5).plusMinutes(10L * i))).toList();
    }

    /** {@code count} one-day date ranges from {@link #FROM} on. */
    static List<DateRange> ranges(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> new DateRange(FROM.plusDays(i), FROM.plusDays(i)))
                .toList();
    }

    static ResourceDetails details(String title, List<Category> categories, List<String> serviceArea,
            Availability availability, Capacity capacity, LocalDate validFrom, LocalDate validUntil) {
        return new ResourceDetails(title, "每月两次,上门或线上", categories, List.of("法律咨询", "不动产登记"), serviceArea,
                availability, capacity, validFrom, validUntil);
    }

    static ResourceDetails withCapacity(int amount, CapacityPeriod period) {
        return details(TITLE, CATEGORIES, AREA, AVAILABILITY, new Capacity(BigDecimal.valueOf(amount), period), FROM, UNTIL);
    }

    static ResourceDetails withSlot(WeeklySlot slot) {
        return details(TITLE, CATEGORIES, AREA, new Availability(
                List.of(new WeeklySlot(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)), slot), List.of()),
                TOTAL_10, FROM, UNTIL);
    }

    static ResourceDetails withRange(DateRange range) {
        return details(TITLE, CATEGORIES, AREA, new Availability(List.of(),
                List.of(new DateRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1)), range)), TOTAL_10, FROM, UNTIL);
    }

    static ReserveCapacity reserve(String projectId, int amount, String period) {
        return new ReserveCapacity(ID, projectId, BigDecimal.valueOf(amount), period, MATCHMAKER);
    }

    static ConsumeCapacity consume(String projectId, int amount) {
        return new ConsumeCapacity(ID, projectId, BigDecimal.valueOf(amount), MATCHMAKER, null);
    }

    static CapacityReserved reserved(String projectId, int amount, String period, int remaining) {
        return new CapacityReserved(ID, UNIT, projectId, BigDecimal.valueOf(amount), period, BigDecimal.valueOf(remaining),
                MATCHMAKER, null);
    }

    static CapacityReleased released(String projectId, int amount, String period, int remaining, String reason) {
        return new CapacityReleased(ID, UNIT, projectId, BigDecimal.valueOf(amount), period,
                BigDecimal.valueOf(remaining), reason, MATCHMAKER, null);
    }

    static CapacityConsumed consumed(String projectId, int amount, int returned, String period, int remaining) {
        return new CapacityConsumed(ID, UNIT, projectId, BigDecimal.valueOf(amount), BigDecimal.valueOf(returned), period,
                BigDecimal.valueOf(remaining), MATCHMAKER, null);
    }

    private static void expectInvalid(ResultValidator<Resource> result, String field) {
        result.expectNoEvents()
                .expectException(refusalOf(Kind.RULE_BROKEN))
                .expectExceptionMessage(Matchers.startsWith(field + ":"));
    }

}
