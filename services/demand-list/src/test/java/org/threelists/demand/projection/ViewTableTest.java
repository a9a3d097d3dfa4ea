package org.threelists.demand.projection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.threelists.platform.projection.jdbc.Jdbc;
import org.threelists.platform.projection.jdbc.ViewTable;
import org.threelists.testing.RealInfrastructure;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

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

    private final Random random = new Random(20261207);

    @Test
    void every_view_reads_back_every_field_it_wrote_on_insert_and_on_update() throws Exception {
        roundTrip(DemandView.TABLE, DemandView.class, DemandView.TABLE::save);
        roundTrip(SlipView.TABLE, SlipView.class, SlipView.TABLE::save);
        roundTrip(SlipDeadline.TABLE, SlipDeadline.class, SlipDeadline.TABLE::save);
        roundTrip(PartyGroupRef.TABLE, PartyGroupRef.class, PartyGroupRef.TABLE::save);
        // a member's group must be there first (party_group_member references party_group)
        roundTrip(PartyGroupMemberRef.TABLE, PartyGroupMemberRef.class, member -> {
            group(member.groupId).save();
            PartyGroupMemberRef.TABLE.save(member);
        });
        // a showing is inserted with the id its sequence gives; the field's own value is not written
        roundTrip(ContactReveal.TABLE, ContactReveal.class, ContactReveal::insert);
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

    private <T> void roundTrip(ViewTable<T> table, Class<T> type, Consumer<T> insert) throws Exception {
        assertThat(List.of(table.columns(null).split(", "))).as("the columns of " + table.name())
                .containsExactlyInAnyOrderElementsOf(columnsOf(table));
        List<Field> fields = fields(type);
        T written = type.getDeclaredConstructor().newInstance();
        for (Field field : fields) {
            field.set(written, value(field.getType()));
        }
        QuarkusTransaction.requiringNew().run(() -> insert.accept(written));
        Object[] key = table.keyOf(written);
        assertSameFields(fields, written, QuarkusTransaction.requiringNew().call(() -> table.find(key)));

        // the update of a row that is there: every field that may be null is null now, the others change
        for (Field field : fields) {
            if (!table.isKey(field.getName())) {
                field.set(written, field.getType().isPrimitive() || !nullable(table, field) ? value(field.getType()) : null);
            }
        }
        QuarkusTransaction.requiringNew().run(() -> table.save(written));
        assertSameFields(fields, written, QuarkusTransaction.requiringNew().call(() -> table.find(key)));

        assertThat(QuarkusTransaction.requiringNew().call(() -> table.delete(key))).isTrue();
        if (written instanceof PartyGroupMemberRef member) {
            QuarkusTransaction.requiringNew().run(() -> PartyGroupRef.TABLE.delete(member.groupId));
        }
    }

    private static void assertSameFields(List<Field> fields, Object written, Object read) throws IllegalAccessException {
        assertThat(read).as("the row of " + written.getClass().getSimpleName()).isNotNull();
        for (Field field : fields) {
            Object expected = field.get(written);
            Object actual = field.get(read);
            String what = written.getClass().getSimpleName() + "." + field.getName();
            if (expected instanceof BigDecimal decimal) {
                assertThat((BigDecimal) actual).as(what).isEqualByComparingTo(decimal);
            } else {
                assertThat(actual).as(what).isEqualTo(expected);
            }
        }
    }

    private Object value(Class<?> type) {
        if (type == String.class) {
            return "值-" + Integer.toString(random.nextInt(1_000_000), 36);
        }
        if (type == int.class || type == Integer.class) {
            return random.nextInt(1, 6);
        }
        if (type == long.class || type == Long.class) {
            return random.nextLong(1, 1_000_000);
        }
        if (type == boolean.class || type == Boolean.class) {
            return random.nextBoolean();
        }
        if (type == BigDecimal.class) {
            return BigDecimal.valueOf(random.nextInt(1, 99_999), 2);
        }
        if (type == Instant.class) {
            // timestamptz keeps microseconds
            return LATER.plus(random.nextLong(1, 1_000_000_000_000L), ChronoUnit.MICROS);
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
        }
        if (type == String[].class) {
            return new String[] {"一-" + random.nextInt(100), "two, with a comma", "三 \"quoted\""};
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[random.nextInt(constants.length)];
        }
        throw new IllegalStateException("No value for " + type);
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

    private static List<Field> fields(Class<?> type) {
        List<Field> found = new ArrayList<>();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers) && !Modifier.isFinal(modifiers)) {
                    found.add(field);
                }
            }
        }
        return found;
    }

    /** The table's columns as the migrations (V1–V9) made them. */
    private static List<String> columnsOf(ViewTable<?> table) {
        return QuarkusTransaction.requiringNew().call(() -> Jdbc.list("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ?", row -> row.getString(1), table.name()));
    }

    /** The columns declared NOT NULL keep a value in the update; the others are set to null. */
    private static boolean nullable(ViewTable<?> table, Field field) {
        String column = ViewTable.columnOf(field.getName());
        return QuarkusTransaction.requiringNew().call(() -> Jdbc.first("SELECT is_nullable FROM information_schema.columns"
                        + " WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?",
                row -> "YES".equals(row.getString(1)), table.name(), column));
    }
}
