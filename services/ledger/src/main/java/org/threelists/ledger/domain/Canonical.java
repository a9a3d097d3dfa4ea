package org.threelists.ledger.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

/**
 * The canonical serialisation every hash of the ledger is computed over: a JSON object of strings with its keys in
 * code-point order, no white space, UTF-8. Anyone can recompute a hash from the published fields.
 */
public final class Canonical {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Canonical() {
    }

    public static String json(SortedMap<String, String> content) {
        try {
            return MAPPER.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String json(Map<String, String> content) {
        return json(new java.util.TreeMap<>(content));
    }

    public static void put(Map<String, String> content, String key, Object value) {
        if (value == null) {
            return;
        }
        content.put(key, value instanceof BigDecimal number ? plain(number) : value.toString());
    }

    public static String plain(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }

    public static String sha256(String text) {
        return HEX.formatHex(SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * SHA-256 over {@code prefix} followed by {@link #json(SortedMap) json(content)}: the bytes of
     * {@code sha256(prefix + json(content))}, the JSON written by Jackson straight as UTF-8 instead of through a Java
     * string, whose copies and re-encodings took a sixth of a verification walk's CPU (bench/README.md, "Ledger reports
     * and verification: periods cut into spans and days, chains side by side").
     */
    public static String sha256(String prefix, SortedMap<String, String> content) {
        // Jackson's UTF-8 writer escapes a character outside the BMP as its two UTF-16 halves (and refuses a lone surrogate)
        // where the text has its UTF-8 bytes (or '?'): content with a surrogate takes the text's way
        if (hasSurrogate(content)) {
            return sha256(prefix + json(content));
        }
        byte[] json;
        try {
            json = MAPPER.writeValueAsBytes(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        MessageDigest digest = SHA_256.get();
        digest.update(prefix.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(digest.digest(json));
    }

    private static boolean hasSurrogate(SortedMap<String, String> content) {
        for (Map.Entry<String, String> e : content.entrySet()) {
            if (hasSurrogate(e.getKey()) || hasSurrogate(e.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSurrogate(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static final HexFormat HEX = HexFormat.of();

    /** One digest per thread: a walk of the whole ledger hashes millions of entries, and looking one up costs each time. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
}
