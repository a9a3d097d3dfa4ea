package org.threelists.platform.pii;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.threelists.platform.json.Json;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.transaction.TransactionKept;
import org.threelists.platform.problem.ProblemType;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Crypto-shredding of personal data. Each data subject (a demand's resident, a volunteer) gets its own AES-256
 * key, stored wrapped by the service's master key. Personal data enters events and read models only sealed with
 * that key; {@link #erase} destroys the key, after which every copy — in the event store, in projections, in
 * backups — is unreadable, while the event stream itself is never rewritten.
 *
 * <p>Calls must run inside the caller's transaction: a key is created in the same transaction as the event
 * that first uses it. A key the transaction has created or read is kept until it ends, so sealing a new demand's
 * contact and showing it in the answer cost one statement, not three (bench/README.md, "Fast path, part four"); what
 * the transaction has sealed opens without decrypting while it holds the key (part six). Neither is kept beyond the
 * transaction, so an erasure committed by another replica is seen by the next one.
 */
@ApplicationScoped
public class PersonalDataVault {

    private static final String FORMAT = "v1.";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One AES-GCM cipher per thread, initialised afresh (key and IV) for every use: {@code Cipher.getInstance} looks the
     * transformation up among the providers on every call, and was the vault's largest cost per sealed contact
     * (bench/README.md, "Fast path, part six"). A cipher is not thread-safe, so none is shared.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(PersonalDataVault::newCipher);
    /** The transaction's resource holding the keys it has used, by subject. */
    private static final Object KEYS = PersonalDataVault.class.getName() + ".keys";
    /** The transaction's resource holding what it has sealed, by sealed text: its answer shows it without decrypting. */
    private static final Object SEALED = PersonalDataVault.class.getName() + ".sealed";

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final SecretKey masterKey;

    PersonalDataVault(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions,
            @ConfigProperty(name = "threelists.pii.master-key") String masterKey) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        byte[] raw = Base64.getDecoder().decode(masterKey.trim());
        if (raw.length != 32) {
            throw new IllegalArgumentException("threelists.pii.master-key must be 32 bytes, base64-encoded");
        }
        this.masterKey = new SecretKeySpec(raw, "AES");
    }

    /** Encrypts {@code plaintext} for {@code subjectId}, creating the subject's key on first use. */
    public String seal(String subjectId, String plaintext) {
        SecretKey key = keyOf(subjectId, true).orElseThrow(() -> erased(subjectId));
        String sealed = FORMAT + Base64.getEncoder().encodeToString(encrypt(key, plaintext.getBytes(StandardCharsets.UTF_8), subjectId));
        Map<String, SealedHere> sealedHere = TransactionKept.in(transactions, SEALED);
        if (sealedHere != null) {
            sealedHere.put(sealed, new SealedHere(subjectId, plaintext));
        }
        return sealed;
    }

    /** A value this transaction sealed, and for whom (the ciphertext is bound to its subject). */
    private record SealedHere(String subjectId, String plaintext) {
    }

    /** Seals a value as JSON; null stays null (nothing to keep). */
    public String sealJson(String subjectId, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return seal(subjectId, Json.mapper().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise personal data of " + subjectId, e);
        }
    }

    /** Opens a value sealed by {@link #sealJson}; empty when there is none or it was erased. */
    public <T> Optional<T> openJson(String subjectId, String sealed, Class<T> type) {
        return open(subjectId, sealed).map(json -> {
            try {
                return Json.mapper().readValue(json, type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Sealed data of " + subjectId + " is not readable", e);
            }
        });
    }

    /** Decrypts sealed data, or empty when the subject's data was erased. */
    public Optional<String> open(String subjectId, String sealed) {
        if (sealed == null || !sealed.startsWith(FORMAT)) {
            return Optional.empty();
        }
        String sealedHere = sealedHere(subjectId, sealed);
        if (sealedHere != null) {
            return Optional.of(sealedHere);
        }
        return keyOf(subjectId, false).map(key -> new String(
                decrypt(key, Base64.getDecoder().decode(sealed.substring(FORMAT.length())), subjectId),
                StandardCharsets.UTF_8));
    }

    /** Destroys the subject's key. Returns false when it was already erased (erasure is idempotent). */
    public boolean erase(String subjectId, String erasedBy) {
        Map<String, SecretKey> used = keysOfThisTransaction();
        if (used != null) {
            used.remove(subjectId);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement insertErased = c.prepareStatement(
                     "INSERT INTO personal_data_key (subject_id, wrapped_key, erased_at, erased_by) VALUES (?, NULL, now(), ?) "
                             + "ON CONFLICT (subject_id) DO UPDATE SET wrapped_key = NULL, erased_at = now(), erased_by = EXCLUDED.erased_by "
                             + "WHERE personal_data_key.erased_at IS NULL")) {
            insertErased.setString(1, subjectId);
            insertErased.setString(2, erasedBy);
            return insertErased.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot erase the key of " + subjectId, e);
        }
    }

    /**
     * The plaintext of a value this transaction sealed for the subject, while the transaction still holds the
     * subject's key; null otherwise. An erasure in this transaction drops the key, so what it sealed opens no more.
     */
    private String sealedHere(String subjectId, String sealed) {
        Map<String, SecretKey> used = keysOfThisTransaction();
        if (used == null || !used.containsKey(subjectId)) {
            return null;
        }
        Map<String, SealedHere> sealedHere = TransactionKept.in(transactions, SEALED);
        SealedHere known = sealedHere.get(sealed);
        return known != null && known.subjectId().equals(subjectId) ? known.plaintext() : null;
    }

    private Optional<SecretKey> keyOf(String subjectId, boolean create) {
        Map<String, SecretKey> used = keysOfThisTransaction();
        SecretKey known = used == null ? null : used.get(subjectId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<SecretKey> key = storedOrCreated(subjectId, create);
        if (used != null) {
            key.ifPresent(k -> used.put(subjectId, k));
        }
        return key;
    }

    private Optional<SecretKey> storedOrCreated(String subjectId, boolean create) {
        try (Connection c = dataSource.getConnection()) {
            if (create) {
                // Sealing is nearly always a subject's first use (a new demand, a new volunteer): insert first and use
                // the key made here when the insert wins. A subject that has a row already (a key, or none once erased)
                // loses the insert, and its row is read as for opening. A concurrent first use waits for the other
                // insert and then reads the winner's key.
                SecretKey fresh = newKey();
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO personal_data_key (subject_id, wrapped_key) VALUES (?, ?) ON CONFLICT (subject_id) DO NOTHING")) {
                    insert.setString(1, subjectId);
                    insert.setBytes(2, encrypt(masterKey, fresh.getEncoded(), subjectId));
                    if (insert.executeUpdate() == 1) {
                        return Optional.of(fresh);
                    }
                }
            }
            return keyRow(c, subjectId).filter(row -> !row.erased())
                    .map(row -> new SecretKeySpec(decrypt(masterKey, row.wrappedKey(), subjectId), "AES"));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the key of " + subjectId, e);
        }
    }

    /** The keys this transaction has used so far, by subject; null outside a transaction (nothing is kept then). */
    private Map<String, SecretKey> keysOfThisTransaction() {
        return TransactionKept.in(transactions, KEYS);
    }

    /** A subject's row: its wrapped key, or none once its data was erased. */
    private record KeyRow(byte[] wrappedKey) {
        boolean erased() {
            return wrappedKey == null;
        }
    }

    private static Optional<KeyRow> keyRow(Connection c, String subjectId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT wrapped_key FROM personal_data_key WHERE subject_id = ?")) {
            select.setString(1, subjectId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new KeyRow(rs.getBytes(1))) : Optional.empty();
            }
        }
    }

    private static ProblemException erased(String subjectId) {
        return new ProblemException(ProblemType.PERSONAL_DATA_ERASED,
                "Personal data of " + subjectId + " was erased and cannot be stored again");
    }

    /** A new AES-256 key: 32 bytes of the strong random source, as the JDK's AES {@code KeyGenerator} makes it. */
    private static SecretKey newKey() {
        byte[] raw = new byte[KEY_BYTES];
        RANDOM.nextBytes(raw);
        return new SecretKeySpec(raw, "AES");
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    }

    /** AES-GCM with the subject id as associated data, so a ciphertext cannot be moved to another subject. */
    private static byte[] encrypt(SecretKey key, byte[] plaintext, String subjectId) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(subjectId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] ivAndCiphertext, String subjectId) {
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ivAndCiphertext, 0, IV_BYTES));
            cipher.updateAAD(subjectId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(ivAndCiphertext, IV_BYTES, ivAndCiphertext.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed: wrong master key or tampered data", e);
        }
    }
}
