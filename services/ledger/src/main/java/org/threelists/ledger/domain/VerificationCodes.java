package org.threelists.ledger.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The code printed on an hour statement beside its number. Numbers are sequential and easy to guess; the code is not
 * (12 characters of Crockford's base 32 from a secure random source: 60 bits), so only someone holding the statement
 * can have it verified (services/ledger/README.md, "Hour statements").
 */
public final class VerificationCodes {

    /** Crockford's base 32: no I, L, O or U, so a code read off paper is not mistyped. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    public static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationCodes() {
    }

    public static String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** Compares in constant time, ignoring case, spaces and dashes a reader may type. */
    public static boolean matches(String stored, String given) {
        if (stored == null || given == null) {
            return false;
        }
        String typed = given.replace("-", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII), typed.getBytes(StandardCharsets.UTF_8));
    }
}
