package org.threelists.demand.api;

import org.threelists.demand.service.DemandSubmission.RetryKey;
import org.threelists.platform.problem.ProblemException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Reads the Idempotency-Key request header (the IETF httpapi draft "The Idempotency-Key HTTP Header Field") of a
 * submission: a client that did not get an answer — a time-out, a 503, a dropped connection — sends the same body with
 * the same key again and gets the demand its first attempt made, never a second one (services/demand-list/README.md,
 * "Retrying a submission").
 */
final class RetryKeys {

    static final String HEADER = "Idempotency-Key";
    /** Set on the answer when the key named a demand made before: nothing was submitted this time. */
    static final String REPLAYED = "Idempotent-Replayed";
    static final String DESCRIPTION = "A key of the client's own (a UUID, say; 1 to 200 visible ASCII characters, "
            + "optionally in double quotes) that makes the submission safe to retry: the same caller sending the same "
            + "body with the same key again gets the demand the first attempt made (201, with Idempotent-Replayed: "
            + "true), not a new one; the same key with another body is refused (400)";
    private static final int MAX_LENGTH = 200;

    private RetryKeys() {
    }

    /** The key and the body's SHA-256, or null when the client sent no key. */
    static RetryKey of(String header, byte[] body) {
        if (header == null) {
            return null;
        }
        String key = header.length() >= 2 && header.startsWith("\"") && header.endsWith("\"")
                ? header.substring(1, header.length() - 1) : header;
        if (key.isEmpty() || key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ProblemException.invalid(HEADER, "must be 1 to 200 visible ASCII characters");
        }
        return new RetryKey(key, sha256(body));
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
