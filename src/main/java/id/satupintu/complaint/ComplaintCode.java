package id.satupintu.complaint;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The code a complainant follows their complaint with, and the only key to its public page: {@code ADU-} and twelve
 * characters of Crockford's base 32 (60 random bits, no I, L, O or U), written {@code ADU-K7M4-X9QP-3RTA}. Read
 * back leniently: any case, with or without the prefix, dashes or spaces, O for 0 and I or L for 1.
 */
public record ComplaintCode(String value) {

    static final String PREFIX = "ADU";
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    public ComplaintCode {
        if (value == null || value.length() != LENGTH || value.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            throw new IllegalArgumentException("Not a complaint code");
        }
    }

    static ComplaintCode random() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new ComplaintCode(new String(code));
    }

    /** The code as typed, pasted or printed; empty when it cannot be a code. */
    public static Optional<ComplaintCode> parse(String text) {
        if (text == null || text.length() > 40) {
            return Optional.empty();
        }
        String compact = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (compact.startsWith(PREFIX) && compact.length() == PREFIX.length() + LENGTH) {
            compact = compact.substring(PREFIX.length());
        }
        String read = compact.replace('O', '0').replace('I', '1').replace('L', '1');
        if (read.length() != LENGTH || read.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            return Optional.empty();
        }
        return Optional.of(new ComplaintCode(read));
    }

    /** The code as shown and printed. */
    public String display() {
        return PREFIX + "-" + value.substring(0, 4) + "-" + value.substring(4, 8) + "-" + value.substring(8);
    }

    @Override
    public String toString() {
        return display();
    }
}
