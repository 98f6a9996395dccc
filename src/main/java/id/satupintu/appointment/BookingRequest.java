package id.satupintu.appointment;

/** What a citizen gives to book: the slot by its start, their NIK, name and at least one of phone and e-mail. */
public record BookingRequest(String mallCode, String serviceCode, String start, String nik, String name,
        String phone, String email) {
}
