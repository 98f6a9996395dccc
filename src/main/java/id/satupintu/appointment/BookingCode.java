package id.satupintu.appointment;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The code a citizen shows at the kiosk: eight characters of Crockford's base 32 (no I, L, O or U, so it reads
 * aloud and types without mix-ups), about 40 random bits. Written in two groups, {@code K7M4-X9QP}; read back
 * leniently (any case, with or without the dash or spaces, O for 0 and I or L for 1), also from the booking page's
 * address when a scanner reads the QR code.
 */
public record BookingCode(String value) {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    public BookingCode {
        if (value == null || value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new AppointmentError(AppointmentError.Code.BOOKING_NOT_FOUND);
        }
    }

    static BookingCode random() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new BookingCode(code.toString());
    }

    /** Reads a code as typed or scanned; an unreadable code is one that was not found. */
    public static BookingCode parse(String raw) {
        if (raw == null) {
            throw new AppointmentError(AppointmentError.Code.BOOKING_NOT_FOUND);
        }
        String text = raw.strip();
        int lastSlash = text.lastIndexOf('/');
        if (lastSlash >= 0) {
            text = text.substring(lastSlash + 1);
        }
        StringBuilder normalized = new StringBuilder(LENGTH);
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '-', ' ' -> { }
                case 'O' -> normalized.append('0');
                case 'I', 'L' -> normalized.append('1');
                default -> normalized.append(c);
            }
            if (normalized.length() > LENGTH) {
                break;
            }
        }
        return new BookingCode(normalized.toString());
    }

    /** The code as printed: two groups of four. */
    public String display() {
        return value.substring(0, 4) + "-" + value.substring(4);
    }

    @Override
    public String toString() {
        return value;
    }
}
