package org.threelists.resource.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.threelists.platform.domain.DomainException.Kind;
import org.threelists.resource.domain.ResourceCommands.AmendResource;
import org.threelists.resource.domain.ResourceCommands.ConsumeCapacity;
import org.threelists.resource.domain.ResourceCommands.ReleaseCapacity;
import org.threelists.resource.domain.ResourceCommands.RequestReservation;
import org.threelists.resource.domain.ResourceEvents.CapacityConsumed;
import org.threelists.resource.domain.ResourceEvents.CapacityRefused;
import org.threelists.resource.domain.ResourceEvents.CapacityReleased;
import org.threelists.resource.domain.ResourceEvents.CapacityReserved;
import org.threelists.resource.domain.ResourceEvents.ResourceAmended;

import java.math.BigDecimal;

import static org.threelists.testing.RefusalMatchers.refusalOf;
import static org.threelists.resource.domain.ResourceTest.DETAILS;
import static org.threelists.resource.domain.ResourceTest.ID;
import static org.threelists.resource.domain.ResourceTest.MATCHMAKER;
import static org.threelists.resource.domain.ResourceTest.MONTHLY_OFFERED;
import static org.threelists.resource.domain.ResourceTest.OFFERED;
import static org.threelists.resource.domain.ResourceTest.OWNER;
import static org.threelists.resource.domain.ResourceTest.TYPE;
import static org.threelists.resource.domain.ResourceTest.UNIT;
import static org.threelists.resource.domain.ResourceTest.WITHDRAWN;
import static org.threelists.resource.domain.ResourceTest.reserved;
import static org.threelists.resource.domain.ResourceTest.withCapacity;

/**
 * The project list's side of the capacity books (the capacity saga of contracts/schemas/project-list.events.v1):
 * a claim's request is answered with a reservation or a refusal event, each claim once, and a claim's release and
 * consumption touch only the reservation that claim made. The default offer has a TOTAL capacity of 10 (monthly: 8).
 */
class ReservationRequestTest {

    static final String CLAIM = "5b0c2d8e-1f7a-4c39-9d2e-0a6b3f1e7c41";
    static final String OTHER_CLAIM = "9e4f7a21-3c5d-4b8e-8f10-2d6c9a0b5e73";
    static final String CLAIMANT = "staff-zhongyuan";

