package org.threelists.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.io.IOException;

/**
 * A request body's text as Jackson reads it, refused when it holds the NUL character (U+0000): PostgreSQL's text cannot
 * store it, so a description or a reason holding one failed at the read model's insert with a server error, after
 * everything before it had run. Line breaks and tabs stay: free text may hold them.
 */
public final class TextWithoutNul extends StdScalarDeserializer<String> {

    TextWithoutNul() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String text = StringDeserializer.instance.deserialize(p, ctxt);
        if (text != null && text.indexOf('\0') >= 0) {
            throw new NulInText(p);
        }
        return text;
    }

    /** What the problem document says of the field. */
    public static final class NulInText extends MismatchedInputException {

        public static final String MESSAGE = "must not hold the NUL character (U+0000)";

        NulInText(JsonParser p) {
            super(p, MESSAGE, String.class);
        }
    }
}
