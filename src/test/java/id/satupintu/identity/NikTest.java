package id.satupintu.identity;

import id.satupintu.identity.InvalidNikException.Reason;
import id.satupintu.identity.Nik.Sex;
import id.satupintu.shared.ErrorKind;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class NikTest {

    /** Banten (36), Kota Tangerang (71), district 01, man born 17-05-(19)90, serial 0001. */
    private static final String MAN = "3671011705900001";
    /** Same place and date, woman (day 17 + 40 = 57), serial 0002. */
    private static final String WOMAN = "3671015705900002";

    // ---------------------------------------------------------------- valid numbers and accessors

    @Test
    void parsesAManAndExposesTheParts() {
        Nik nik = Nik.parse(MAN);

        assertThat(nik.value()).isEqualTo(MAN);
        assertThat(nik.provinceCode()).isEqualTo("36");
        assertThat(nik.regencyCode()).isEqualTo("36.71");
        assertThat(nik.districtCode()).isEqualTo("36.71.01");
        assertThat(nik.sex()).isEqualTo(Sex.MALE);
        assertThat(nik.birthDayOfYear()).isEqualTo(MonthDay.of(5, 17));
        assertThat(nik.birthYearTwoDigits()).isEqualTo(90);
    }

    @Test
    void parsesAWomanWhoseDayHas40Added() {
        Nik nik = Nik.parse(WOMAN);

        assertThat(nik.value()).isEqualTo(WOMAN);
        assertThat(nik.sex()).isEqualTo(Sex.FEMALE);
        assertThat(nik.birthDayOfYear()).isEqualTo(MonthDay.of(5, 17));
        assertThat(nik.birthYearTwoDigits()).isEqualTo(90);
    }

    @Test
    void regionCodesComeFromTheFirstSixDigits() {
        Nik nik = Nik.parse("1105230101010007");

        assertThat(nik.provinceCode()).isEqualTo("11");
        assertThat(nik.regencyCode()).isEqualTo("11.05");
        assertThat(nik.districtCode()).isEqualTo("11.05.23");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}-{3}")
    @CsvSource({
        "3671010101000001, MALE,    1,  1",   // day 01
        "3671013101900001, MALE,    1, 31",   // day 31
        "3671013012990001, MALE,   12, 30",
        "3671014101000001, FEMALE,  1,  1",   // day 41 = 1st
        "3671017101900001, FEMALE,  1, 31",   // day 71 = 31st, the upper boundary
        "3671017112990001, FEMALE, 12, 31",   // day 71 in December
        "3671017004900001, FEMALE,  4, 30",   // day 70 = 30 April
        "3671016802010001, FEMALE,  2, 28",   // 28 February in a non-leap year
    })
    void acceptsDayBoundariesForMenAndWomen(String raw, Sex sex, int month, int day) {
        Nik nik = Nik.parse(raw);

        assertThat(nik.sex()).isEqualTo(sex);
        assertThat(nik.birthDayOfYear()).isEqualTo(MonthDay.of(month, day));
        assertThat(Nik.isValid(raw)).isTrue();
    }

    // ---------------------------------------------------------------- leap days

    @ParameterizedTest(name = "ddmmyy {0}")
    @ValueSource(strings = {
        "290200",   // 1900 is not a leap year, 2000 is: either century suffices
        "290296",   // 1996
        "290204",   // 2004
        "690200",   // woman, 29 February 2000
        "690296",   // woman, 29 February 1996
    })
    void acceptsTheLeapDayWhenEitherCenturyIsALeapYear(String ddmmyy) {
        Nik nik = Nik.parse("367101" + ddmmyy + "0001");

        assertThat(nik.birthDayOfYear()).isEqualTo(MonthDay.of(2, 29));
    }

    @ParameterizedTest(name = "ddmmyy {0}")
    @ValueSource(strings = {
        "290201",   // neither 1901 nor 2001 is a leap year
        "290299",   // neither 1999 nor 2099
        "290290",   // neither 1990 nor 2090
        "690201",   // woman, same rule
    })
    void rejectsTheLeapDayWhenNeitherCenturyIsALeapYear(String ddmmyy) {
        assertRejected("367101" + ddmmyy + "0001", Reason.INVALID_BIRTH_DATE);
    }

    // ---------------------------------------------------------------- impossible dates

    @ParameterizedTest(name = "ddmmyy {0}")
    @ValueSource(strings = {
        "310400",   // 31 April
        "300200",   // 30 February
        "000190",   // day 00
        "320190",   // day 32
        "390190",   // day 39: between the ranges for men and women
        "400190",   // day 40: a woman's day 00
        "720190",   // day 72: a woman's day 32
        "990190",
        "010090",   // month 00
        "011390",   // month 13
        "019990",   // month 99
        "710490",   // woman, 31 April
        "700200",   // woman, 30 February
    })
    void rejectsImpossibleDates(String ddmmyy) {
        assertRejected("367101" + ddmmyy + "0001", Reason.INVALID_BIRTH_DATE);
    }

    // ---------------------------------------------------------------- provinces

    @ParameterizedTest(name = "province {0}")
    @ValueSource(strings = {"00", "10", "20", "99", "54"})
    void rejectsUnknownProvinces(String province) {
        assertRejected(province + "71011705900001", Reason.UNKNOWN_PROVINCE);
    }

    @ParameterizedTest(name = "province {0}")
    @ValueSource(strings = {"11", "36", "92", "96"})
    void acceptsKnownProvinces(String province) {
        Nik nik = Nik.parse(province + "71011705900001");

        assertThat(nik.provinceCode()).isEqualTo(province);
    }

    @Test
    void loadsThe38ProvincesFromTheReferenceFile() {
        Set<String> codes = Nik.knownProvinceCodes();

        assertThat(codes).hasSize(38).contains("11", "31", "36", "65", "91", "96").doesNotContain("00", "99", "code");
        assertThat(codes).allMatch(code -> code.matches("[0-9]{2}"));
        assertThat(codes).allMatch(code -> Nik.isValid(code + "71011705900001"));
    }

    // ---------------------------------------------------------------- serial

    @Test
    void rejectsSerial0000() {
        assertRejected("3671011705900000", Reason.ZERO_SERIAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3671011705901000", "3671000101000001", "3671011705909999"})
    void acceptsNonZeroSerialsEvenWithZerosElsewhere(String raw) {
        assertThat(Nik.parse(raw).value()).isEqualTo(raw);
    }

    // ---------------------------------------------------------------- length and blank

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t\n", "\u00A0\u3000"})
    void rejectsNullEmptyAndBlankAsBlank(String raw) {
        assertRejected(raw, Reason.BLANK);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "367101170590001",        // 15 digits
        "36710117059000011",      // 17 digits
        "3",
        "3671 0117 0590 0001",    // grouped with spaces: 19 characters
        "3671-0117-0590-0001",
    })
    void rejectsWrongLength(String raw) {
        assertRejected(raw, Reason.WRONG_LENGTH);
    }

    // ---------------------------------------------------------------- non-digits

    static Stream<Arguments> sixteenCharactersThatAreNotAllAsciiDigits() {
        return Stream.of(
            arguments("letter O for zero", "36710117059O0001"),
            arguments("leading letter", "A671011705900001"),
            arguments("space inside", "3671011705 00001"),
            arguments("dot inside", "36.7101170590001"),
            arguments("minus sign", "-367101170590001"),
            arguments("unicode minus sign", "\u2212367101170590001"),
            arguments("all Arabic-Indic digits", mapDigits(MAN, '\u0660')),
            arguments("one Arabic-Indic digit", MAN.substring(0, 15) + '\u0661'),
            arguments("Extended Arabic-Indic digits", mapDigits(MAN, '\u06F0')),
            arguments("full-width digits", mapDigits(MAN, '\uFF10')),
            arguments("mathematical bold digit (outside the BMP)", new StringBuilder(MAN.substring(0, 15))
                .appendCodePoint(0x1D7CF).toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sixteenCharactersThatAreNotAllAsciiDigits")
    void rejectsAnythingButAsciiDigits(String description, String raw) {
        assertThat(raw.codePointCount(0, raw.length())).as("precondition: 16 characters").isEqualTo(16);

        assertRejected(raw, Reason.NOT_DIGITS);
    }

    // ---------------------------------------------------------------- surrounding whitespace

    @ParameterizedTest
    @ValueSource(strings = {
        " 3671011705900001",
        "3671011705900001 ",
        "  3671011705900001  ",
        "\t3671011705900001\r\n",
        "\u00A03671011705900001\u3000",   // no-break space and ideographic space from copy-paste
    })
    void acceptsSurroundingWhitespace(String raw) {
        Nik nik = Nik.parse(raw);

        assertThat(nik.value()).isEqualTo(MAN);
        assertThat(nik).isEqualTo(Nik.parse(MAN));
    }

    // ---------------------------------------------------------------- order of the rules

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "367101170590000X,   NOT_DIGITS",           // 16 characters, the last a letter
        "A67101170590000,    WRONG_LENGTH",         // length is checked before digits
        "0000000000000000,   UNKNOWN_PROVINCE",     // also a bad date and a zero serial
        "3671013204900000,   INVALID_BIRTH_DATE",   // also a zero serial
        "9971013204900000,   UNKNOWN_PROVINCE",
    })
    void reportsTheFirstRuleThatFails(String raw, Reason reason) {
        assertRejected(raw, reason);
    }

    // ---------------------------------------------------------------- masking

    @Test
    void masksTheMiddleEightDigits() {
        Nik nik = Nik.parse(MAN);

        assertThat(nik.masked()).isEqualTo("3671********0001");
        assertThat(nik.toString()).isEqualTo("3671********0001");
    }

    @ParameterizedTest
    @ValueSource(strings = {MAN, WOMAN, "1105230101010007", "9671017112991234"})
    void neverShowsTheMiddleEightDigits(String raw) {
        Nik nik = Nik.parse(raw);
        String middle = raw.substring(4, 12);

        assertThat(nik.masked()).doesNotContain(middle).hasSize(16)
            .isEqualTo(raw.substring(0, 4) + "********" + raw.substring(12));
        assertThat(nik.toString()).doesNotContain(middle).isEqualTo(nik.masked());
        assertThat("NIK " + nik).doesNotContain(raw);
    }

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
            arguments("367101170590001", Reason.WRONG_LENGTH),
            arguments("36710117059000011", Reason.WRONG_LENGTH),
            arguments("36710117059O0001", Reason.NOT_DIGITS),
            arguments("9971011705900001", Reason.UNKNOWN_PROVINCE),
            arguments("3671013204900001", Reason.INVALID_BIRTH_DATE),
            arguments("3671011705900000", Reason.ZERO_SERIAL));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidInputs")
    void exceptionNeverCarriesTheInput(String raw, Reason reason) {
        InvalidNikException e = catchInvalid(raw);

        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.getMessage()).doesNotContain(raw).doesNotContain(raw.substring(4, 12));
        assertThat(e.toString()).doesNotContain(raw.substring(4, 12));
        assertThat(e.args()).isEmpty();
    }

    // ---------------------------------------------------------------- the exception

    @ParameterizedTest
    @EnumSource(Reason.class)
    void everyReasonHasItsOwnMessageKey(Reason reason) {
        InvalidNikException e = new InvalidNikException(reason);

        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.code()).isEqualTo(InvalidNikException.Code.INVALID_NIK);
        assertThat(e.messageKey()).isEqualTo("error.INVALID_NIK." + reason.name());
    }

    @Test
    void theErrorCodeIsUnprocessable() {
        InvalidNikException e = catchInvalid("367101170590001");

        assertThat(e.code().name()).isEqualTo("INVALID_NIK");
        assertThat(e.code().kind()).isEqualTo(ErrorKind.UNPROCESSABLE);
        assertThat(e.code().messageKey()).isEqualTo("error.INVALID_NIK");
        assertThat(e.messageKey()).isEqualTo("error.INVALID_NIK.WRONG_LENGTH");
    }

    // ---------------------------------------------------------------- message bundles

    @ParameterizedTest
    @ValueSource(strings = {"/messages/nik.properties", "/messages/nik_en.properties"})
    void bundlesHaveExactlyOneNonBlankMessagePerKey(String resource) throws IOException {
        Properties messages = load(resource);
        Set<String> expected = new HashSet<>();
        expected.add("error.INVALID_NIK");
        Arrays.stream(Reason.values()).map(Reason::messageKey).forEach(expected::add);

        assertThat(messages.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).allSatisfy(key -> assertThat(messages.getProperty(key)).isNotBlank());
        // No MessageFormat pitfalls: a lone apostrophe would vanish, braces would be read as arguments.
        assertThat(expected).allSatisfy(key -> assertThat(messages.getProperty(key)).doesNotContain("'", "{", "}"));
    }

    @Test
    void bundlesSpeakIndonesianByDefaultAndEnglishOnRequest() throws IOException {
        assertThat(load("/messages/nik.properties").getProperty("error.INVALID_NIK.WRONG_LENGTH"))
            .contains("NIK harus terdiri dari 16 digit angka");
        assertThat(load("/messages/nik_en.properties").getProperty("error.INVALID_NIK.WRONG_LENGTH"))
            .contains("16 digits");
    }

    // ---------------------------------------------------------------- equality and isValid

    @Test
    void equalityIsOnTheDigits() {
        Nik a = Nik.parse(MAN);
        Nik b = Nik.parse("  " + MAN + "\n");
        Nik other = Nik.parse(WOMAN);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(other);
        assertThat(a).isNotEqualTo(MAN);
        assertThat(a).isNotEqualTo(null);
    }

    @Test
    void isValidAnswersWithoutThrowing() {
        assertThat(Nik.isValid(MAN)).isTrue();
        assertThat(Nik.isValid(" " + WOMAN + " ")).isTrue();
        assertThat(Nik.isValid(null)).isFalse();
        assertThat(Nik.isValid("")).isFalse();
        assertThat(Nik.isValid("3671011705900000")).isFalse();
    }

    // ---------------------------------------------------------------- helpers

    private static void assertRejected(String raw, Reason reason) {
        assertThat(catchInvalid(raw).reason()).isEqualTo(reason);
        assertThat(Nik.isValid(raw)).isFalse();
    }

    private static InvalidNikException catchInvalid(String raw) {
        Throwable thrown = catchThrowable(() -> Nik.parse(raw));
        assertThat(thrown).isInstanceOf(InvalidNikException.class);
        return (InvalidNikException) thrown;
    }

    /** Replaces each ASCII digit with the digit of the same value in the block starting at {@code zero}. */
    private static String mapDigits(String asciiDigits, char zero) {
        StringBuilder sb = new StringBuilder();
        for (char c : asciiDigits.toCharArray()) {
            sb.append((char) (zero + (c - '0')));
        }
        return sb.toString();
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = NikTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
