package org.threelists.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The master key with which services protect residents' personal data: base64 of 32 random bytes.
 * A local stack keeps one in a file, because a new key at every start would make every stored name, phone
 * number and address unreadable.
 */
public final class PiiMasterKey {

    private static final int KEY_BYTES = 32;

    private PiiMasterKey() {
    }

    public static String generate() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Reads the key from {@code file}, or generates one and writes it there, readable by the owner only. */
    public static String loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
                requireValid(key, file);
                return key;
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            String key = generate();
            Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the PII master key at " + file, e);
        }
    }

    private static void requireValid(String key, Path file) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " does not hold base64: " + e.getMessage(), e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(file + " holds " + bytes.length + " bytes, not " + KEY_BYTES);
        }
    }
}
