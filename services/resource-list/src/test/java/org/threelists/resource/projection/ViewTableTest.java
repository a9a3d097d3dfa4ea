package org.threelists.resource.projection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.threelists.testing.ViewRoundTrip;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read model's row survives its table: each field written is read back as it was, on insert and on the update
 * of a row that is there, nulls included — no field without its column, no column without its field, no column read
 * into the wrong field.
 */
@QuarkusTest
@QuarkusTestResource(org.threelists.testing.RealInfrastructure.class)
class ViewTableTest {

    private final ViewRoundTrip rows = new ViewRoundTrip(20261207, Instant.parse("2026-12-07T00:00:00Z"));

    @Test
    void every_view_reads_back_every_field_it_wrote_on_insert_and_on_update() {
        rows.check(MemberUnitView.TABLE, MemberUnitView.class);
        rows.check(ResourceView.TABLE, ResourceView.class);
        rows.check(ReservationView.TABLE, ReservationView.class);
        rows.check(VolunteerView.TABLE, VolunteerView.class);
        PartyGroupView group = rows.check(PartyGroupView.TABLE, PartyGroupView.class);
        // a member's group must be there (party_member_view.group_id references party_group_view, V3)
        rows.check(PartyMemberView.TABLE, PartyMemberView.class, member -> {
            member.groupId = group.groupId;
            PartyMemberView.TABLE.save(member);
        });
    }

    @Test
    void a_deleted_row_is_gone_and_a_missing_one_is_null() {
        ReservationView reservation = new ReservationView();
        reservation.resourceId = UUID.randomUUID().toString();
        reservation.projectId = UUID.randomUUID().toString();
        reservation.period = "TOTAL";
        reservation.amount = new BigDecimal("2.50");
        reservation.status = ReservationView.Status.RESERVED;
        reservation.updatedAt = Instant.parse("2026-12-07T08:00:00Z");
        reservation.updatedBy = "unit:staff-court";
        QuarkusTransaction.requiringNew().run(reservation::save);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ReservationView.findById(reservation.resourceId,
                reservation.projectId)).amount).isEqualByComparingTo("2.5");

        assertThat(QuarkusTransaction.requiringNew().call(() -> ReservationView.TABLE.delete(reservation.resourceId,
                reservation.projectId))).isTrue();

        assertThat(QuarkusTransaction.requiringNew().call(() -> ReservationView.findById(reservation.resourceId,
                reservation.projectId))).isNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ReservationView.TABLE.delete(reservation.resourceId,
                reservation.projectId))).isFalse();
    }
}
