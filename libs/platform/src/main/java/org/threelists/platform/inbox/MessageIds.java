package org.threelists.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The digests behind inbox keys: one place that names SHA-256 and hex for them. */
public final class MessageIds {

    private MessageIds() {
    }

    /**
     * A producer's id and the SHA-256 of the message's value, for a producer that may send a different message under
     * an id it used before (the municipal platform resends a ticket it corrected under the same ticket id, see
     * services/demand-list/README.md, "Municipal tickets"): the same bytes delivered again map to the same key, a
     * changed message to a new one, so a message dead-lettered once does not hide its correction.
     */
    public static String withContent(String id, byte[] value) {
        return id + ":" + sha256Hex(value == null ? new byte[0] : value);
    }

    static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
