package org.threelists.platform.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies are read as the OpenAPI documents in contracts/openapi type them, not as Jackson would guess: a
 * number or a boolean where a string is expected, a number for a date or an enum, a fraction for an integer are
 * refused (400) instead of being stored as "12345", an epoch day, an enum's ordinal or a truncated count; text holding
 * the NUL character, which PostgreSQL cannot store, is refused too ({@link TextWithoutNul}).
 */
@Singleton
public class StrictRequestJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        // java.time types read a bare number as an epoch day or second only when lenient.
        mapper.setDefaultLeniency(false);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.registerModule(new SimpleModule("text-without-nul").addDeserializer(String.class, new TextWithoutNul()));
    }
}