    FixtureConfiguration<Resource> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Resource.class);
    }

    @Nested
    class Reserved {

        @Test
        void a_claim_that_fits_is_reserved_with_its_claim_id_and_says_what_remains() {
            fixture.given(OFFERED)
                    .when(request("p-1", CLAIM, 4, "TOTAL"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(reservedFor("p-1", CLAIM, 4, "TOTAL", 6));
        }

        @Test
        void a_claim_counts_what_other_projects_hold() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6))
                    .when(request("p-2", CLAIM, 6, "TOTAL"))
                    .expectEvents(reservedFor("p-2", CLAIM, 6, "TOTAL", 0));
        }

        @Test
        void a_monthly_claim_is_counted_under_its_month() {
            fixture.given(MONTHLY_OFFERED, reserved("p-1", 8, "2026-12", 0))
                    .when(request("p-2", CLAIM, 5, "2027-01"))
                    .expectEvents(reservedFor("p-2", CLAIM, 5, "2027-01", 3));
        }

        @Test
        void a_refusal_reserves_nothing_so_the_next_claim_finds_the_whole_capacity() {
            fixture.given(OFFERED, refusedFor("p-1", OTHER_CLAIM, 11, RefusalReason.CAPACITY_EXHAUSTED, 10,
                            "Only 10 SERVICE_HOURS left in TOTAL, 11 asked"))
                    .when(request("p-2", CLAIM, 10, "TOTAL"))
                    .expectEvents(reservedFor("p-2", CLAIM, 10, "TOTAL", 0));
        }

        @Test
        void a_project_whose_claim_was_refused_may_claim_again_under_a_new_claim() {
            fixture.given(OFFERED, refusedFor("p-1", OTHER_CLAIM, 11, RefusalReason.CAPACITY_EXHAUSTED, 10,
                            "Only 10 SERVICE_HOURS left in TOTAL, 11 asked"))
                    .when(request("p-1", CLAIM, 9, "TOTAL"))
                    .expectEvents(reservedFor("p-1", CLAIM, 9, "TOTAL", 1));
        }

        @Test
        void after_its_claim_was_released_the_project_may_claim_again_under_a_new_claim() {
            fixture.given(OFFERED, reservedFor("p-1", OTHER_CLAIM, 4, "TOTAL", 6),
                            releasedFor("p-1", OTHER_CLAIM, 4, "TOTAL", 10, "claim expired"))
                    .when(request("p-1", CLAIM, 4, "TOTAL"))
                    .expectEvents(reservedFor("p-1", CLAIM, 4, "TOTAL", 6));
        }
    }

    @Nested
    class Refused {

        @Test
        void more_than_remains_is_refused_as_capacity_exhausted_with_what_remains() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6))
                    .when(request("p-2", CLAIM, 7, "TOTAL"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(refusedFor("p-2", CLAIM, 7, RefusalReason.CAPACITY_EXHAUSTED, 6,
                            "Only 6 SERVICE_HOURS left in TOTAL, 7 asked"));
        }

        @Test
        void a_full_month_refuses_but_says_nothing_is_left() {
            fixture.given(MONTHLY_OFFERED, reserved("p-1", 8, "2026-12", 0))
                    .when(request("p-2", CLAIM, 1, "2026-12"))
                    .expectEvents(refusedFor("p-2", CLAIM, 1, "2026-12", RefusalReason.CAPACITY_EXHAUSTED, 0,
                            "Only 0 VOLUNTEER_HOURS left in 2026-12, 1 asked"));
        }

        @Test
        void a_past_month_overdrawn_by_a_lower_capacity_reports_nothing_left_never_less() {
            ResourceDetails monthly4 = withCapacity(4, CapacityPeriod.MONTHLY);
            fixture.given(MONTHLY_OFFERED, reserved("p-1", 6, "2020-01", 2),
                            new ResourceAmended(ID, UNIT, ResourceType.VOLUNTEER_SERVICE, monthly4, ResourceStatus.ACTIVE, OWNER))
                    .when(request("p-2", CLAIM, 1, "2020-01"))
                    .expectEvents(refusedFor("p-2", CLAIM, 1, "2020-01", RefusalReason.CAPACITY_EXHAUSTED, 0,
                            "Only 0 VOLUNTEER_HOURS left in 2020-01, 1 asked"));
        }

        @Test
        void a_withdrawn_offer_refuses_as_resource_withdrawn() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6), WITHDRAWN)
                    .when(request("p-2", CLAIM, 1, "TOTAL"))
                    .expectEvents(refusedFor("p-2", CLAIM, 1, RefusalReason.RESOURCE_WITHDRAWN, 6,
                            "Resource " + ID + " was withdrawn and takes no new reservations"));
        }

        @Test
        void a_unit_that_left_the_alliance_is_refused_as_unit_not_active() {
            fixture.given(OFFERED)
                    .when(new RequestReservation(ID, "p-1", CLAIM, UNIT, MembershipStatus.LEFT, BigDecimal.ONE, "TOTAL",
                            CLAIMANT))
                    .expectEvents(refusedFor("p-1", CLAIM, 1, RefusalReason.UNIT_NOT_ACTIVE, 10,
                            "Unit " + UNIT + " is not an active member of the alliance"));
        }

        @Test
        void a_unit_the_unit_list_does_not_know_is_refused_as_unit_not_active() {
            fixture.given(OFFERED)
                    .when(new RequestReservation(ID, "p-1", CLAIM, UNIT, null, BigDecimal.ONE, "TOTAL", CLAIMANT))
                    .expectEvents(refusedFor("p-1", CLAIM, 1, RefusalReason.UNIT_NOT_ACTIVE, 10,
                            "Unit " + UNIT + " is not an active member of the alliance"));
        }

        @Test
        void a_claim_by_another_unit_is_refused_as_wrong_unit_without_telling_it_the_books() {
            fixture.given(OFFERED)
                    .when(new RequestReservation(ID, "p-1", CLAIM, "unit-other", MembershipStatus.ACTIVE, BigDecimal.ONE,
                            "TOTAL", CLAIMANT))
                    .expectEvents(new CapacityRefused(ID, UNIT, "p-1", CLAIM, BigDecimal.ONE, "TOTAL", null,
                            RefusalReason.WRONG_UNIT, "Resource " + ID + " is not an offer of unit unit-other", CLAIMANT));
        }

        @Test
        void a_month_asked_of_a_total_capacity_is_a_period_mismatch() {
            fixture.given(OFFERED)
                    .when(request("p-1", CLAIM, 1, "2026-12"))
                    .expectEvents(refusedFor("p-1", CLAIM, 1, "2026-12", RefusalReason.PERIOD_MISMATCH, null,
                            "Resource " + ID + " has one total capacity: ask for TOTAL, not 2026-12"));
        }

        @ParameterizedTest(name = "period \"{0}\" of a monthly capacity is a period mismatch")
        @ValueSource(strings = {"TOTAL", "2026-13", "2026-1"})
        void a_monthly_capacity_needs_a_real_month(String period) {
            fixture.given(MONTHLY_OFFERED)
                    .when(request("p-1", CLAIM, 1, period))
                    .expectEvents(refusedFor("p-1", CLAIM, 1, period, RefusalReason.PERIOD_MISMATCH, null,
                            "Resource " + ID + " counts its capacity per month: ask for a month like 2026-12, not "
                                    + period));
        }

        @Test
        void a_project_holding_another_amount_is_refused_as_already_reserved() {
            fixture.given(OFFERED, reservedFor("p-1", OTHER_CLAIM, 4, "TOTAL", 6))
                    .when(request("p-1", CLAIM, 5, "TOTAL"))
                    .expectEvents(refusedFor("p-1", CLAIM, 5, RefusalReason.ALREADY_RESERVED, 6,
                            "Project p-1 already holds a reservation of 4 in TOTAL of resource " + ID));
        }

        @Test
        void the_same_amount_under_another_claim_is_still_already_reserved_one_reservation_per_project() {
            fixture.given(OFFERED, reservedFor("p-1", OTHER_CLAIM, 4, "TOTAL", 6))
                    .when(request("p-1", CLAIM, 4, "TOTAL"))
                    .expectEvents(refusedFor("p-1", CLAIM, 4, RefusalReason.ALREADY_RESERVED, 6,
                            "Project p-1 already holds a reservation of 4 in TOTAL of resource " + ID));
        }

        @Test
        void a_reservation_made_over_rest_for_the_project_is_already_reserved() {
            fixture.given(OFFERED, reserved("p-1", 4, "TOTAL", 6))
                    .when(request("p-1", CLAIM, 4, "TOTAL"))
                    .expectEvents(refusedFor("p-1", CLAIM, 4, RefusalReason.ALREADY_RESERVED, 6,
                            "Project p-1 already holds a reservation of 4 in TOTAL of resource " + ID));
        }

        @Test
        void a_project_that_consumed_its_reservation_is_already_reserved() {
            fixture.given(OFFERED, reservedFor("p-1", OTHER_CLAIM, 4, "TOTAL", 6),
                            consumedFor("p-1", OTHER_CLAIM, 3, 1, 7))
                    .when(request("p-1", CLAIM, 2, "TOTAL"))
                    .expectEvents(refusedFor("p-1", CLAIM, 2, RefusalReason.ALREADY_RESERVED, 7,
                            "Project p-1 already consumed 3 in TOTAL of resource " + ID));
        }

        @Test
        void another_unit_is_told_wrong_unit_before_anything_about_the_offer() {
            fixture.given(OFFERED, WITHDRAWN)
                    .when(new RequestReservation(ID, "p-1", CLAIM, "unit-other", MembershipStatus.LEFT, BigDecimal.TEN,
                            "2026-12", CLAIMANT))
                    .expectEvents(new CapacityRefused(ID, UNIT, "p-1", CLAIM, BigDecimal.TEN, "2026-12", null,
                            RefusalReason.WRONG_UNIT, "Resource " + ID + " is not an offer of unit unit-other", CLAIMANT));
        }

        @Test
        void a_refusal_changes_no_books_so_the_capacity_may_still_drop_to_what_is_reserved() {
            fixture.given(OFFERED, reservedFor("p-1", OTHER_CLAIM, 4, "TOTAL", 6),
                            refusedFor("p-2", CLAIM, 7, RefusalReason.CAPACITY_EXHAUSTED, 6,
                                    "Only 6 SERVICE_HOURS left in TOTAL, 7 asked"))
                    .when(new AmendResource(ID, withCapacity(4, CapacityPeriod.TOTAL), OWNER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ResourceAmended(ID, UNIT, TYPE, withCapacity(4, CapacityPeriod.TOTAL),
                            ResourceStatus.ACTIVE, OWNER));
        }
    }

    @Nested
    class AnsweredOnce {

        @Test
        void a_reserved_claim_asked_again_changes_nothing() {
            fixture.given(OFFERED, reservedFor("p-1", CLAIM, 4, "TOTAL", 6))
                    .when(request("p-1", CLAIM, 4, "TOTAL"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void a_refused_claim_asked_again_is_not_answered_again_even_when_it_would_now_fit() {
            fixture.given(OFFERED, reservedFor("p-1", OTHER_CLAIM, 8, "TOTAL", 2),
                            refusedFor("p-2", CLAIM, 4, RefusalReason.CAPACITY_EXHAUSTED, 2,
                                    "Only 2 SERVICE_HOURS left in TOTAL, 4 asked"),
                            releasedFor("p-1", OTHER_CLAIM, 8, "TOTAL", 10, "claim released"))
                    .when(request("p-2", CLAIM, 4, "TOTAL"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void a_released_claim_asked_again_is_not_reserved_again() {
            fixture.given(OFFERED, reservedFor("p-1", CLAIM, 4, "TOTAL", 6),
                            releasedFor("p-1", CLAIM, 4, "TOTAL", 10, "project cancelled: 需求已撤回"))
                    .when(request("p-1", CLAIM, 4, "TOTAL"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void a_consumed_claim_asked_again_changes_nothing() {
            fixture.given(OFFERED, reservedFor("p-1", CLAIM, 4, "TOTAL", 6), consumedFor("p-1", CLAIM, 4, 0, 6))
                    .when(request("p-1", CLAIM, 4, "TOTAL"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Invalid {

        @ParameterizedTest(name = "claim \"{0}\" is refused as invalid")
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void a_request_without_a_claim_is_invalid(String claimId) {
            fixture.given(OFFERED)
                    .when(request("p-1", claimId, 1, "TOTAL"))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.RULE_BROKEN))
                    .expectExceptionMessage(Matchers.startsWith("claimId:"));
        }

        @ParameterizedTest(name = "project \"{0}\" is refused as invalid")
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void a_request_without_a_project_is_invalid(String projectId) {
            fixture.given(OFFERED)
                    .when(request(projectId, CLAIM, 1, "TOTAL"))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.RULE_BROKEN))
                    .expectExceptionMessage(Matchers.startsWith("projectId:"));
        }

        @ParameterizedTest(name = "amount {0} is refused as invalid")
        @ValueSource(strings = {"0", "-1"})
        void a_request_for_nothing_is_invalid(String amount) {
            fixture.given(OFFERED)
                    .when(new RequestReservation(ID, "p-1", CLAIM, UNIT, MembershipStatus.ACTIVE, new BigDecimal(amount),
                            "TOTAL", CLAIMANT))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.RULE_BROKEN))
                    .expectExceptionMessage(Matchers.startsWith("amount:"));
        }
    }

    @Nested
    class ReleaseOfAClaim {

        @Test
        void releasing_a_claim_gives_its_reservation_back_and_names_the_claim() {
            fixture.given(OFFERED, reservedFor("p-1", CLAIM, 4, "TOTAL", 6), reserved("p-2", 3, "TOTAL", 3))
                    .when(new ReleaseCapacity(ID, "p-1", "claim released: 单位人手不足", CLAIMANT, CLAIM))
                    .expectEvents(new CapacityReleased(ID, UNIT, "p-1", BigDecimal.valueOf(4), "TOTAL",
                            BigDecimal.valueOf(7), "claim released: 单位人手不足", CLAIMANT, CLAIM));
        }

        @Test
        void releasing_another_claim_of_the_project_leaves_this_reservation_alone() {
            fixture.given(OFFERED, reservedFor("p-1", CLAIM, 4, "TOTAL", 6))
                    .when(new ReleaseCapacity(ID, "p-1", "claim expired", CLAIMANT, OTHER_CLAIM))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void releasing_a_refused_claim_changes_nothing() {
            fixture.given(OFFERED, refusedFor("p-1", CLAIM, 11, RefusalReason.CAPACITY_EXHAUSTED, 10,
                            "Only 10 SERVICE_HOURS left in TOTAL, 11 asked"))
                    .when(new ReleaseCapacity(ID, "p-1", "project cancelled: 重复立项", CLAIMANT, CLAIM))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void releasing_a_claim_twice_changes_nothing_the_second_time() {
            fixture.given(OFFERED, reservedFor("p-1", CLAIM, 4, "TOTAL", 6),
                            releasedFor("p-1", CLAIM, 4, "TOTAL", 10, "claim expired"))
                    .when(new ReleaseCapacity(ID, "p-1", "claim expired", CLAIMANT, CLAIM))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void a_release_over_rest_of_a_claimed_reservation_is_refused_the_saga_holds_it() {
            fixture.given(OFFERED, reservedFor("p-1", CLAIM, 4, "TOTAL", 6))
                    .when(new ReleaseCapacity(ID, "p-1", "desk reassigns", OWNER, null))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.ILLEGAL_TRANSITION))
                    .expectExceptionMessage(Matchers.containsString("held by the project list's claim"));
        }

        @Test
        void a_release_over_rest_of_a_rest_reservation_still_releases_it() {
            fixture.given(OFFERED, reservedFor("p-1", null, 4, "TOTAL", 6))
                    .when(new ReleaseCapacity(ID, "p-1", "desk reassigns", OWNER, null))
                    .expectEvents(new CapacityReleased(ID, UNIT, "p-1", BigDecimal.valueOf(4), "TOTAL",
                            BigDecimal.TEN, "desk reassigns", OWNER, null));
        }
    }

    @Nested
    class ConsumptionOfAClaim {

        @Test
        void a_delivery_consumes_the_claims_reservation_returns_the_rest_and_names_the_claim() {
            fixture.given(OFFERED, reservedFor("p-1", CLAIM, 4, "TOTAL", 6))
                    .when(new ConsumeCapacity(ID, "p-1", new BigDecimal("2.5"), CLAIMANT, CLAIM))
                    .expectEvents(new CapacityConsumed(ID, UNIT, "p-1", new BigDecimal("2.5"), new BigDecimal("1.5"),
                            "TOTAL", new BigDecimal("7.5"), CLAIMANT, CLAIM));
        }

        @Test
        void consuming_under_another_claim_is_not_found() {
            fixture.given(OFFERED, reservedFor("p-1", CLAIM, 4, "TOTAL", 6))
                    .when(new ConsumeCapacity(ID, "p-1", BigDecimal.ONE, CLAIMANT, OTHER_CLAIM))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.NOT_FOUND))
                    .expectExceptionMessage(Matchers.containsString("claim " + OTHER_CLAIM));
        }

        @Test
        void consuming_a_claimed_reservation_over_rest_is_refused_the_saga_holds_it() {
            fixture.given(OFFERED, reservedFor("p-1", CLAIM, 4, "TOTAL", 6))
                    .when(new ConsumeCapacity(ID, "p-1", BigDecimal.ONE, OWNER, null))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.ILLEGAL_TRANSITION))
                    .expectExceptionMessage(Matchers.containsString("held by the project list's claim"));
        }

        @Test
        void the_same_delivery_consumed_again_changes_nothing() {
            fixture.given(OFFERED, reservedFor("p-1", CLAIM, 4, "TOTAL", 6), consumedFor("p-1", CLAIM, 3, 1, 7))
                    .when(new ConsumeCapacity(ID, "p-1", BigDecimal.valueOf(3), CLAIMANT, CLAIM))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void consuming_a_released_claim_is_not_found() {
            fixture.given(OFFERED, reservedFor("p-1", CLAIM, 4, "TOTAL", 6),
                            releasedFor("p-1", CLAIM, 4, "TOTAL", 10, "claim expired"))
                    .when(new ConsumeCapacity(ID, "p-1", BigDecimal.ONE, CLAIMANT, CLAIM))
                    .expectNoEvents()
                    .expectException(refusalOf(Kind.NOT_FOUND));
        }
    }

    // --- helpers ---

    static RequestReservation request(String projectId, String claimId, int amount, String period) {
        return new RequestReservation(ID, projectId, claimId, UNIT, MembershipStatus.ACTIVE, BigDecimal.valueOf(amount),
                period, CLAIMANT);
    }

    static CapacityReserved reservedFor(String projectId, String claimId, int amount, String period, int remaining) {
        return new CapacityReserved(ID, UNIT, projectId, BigDecimal.valueOf(amount), period, BigDecimal.valueOf(remaining),
                CLAIMANT, claimId);
    }

    static CapacityReleased releasedFor(String projectId, String claimId, int amount, String period, int remaining,
            String reason) {
        return new CapacityReleased(ID, UNIT, projectId, BigDecimal.valueOf(amount), period,
                BigDecimal.valueOf(remaining), reason, CLAIMANT, claimId);
    }

    static CapacityConsumed consumedFor(String projectId, String claimId, int amount, int returned, int remaining) {
        return new CapacityConsumed(ID, UNIT, projectId, BigDecimal.valueOf(amount), BigDecimal.valueOf(returned),
                "TOTAL", BigDecimal.valueOf(remaining), CLAIMANT, claimId);
    }

    static CapacityRefused refusedFor(String projectId, String claimId, int amount, RefusalReason reason,
            Integer remaining, String detail) {
        return refusedFor(projectId, claimId, amount, "TOTAL", reason, remaining, detail);
    }

    static CapacityRefused refusedFor(String projectId, String claimId, int amount, String period, RefusalReason reason,
            Integer remaining, String detail) {
        return new CapacityRefused(ID, UNIT, projectId, claimId, BigDecimal.valueOf(amount), period,
                remaining == null ? null : BigDecimal.valueOf(remaining), reason, detail, CLAIMANT);
    }
}
