package id.satupintu.appointment;

/** Structurally valid NIKs for tests: born 1 January 1990, serials from 0001. */
final class TestNiks {

    private TestNiks() {
    }

    /** A NIK registered in Kabupaten Musi Rawas. */
    static String number(int serial) {
        return number("160501", serial);
    }

    /** A NIK registered in the district with this six-digit code (province, regency, district). */
    static String number(String district, int serial) {
        if (serial < 1 || serial > 9999) {
            throw new IllegalArgumentException("A NIK serial runs from 1 to 9999");
        }
        return district + "010190" + String.format("%04d", serial);
    }
}
