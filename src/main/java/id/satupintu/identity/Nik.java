package id.satupintu.identity;

import id.satupintu.identity.InvalidNikException.Reason;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Month;
import java.time.MonthDay;
import java.time.Year;
import java.util.HashSet;
import java.util.Set;

/**
 * A structurally valid NIK (Nomor Induk Kependudukan), the 16-digit Indonesian population number, laid out as
 * {@code PP RR DD ddmmyy ssss}: province, regency/city and district codes where the number was first registered, the
 * date of birth (40 added to the day for women) and a serial from 0001.
 *
 * <p>Validation is structural only (RULES.md section 4); whether the number belongs to a real person is for the civil
 * registry (Dukcapil) to say, and the embedded date of birth is a hint, never authoritative.
 *
 * <p>A NIK is personal data: {@link #toString()} returns the {@linkplain #masked() masked} form so that it never
 * lands in a log in full. Use {@link #value()} only to store or look up.
 */
public final class Nik {

    /** The number of digits in a NIK. */
    public static final int LENGTH = 16;

    static final String PROVINCES_RESOURCE = "/reference/regions-kepmendagri-2025.csv";

    private static final int FEMALE_DAY_OFFSET = 40;
    private static final String MASK = "********";

    /** The sex encoded in the NIK's day of birth (40 added for women). */
    public enum Sex {
        MALE,
        FEMALE
    }

    private final String digits;

    private Nik(String digits) {
        this.digits = digits;
    }

    /**
     * Parses and validates a NIK. Surrounding whitespace is removed; nothing else is normalised (no inner spaces,
     * dots or dashes, no non-ASCII digits).
     *
     * @throws InvalidNikException on the first rule that fails, in the order of {@link Reason}
     */
    public static Nik parse(String raw) {
        if (raw == null) {
            throw new InvalidNikException(Reason.BLANK);
        }
        String s = stripWhitespace(raw);
        if (s.isEmpty()) {
            throw new InvalidNikException(Reason.BLANK);
        }
        if (s.codePointCount(0, s.length()) != LENGTH) {
            throw new InvalidNikException(Reason.WRONG_LENGTH);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // ASCII only: Character.isDigit would also accept Arabic-Indic, Devanagari, full-width ... digits.
            if (!isAsciiDigit(c)) {
                throw new InvalidNikException(Reason.NOT_DIGITS);
            }
        }
        if (!KnownProvinces.CODES.contains(s.substring(0, 2))) {
            throw new InvalidNikException(Reason.UNKNOWN_PROVINCE);
        }
        if (!isPlausibleBirthDate(twoDigits(s, 6), twoDigits(s, 8), twoDigits(s, 10))) {
            throw new InvalidNikException(Reason.INVALID_BIRTH_DATE);
        }
        if (s.endsWith("0000")) {
            throw new InvalidNikException(Reason.ZERO_SERIAL);
        }
        return new Nik(s);
    }

    /** Whether {@link #parse(String)} would accept {@code raw}. */
    public static boolean isValid(String raw) {
        try {
            parse(raw);
            return true;
        } catch (InvalidNikException e) {
            return false;
        }
    }

    /** The full 16 digits, for storage and lookup only; never show or log this. */
    public String value() {
        return digits;
    }

    /** The first 4 and last 4 digits with 8 asterisks between, e.g. {@code 3671********0001}. */
    public String masked() {
        return digits.substring(0, 4) + MASK + digits.substring(12);
    }

    /** The province code, e.g. {@code 36}. */
    public String provinceCode() {
        return digits.substring(0, 2);
    }

    /**
     * The regency/city code, e.g. {@code 36.71}, where the NIK was first registered. It may be an old code from before
     * a region split, so it need not exist in the current region list.
     */
    public String regencyCode() {
        return provinceCode() + "." + digits.substring(2, 4);
    }

