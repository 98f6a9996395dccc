package id.satupintu.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that encrypt personal data at rest, each known by an id written in the header of what it encrypted.
 *
 * <p>The built-in key is derived from {@code SATUPINTU_PERSONAL_DATA_SECRET}, or else from a random secret of its
 * own in the database; it has no id and writes the first format (version byte 1). Configured keys come from {@code
 * SATUPINTU_PERSONAL_DATA_KEYS} as {@code id:base64,id:base64,...}, 32 random bytes each: the first is the current
 * key, the others are earlier keys still needed to read what they encrypted. The built-in key always stays
 * readable, so configuring keys on a running deployment loses nothing; re-encryption then moves the stored data to
 * the current key, after which an earlier key may be dropped from the list.
 */
final class PersonalDataKeys {

    static final byte BUILT_IN_FORMAT = 1;
    static final byte KEY_ID_FORMAT = 2;

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final int KEY_BYTES = 32;

    private final Supplier<byte[]> builtIn;
    private final Map<String, SecretKey> configured;
    private final String current;
    private volatile SecretKey builtInKey;

    /**
     * @param builtIn    the built-in key's 32 bytes, asked for when first needed
     * @param configured the configured keys, {@code id:base64} separated by commas, the current one first; blank for
     *                   none
     */
    PersonalDataKeys(Supplier<byte[]> builtIn, String configured) {
        this.builtIn = builtIn;
        this.configured = parse(configured);
        this.current = this.configured.isEmpty() ? null : this.configured.keySet().iterator().next();
    }

    /** The id of the key that encrypts from now on; empty for the built-in key. */
    Optional<String> currentId() {
        return Optional.ofNullable(current);
    }

    /** The header every value encrypted with the current key starts with. */
    byte[] currentHeader() {
        if (current == null) {
            return new byte[] {BUILT_IN_FORMAT};
        }
        byte[] id = current.getBytes(StandardCharsets.US_ASCII);
        byte[] header = new byte[2 + id.length];
        header[0] = KEY_ID_FORMAT;
        header[1] = (byte) id.length;
        System.arraycopy(id, 0, header, 2, id.length);
        return header;
    }

    SecretKey currentKey() {
        return current == null ? builtInKey() : configured.get(current);
    }

    /** The key of an id read from a header; null for the built-in key. */
    SecretKey key(String id) {
        if (id == null) {
            return builtInKey();
        }
        SecretKey key = configured.get(id);
        if (key == null) {
            throw new IllegalStateException("Personal data encrypted with key \"" + id
                    + "\", which is not configured in SATUPINTU_PERSONAL_DATA_KEYS");
        }
        return key;
    }

    private SecretKey builtInKey() {
        SecretKey key = builtInKey;
        if (key == null) {
            key = new SecretKeySpec(builtIn.get(), "AES");
            builtInKey = key;
        }
        return key;
    }

    private static Map<String, SecretKey> parse(String text) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return keys;
        }
        for (String entry : text.split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            String id = colon < 0 ? "" : trimmed.substring(0, colon).strip();
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalStateException("SATUPINTU_PERSONAL_DATA_KEYS: each key is id:base64 with an id of"
                        + " 1 to 32 letters, digits, dots, dashes or underscores");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(trimmed.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("SATUPINTU_PERSONAL_DATA_KEYS: key " + id + " is not base64");
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalStateException("SATUPINTU_PERSONAL_DATA_KEYS: key " + id + " must be 32 bytes");
            }
            if (keys.putIfAbsent(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalStateException("SATUPINTU_PERSONAL_DATA_KEYS: key " + id + " is given twice");
            }
        }
        return keys;
    }
}
