package id.satupintu.submission;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The number an application is known by once submitted: the mall's code, the mall's local date of submission and a
 * serial of that mall and day, such as {@code 3671-20261128-000123}.
 */
public record TrackingNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9A-Z]{1,12}-\\d{8}-\\d{6}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    public TrackingNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a tracking number: " + value);
        }
    }

    static TrackingNumber of(String mallCompactCode, LocalDate localDate, int serial) {
        if (serial < 1 || serial > 999_999) {
            throw new IllegalArgumentException("Serial out of range: " + serial);
        }
        return new TrackingNumber("%s-%s-%06d".formatted(mallCompactCode.toUpperCase(), DAY.format(localDate), serial));
    }

    /** Reads a number as people type it: spaces around it and lower case are forgiven. */
    public static Optional<TrackingNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String cleaned = text.strip().toUpperCase();
        return FORMAT.matcher(cleaned).matches() ? Optional.of(new TrackingNumber(cleaned)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
