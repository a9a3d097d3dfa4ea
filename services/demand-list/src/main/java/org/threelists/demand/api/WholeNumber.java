package org.threelists.demand.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads a count exactly: 12.5 or a number beyond the int range is refused (400), where Jackson would cut the
 * fraction or fail late. A number with a zero fraction (12.0) is the integer JSON Schema takes it for.
 */
public class WholeNumber extends StdDeserializer<Integer> {

    private static final BigDecimal MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    public WholeNumber() {
        super(Integer.class);
    }

    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            return (Integer) context.handleUnexpectedToken(Integer.class, parser);
        }
        BigDecimal value = parser.getDecimalValue();
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            return (Integer) context.handleWeirdNumberValue(Integer.class, value, "must be a whole number");
        }
        if (value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
            return (Integer) context.handleWeirdNumberValue(Integer.class, value, "is out of range");
        }
        return value.toBigIntegerExact().intValue();
    }
}
