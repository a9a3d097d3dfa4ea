package org.threelists.resource.projection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.threelists.platform.projection.jdbc.Jdbc;
import org.threelists.platform.projection.jdbc.ViewTable;

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
 * of a row that is there, nulls included — no field without its column, no column read into the wrong field.
 */
@QuarkusTest
@QuarkusTestResource(org.threelists.testing.RealInfrastructure.class)
class ViewTableTest {

    private final Random random = new Random(20261207);

    @Test
    void every_view_reads_back_every_field_it_wrote_on_insert_and_on_update() throws Exception {
        roundTrip(MemberUnitView.TABLE, MemberUnitView.class, row -> { });
        roundTrip(ResourceView.TABLE, ResourceView.class, row -> { });
        roundTrip(ReservationView.TABLE, ReservationView.class, row -> { });
        roundTrip(VolunteerView.TABLE, VolunteerView.class, row -> { });
        PartyGroupView group = roundTrip(PartyGroupView.TABLE, PartyGroupView.class, row -> { });
        // a member's group must be there (party_member_view.group_id references party_group_view, V3)
        roundTrip(PartyMemberView.TABLE, PartyMemberView.class, member -> member.groupId = group.groupId);
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

    /** Writes a row of random values (then {@code fix}ed where a constraint asks), reads it, updates it; the last row. */
    private <T> T roundTrip(ViewTable<T> table, Class<T> type, Consumer<T> fix) throws Exception {
        List<Field> fields = fields(type);
        T written = type.getDeclaredConstructor().newInstance();
        for (Field field : fields) {
            field.set(written, value(field.getType()));
        }
        fix.accept(written);
        Object[] key = table.keyOf(written);
        QuarkusTransaction.requiringNew().run(() -> table.save(written));
        assertSameFields(fields, written, QuarkusTransaction.requiringNew().call(() -> table.find(key)));

        // the update of a row that is there: every field that may be null is null now, the others change
        for (Field field : fields) {
            if (!table.isKey(field.getName())) {
                field.set(written, field.getType().isPrimitive() || !nullable(table, field) ? value(field.getType()) : null);
            }
        }
        QuarkusTransaction.requiringNew().run(() -> table.save(written));
        assertSameFields(fields, written, QuarkusTransaction.requiringNew().call(() -> table.find(key)));
        return written;
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
        if (type == long.class) {
            return random.nextLong(1, 1_000_000);
        }
        if (type == boolean.class) {
            return random.nextBoolean();
        }
        if (type == BigDecimal.class) {
            return BigDecimal.valueOf(random.nextInt(1, 99_999), 2);
        }
        if (type == Instant.class) {
            // timestamptz keeps microseconds
            return Instant.parse("2026-12-07T00:00:00Z").plus(random.nextLong(1, 1_000_000_000_000L), ChronoUnit.MICROS);
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

    /** The columns declared NOT NULL (V1–V3) keep a value in the update; the others are set to null. */
    private static boolean nullable(ViewTable<?> table, Field field) {
        String column = ViewTable.columnOf(field.getName());
        Boolean nullable = QuarkusTransaction.requiringNew().call(() -> Jdbc.first(
                "SELECT is_nullable FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
                row -> "YES".equals(row.getString(1)), table.name(), column));
        assertThat(nullable).as("the column " + table.name() + "." + column).isNotNull();
        return nullable;
    }
}
