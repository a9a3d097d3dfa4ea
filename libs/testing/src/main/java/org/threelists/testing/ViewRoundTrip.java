package org.threelists.testing;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that a read model's row survives its table ({@link ViewTable}): the table's columns are exactly the row's
 * fields, and each field written is read back as it was, on the insert and on the update of a row that is there,
 * nulls included — no field without its column, no column without its field, no column read into the wrong field.
 * Each write and read runs in a transaction of its own, as the projections' and the queries' do.
 */
public final class ViewRoundTrip {

    private final Random random;
    private final Instant instantsFrom;

    /**
     * @param seed         the random values' seed
     * @param instantsFrom the earliest instant written: far ahead keeps a running deadline poller off a test's rows
     */
    public ViewRoundTrip(long seed, Instant instantsFrom) {
        this.random = new Random(seed);
        this.instantsFrom = instantsFrom;
    }

    /** {@link #check(ViewTable, Class, Consumer)} with the table's own whole-row write as the insert. */
    public <T> T check(ViewTable<T> table, Class<T> type) {
        return check(table, type, table::save);
    }

    /**
     * Writes a row of random values with {@code insert}, reads it back, then writes it again with every nullable
     * column null and every other one changed, and reads it back again. Answers the row as last written, whose
     * key ({@link ViewTable#keyOf}) a caller may delete.
     */
    public <T> T check(ViewTable<T> table, Class<T> type, Consumer<T> insert) {
        assertThat(List.of(table.columns(null).split(", "))).as("the columns of " + table.name())
                .containsExactlyInAnyOrderElementsOf(columnsOf(table));
        List<Field> fields = fields(type);
        T written = newRow(type);
        for (Field field : fields) {
            set(field, written, value(field.getType()));
        }
        QuarkusTransaction.requiringNew().run(() -> insert.accept(written));
        Object[] key = table.keyOf(written);
        assertSameFields(fields, written, QuarkusTransaction.requiringNew().call(() -> table.find(key)));

        for (Field field : fields) {
            if (!table.isKey(field.getName())) {
                boolean keepsValue = field.getType().isPrimitive() || !nullable(table, field);
                set(field, written, keepsValue ? value(field.getType()) : null);
            }
        }
        QuarkusTransaction.requiringNew().run(() -> table.save(written));
        assertSameFields(fields, written, QuarkusTransaction.requiringNew().call(() -> table.find(key)));
        return written;
    }

    private static void assertSameFields(List<Field> fields, Object written, Object read) {
        assertThat(read).as("the row of " + written.getClass().getSimpleName()).isNotNull();
        for (Field field : fields) {
            Object expected = get(field, written);
            Object actual = get(field, read);
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
            return instantsFrom.plus(random.nextLong(1, 1_000_000_000_000L), ChronoUnit.MICROS);
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

    /** The row's fields as {@link ViewTable} maps them: public, neither static nor final, super classes' included. */
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

    /** The table's columns as the service's migrations made them. */
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

    private static <T> T newRow(Class<T> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type + " cannot be made empty", e);
        }
    }

    private static Object get(Field field, Object row) {
        try {
            return field.get(row);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void set(Field field, Object row, Object value) {
        try {
            field.set(row, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
