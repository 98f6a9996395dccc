package id.satupintu.appointment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.satupintu.identity.Citizens;
import id.satupintu.identity.NikFingerprints;
import id.satupintu.identity.PersonalDataCipher;
import id.satupintu.shared.CitizenId;
import id.satupintu.shared.PersonalData;
import id.satupintu.shared.Retention;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The bookings' part of a citizen's data, found by the NIK's fingerprint (a booking is made with a NIK, signed in or
 * not), and their retention: once the period after the slot is over, a booking keeps its mall, service, slot and
 * status (what the reports count) and loses the name, contacts and NIK.
 */
@Component
class AppointmentData implements PersonalData.Source {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final Citizens citizens;
    private final NikFingerprints fingerprints;
    private final Duration period;
    private final Clock clock;

    AppointmentData(JdbcClient jdbc, PersonalDataCipher cipher, Citizens citizens, NikFingerprints fingerprints,
            @Value("${satupintu.retention.appointments}") Duration period, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.citizens = citizens;
        this.fingerprints = fingerprints;
        this.period = period;
    }

    @Override
    public PersonalData.Part partFor(CitizenId citizen) {
        String fingerprint = fingerprints.of(citizens.nikOf(citizen));
        List<Map<String, Object>> bookings = PersonalData.rows(jdbc.sql("""
                SELECT a.id, a.booking_code, m.code AS mall_code, m.name AS mall, s.code AS service_code,
                       s.name_id AS service, a.starts_at, a.ends_at, a.nik_masked, a.name, a.phone, a.email, a.language,
                       a.channel, a.status, a.booked_at, a.checked_in_at, a.cancelled_at, a.cancel_reason,
                       a.reminded_at
                FROM appointment a JOIN mall m ON m.id = a.mall_id
                JOIN service s ON s.mall_id = a.mall_id AND s.id = a.service_id
                WHERE a.nik_fingerprint = :fingerprint ORDER BY a.starts_at DESC
                """).param("fingerprint", fingerprint));
        for (Map<String, Object> booking : bookings) {
            UUID id = (UUID) booking.remove("id");
            booking.put("name", cipher.open((byte[]) booking.get("name"), AppointmentStore.NAME, id));
            booking.put("phone", cipher.open((byte[]) booking.get("phone"), AppointmentStore.PHONE, id));
            booking.put("email", cipher.open((byte[]) booking.get("email"), AppointmentStore.EMAIL, id));
        }
        return PersonalData.Part.of("appointments", 30, bookings);
    }

    @Bean
    Retention.Rule appointmentRule() {
        return Retention.rule("appointments", period, (cutoff, limit) -> jdbc.sql("""
                UPDATE appointment SET name = '', phone = NULL, email = NULL, nik_fingerprint = NULL, nik_masked = '',
                                       anonymized_at = :now
                WHERE id IN (SELECT id FROM appointment WHERE ends_at < :cutoff AND anonymized_at IS NULL
                             AND status <> 'BOOKED' LIMIT :limit FOR UPDATE SKIP LOCKED)
                """).param("cutoff", Timestamp.from(cutoff)).param("limit", limit)
                .param("now", Timestamp.from(clock.instant())).update());
    }
}
