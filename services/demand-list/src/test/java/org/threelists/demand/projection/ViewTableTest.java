package org.threelists.demand.projection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.threelists.platform.projection.jdbc.ViewTable;
import org.threelists.testing.RealInfrastructure;
import org.threelists.testing.ViewRoundTrip;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read model's row survives its table: each field written is read back as it was, on insert and on the update
 * of a row that is there, nulls included — no field without its column, no column without its field, no column read
 * into the wrong field. The rows are removed afterwards, so no other test sees them.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ViewTableTest {

    /**
     * Far ahead: the running deadline poller never takes the test's {@code slip_deadline} row (it would fire it and
     * postpone it between the write and the read).
     */
    private static final Instant LATER = Instant.parse("2099-12-07T00:00:00Z");

    private final ViewRoundTrip rows = new ViewRoundTrip(20261207, LATER);

    @Test
    void every_view_reads_back_every_field_it_wrote_on_insert_and_on_update() {
        removed(DemandView.TABLE, rows.check(DemandView.TABLE, DemandView.class));
        removed(SlipView.TABLE, rows.check(SlipView.TABLE, SlipView.class));
        removed(SlipDeadline.TABLE, rows.check(SlipDeadline.TABLE, SlipDeadline.class));
        removed(PartyGroupRef.TABLE, rows.check(PartyGroupRef.TABLE, PartyGroupRef.class));
        // a member's group must be there first (party_group_member references party_group)
        PartyGroupMemberRef member = rows.check(PartyGroupMemberRef.TABLE, PartyGroupMemberRef.class, written -> {
            group(written.groupId).save();
            PartyGroupMemberRef.TABLE.save(written);
        });
        removed(PartyGroupMemberRef.TABLE, member);
        QuarkusTransaction.requiringNew().run(() -> PartyGroupRef.TABLE.delete(member.groupId));
        // a showing is inserted with the id its sequence gives; the field's own value is not written
        removed(ContactReveal.TABLE, rows.check(ContactReveal.TABLE, ContactReveal.class, ContactReveal::insert));
    }

    /** Removes a checked row, so no other test sees it. */
    private static <T> void removed(ViewTable<T> table, T row) {
        assertThat(QuarkusTransaction.requiringNew().call(() -> table.delete(table.keyOf(row)))).isTrue();
    }

    @Test
    void a_deleted_row_is_gone_and_a_missing_one_is_null() {
        PartyGroupRef group = group(UUID.randomUUID().toString());
        PartyGroupMemberRef member = new PartyGroupMemberRef();
        member.groupId = group.groupId;
        member.memberId = UUID.randomUUID().toString();
        member.kind = "RESIDENT";
        member.maskedName = "陈*";
        QuarkusTransaction.requiringNew().run(() -> {
            group.save();
            member.save();
        });
        assertThat(QuarkusTransaction.requiringNew().call(() -> PartyGroupMemberRef.findById(group.groupId,
                member.memberId)).maskedName).isEqualTo("陈*");

        assertThat(QuarkusTransaction.requiringNew().call(() -> PartyGroupMemberRef.deleteById(group.groupId,
                member.memberId))).isTrue();

        assertThat(QuarkusTransaction.requiringNew().call(() -> PartyGroupMemberRef.findById(group.groupId,
                member.memberId))).isNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> PartyGroupMemberRef.deleteById(group.groupId,
                member.memberId))).isFalse();
        QuarkusTransaction.requiringNew().run(() -> PartyGroupRef.TABLE.delete(group.groupId));
    }

    @Test
    void a_showing_of_a_contact_takes_the_next_id_of_its_sequence() {
        ContactReveal first = reveal();
        ContactReveal second = reveal();
        QuarkusTransaction.requiringNew().run(() -> {
            first.insert();
            second.insert();
        });
        assertThat(second.id).isGreaterThan(first.id);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ContactReveal.TABLE.find(second.id)).unitId)
                .isEqualTo(second.unitId);
        QuarkusTransaction.requiringNew().run(() -> {
            ContactReveal.TABLE.delete(first.id);
            ContactReveal.TABLE.delete(second.id);
        });
    }

    private static PartyGroupRef group(String groupId) {
        PartyGroupRef group = new PartyGroupRef();
        group.groupId = groupId;
        group.streetCode = "dianqian";
        group.communityCode = "值-community";
        group.name = "1栋党小组";
        group.buildings = new String[0];
        group.updatedAt = LATER;
        return group;
    }

    private static ContactReveal reveal() {
        ContactReveal reveal = new ContactReveal();
        reveal.demandId = UUID.randomUUID().toString();
        reveal.streetCode = "值-street";
        reveal.communityCode = "值-community";
        reveal.unitId = "unit-" + UUID.randomUUID();
        reveal.revealedTo = "值-reader";
        reveal.revealedAt = LATER;
        return reveal;
    }
}
