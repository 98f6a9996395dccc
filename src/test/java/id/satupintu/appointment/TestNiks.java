package id.satupintu.appointment;

/** Structurally valid NIKs for tests: born 1 January 1990 in Kabupaten Musi Rawas, serials from 0001. */
final class TestNiks {

    private TestNiks() {
    }

    static String number(int serial) {
        if (serial < 1 || serial > 9999) {
            throw new IllegalArgumentException("A NIK serial runs from 1 to 9999");
        }
        return "160501" + "010190" + String.format("%04d", serial);
    }
}
