package org.threelists.platform.projection.jdbc;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A read model's table and its row class: each public field is the column of its name in snake case
 * ({@code streetCode} is {@code street_code}), the fields of super classes included. It reads rows into new objects
 * and writes an object as its whole row (insert, or update of every column when the key is there), as the projections
 * apply an event to the row it changes.
 */
public final class ViewTable<T> {

    private final String table;
    private final Constructor<T> constructor;
    private final List<Column> columns;
    private final List<Column> keys;
    private final String select;
    private final String byKey;
    private final String insert;
    private final String upsert;
    private final String deleteByKey;

    private ViewTable(Class<T> type, String table, List<String> keyFields) {
        this.table = table;
        try {
            this.constructor = type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type + " has no constructor without arguments", e);
        }
        this.columns = columnsOf(type);
        this.keys = keyFields.stream().map(this::column).toList();
        this.select = "SELECT " + columns(null) + " FROM " + table;
        String keyCondition = keys.stream().map(k -> k.name + " = ?").collect(Collectors.joining(" AND "));
        this.byKey = select + " WHERE " + keyCondition;
        this.deleteByKey = "DELETE FROM " + table + " WHERE " + keyCondition;
        this.insert = "INSERT INTO " + table + " (" + columns(null) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        this.upsert = insert + " ON CONFLICT ("
                + keys.stream().map(k -> k.name).collect(Collectors.joining(", ")) + ") DO UPDATE SET "
                + columns.stream().filter(c -> !keys.contains(c)).map(c -> c.name + " = EXCLUDED." + c.name)
                        .collect(Collectors.joining(", "));
    }

    /** The table {@code table} whose rows are {@code type}, keyed by the fields {@code keyFields}. */
    public static <T> ViewTable<T> of(Class<T> type, String table, String... keyFields) {
        return new ViewTable<>(type, table, Arrays.asList(keyFields));
    }

    public String name() {
        return table;
    }

    /** The column of a field: its name in snake case. */
    public static String columnOf(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    /** The row's key: its key fields' values, in the order {@link #find} and {@link #delete} take them. */
    public Object[] keyOf(T row) {
        return keys.stream().map(k -> k.get(row)).toArray();
    }

    public boolean isKey(String field) {
        return keys.stream().anyMatch(k -> k.field.getName().equals(field));
    }

    /** The column list, each qualified by {@code alias} when one is given, in the order {@link #read} reads. */
    public String columns(String alias) {
        String prefix = alias == null ? "" : alias + ".";
        return columns.stream().map(c -> prefix + c.name).collect(Collectors.joining(", "));
    }

    /** The row of this key (the key fields' values in the order given to {@link #of}), or null. */
    public T find(Object... key) {
        return Jdbc.first(byKey, this::read, key);
    }

    /** The rows matching {@code condition}, which may end in {@code ORDER BY}, {@code LIMIT} and the like. */
    public List<T> where(String condition, Object... parameters) {
        return Jdbc.list(select + " WHERE " + condition, this::read, parameters);
    }

    /** Page {@code page} (from 0) of {@code size} rows matching {@code where}, in the order {@code orderBy}. */
    public List<T> page(SqlWhere where, String orderBy, int page, int size) {
        return where(where.condition() + " ORDER BY " + orderBy + " LIMIT " + size + " OFFSET " + (long) page * size,
                where.parameters());
    }

    public long count(SqlWhere where) {
        return count(where.condition(), where.parameters());
    }

    public long count(String condition, Object... parameters) {
        return Jdbc.count("SELECT count(*) FROM " + table + " WHERE " + condition, parameters);
    }

    /** Writes the row whole: inserted when its key is new, every other column updated when it is not. */
    public void save(T row) {
        Jdbc.update(upsert, values(row));
    }

    /** Inserts the row whole; a row of the same key already there fails the statement (SQL state 23505). */
    public void insert(T row) {
        Jdbc.update(insert, values(row));
    }

    private Object[] values(T row) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            Column column = columns.get(i);
            Object value = column.get(row);
            values[i] = value == null ? column.nullValue : value;
        }
        return values;
    }

    /** Deletes the row of this key; answers whether there was one. */
    public boolean delete(Object... key) {
        return Jdbc.update(deleteByKey, key) > 0;
    }

    /** A row from the current position of a result set whose first columns are {@link #columns}. */
    public T read(ResultSet row) throws SQLException {
        try {
            T read = constructor.newInstance();
            for (int i = 0; i < columns.size(); i++) {
                columns.get(i).set(read, row, i + 1);
            }
            return read;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read a row of " + table, e);
        }
    }

    private Column column(String field) {
        return columns.stream().filter(c -> c.field.getName().equals(field)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(table + " has no field " + field));
    }

    private static List<Column> columnsOf(Class<?> type) {
        List<Column> found = new ArrayList<>();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            List<Column> own = new ArrayList<>();
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers) && !Modifier.isFinal(modifiers)) {
                    own.add(new Column(field));
                }
            }
            found.addAll(0, own);
        }
        return List.copyOf(found);
    }

    private static final class Column {
        final Field field;
        final String name;

        /** What a null of this column is bound as: typed as its values are (see {@link Jdbc.Null}). */
        final Jdbc.Null nullValue;

        Column(Field field) {
            this.field = field;
            this.name = columnOf(field.getName());
            this.nullValue = new Jdbc.Null(sqlType(field.getType()));
        }

        /** Every field type but strings and enums (bound as text) by its SQL type. */
        private static final Map<Class<?>, Integer> SQL_TYPES = Map.of(BigDecimal.class, Types.NUMERIC,
                Integer.class, Types.INTEGER, Long.class, Types.BIGINT, Boolean.class, Types.BOOLEAN,
                Instant.class, Types.TIMESTAMP, LocalDate.class, Types.DATE, String[].class, Types.ARRAY);

        private static int sqlType(Class<?> type) {
            return SQL_TYPES.getOrDefault(type, Types.VARCHAR);
        }

        Object get(Object row) {
            try {
                return field.get(row);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        void set(Object target, ResultSet row, int index) throws SQLException, IllegalAccessException {
            Class<?> type = field.getType();
            Object value;
            if (type == String.class) {
                value = row.getString(index);
            } else if (type == int.class) {
                value = row.getInt(index);
            } else if (type == long.class) {
                value = row.getLong(index);
            } else if (type == boolean.class) {
                value = row.getBoolean(index);
            } else if (type == Integer.class) {
                int read = row.getInt(index);
                value = row.wasNull() ? null : read;
            } else if (type == Long.class) {
                long read = row.getLong(index);
                value = row.wasNull() ? null : read;
            } else if (type == Boolean.class) {
                boolean read = row.getBoolean(index);
                value = row.wasNull() ? null : read;
            } else if (type == BigDecimal.class) {
                value = row.getBigDecimal(index);
            } else if (type == Instant.class) {
                java.sql.Timestamp at = row.getTimestamp(index);
                value = at == null ? null : at.toInstant();
            } else if (type == LocalDate.class) {
                value = row.getObject(index, LocalDate.class);
            } else if (type == String[].class) {
                java.sql.Array array = row.getArray(index);
                value = array == null ? null : (String[]) array.getArray();
            } else if (type.isEnum()) {
                String text = row.getString(index);
                value = text == null ? null : Enum.valueOf((Class<Enum>) type, text);
            } else {
                throw new IllegalStateException("No column type for " + field);
            }
            field.set(target, value);
        }
    }
}