    /** The district (kecamatan) code, e.g. {@code 36.71.01}; like {@link #regencyCode()} it may be an old code. */
    public String districtCode() {
        return regencyCode() + "." + digits.substring(4, 6);
    }

    /** The sex encoded in the day of birth: 41-71 is female. */
    public Sex sex() {
        return dayField() > FEMALE_DAY_OFFSET ? Sex.FEMALE : Sex.MALE;
    }

    /** The embedded day and month of birth (with the 40 for women removed). A hint only. */
    public MonthDay birthDayOfYear() {
        int day = dayField();
        return MonthDay.of(twoDigits(digits, 8), day > FEMALE_DAY_OFFSET ? day - FEMALE_DAY_OFFSET : day);
    }

    /** The embedded two-digit year of birth, 0-99; the century is not encoded. A hint only. */
    public int birthYearTwoDigits() {
        return twoDigits(digits, 10);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Nik other && digits.equals(other.digits));
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** The masked form, so that a NIK never lands in a log in full. */
    @Override
    public String toString() {
        return masked();
    }

    /** The province codes accepted in the first two digits (from {@value #PROVINCES_RESOURCE}). */
    static Set<String> knownProvinceCodes() {
        return KnownProvinces.CODES;
    }

    private int dayField() {
        return twoDigits(digits, 6);
    }

    private static boolean isPlausibleBirthDate(int dayField, int month, int yy) {
        int day;
        if (dayField >= 1 && dayField <= 31) {
            day = dayField;
        } else if (dayField >= 41 && dayField <= 71) {
            day = dayField - FEMALE_DAY_OFFSET;
        } else {
            return false;
        }
        if (month < 1 || month > 12) {
            return false;
        }
        // The year has two digits and the century is not encoded, so 29 February is accepted when EITHER 19yy or
        // 20yy is a leap year (in effect: yy divisible by 4, including 00 because 2000 was a leap year). Rejecting a
        // real birthday is worse than accepting a date that only one of the two centuries allows.
        boolean leap = Year.isLeap(1900 + yy) || Year.isLeap(2000 + yy);
        return day <= Month.of(month).length(leap);
    }

    /** Strips leading and trailing whitespace, including Unicode space separators such as the no-break space. */
    private static String stripWhitespace(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && isWhitespace(raw.codePointAt(start))) {
            start += Character.charCount(raw.codePointAt(start));
        }
        while (end > start && isWhitespace(raw.codePointBefore(end))) {
            end -= Character.charCount(raw.codePointBefore(end));
        }
        return raw.substring(start, end);
    }

    private static boolean isWhitespace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The two ASCII digits at {@code index} as a number; the caller has checked they are digits. */
    private static int twoDigits(String s, int index) {
        return (s.charAt(index) - '0') * 10 + (s.charAt(index + 1) - '0');
    }

    /** Holder idiom: the province list is read once, on first use, with the JVM's class-initialisation locking. */
    private static final class KnownProvinces {

        static final Set<String> CODES = load();

        private static Set<String> load() {
            try (InputStream in = Nik.class.getResourceAsStream(PROVINCES_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Classpath resource " + PROVINCES_RESOURCE + " is missing");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                Set<String> codes = new HashSet<>();
                String line;
                while ((line = reader.readLine()) != null) {
                    int comma = line.indexOf(',');
                    String code = (comma < 0 ? line : line.substring(0, comma)).replace("\uFEFF", "").strip();
                    // Province rows have a 2-character code; regencies (36.71) and districts (36.71.01) are longer,
                    // and the header ("code") is not numeric.
                    if (code.length() == 2 && isAsciiDigit(code.charAt(0)) && isAsciiDigit(code.charAt(1))) {
                        codes.add(code);
                    }
                }
                if (codes.isEmpty()) {
                    throw new IllegalStateException("No province codes found in " + PROVINCES_RESOURCE);
                }
                return Set.copyOf(codes);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + PROVINCES_RESOURCE, e);
            }
        }
    }
}
