package id.satupintu.identity;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import id.satupintu.shared.CitizenId;
import id.satupintu.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The account's part of a citizen's data: the only place the NIK is shown in full, to its owner, in the download
 * they asked for. The date of birth given at sign-up is checked with the registry and not kept; what the NIK encodes
 * of it is given as a hint.
 */
@Component
class AccountData implements PersonalData.Source {

    private final JdbcClient jdbc;
    private final Citizens citizens;

    AccountData(JdbcClient jdbc, Citizens citizens) {
        this.jdbc = jdbc;
        this.citizens = citizens;
    }

    record Account(UUID id, String nik, String fullName, String birthDateInNik, Nik.Sex sexInNik, String email,
            String phone, String regionCode, Instant createdAt, Instant lastSignInAt) {
    }

    @Override
    public PersonalData.Part partFor(CitizenId citizen) {
        Map<String, Object> row = PersonalData.rows(jdbc.sql("""
                SELECT created_at, last_sign_in_at FROM citizen WHERE id = :id
                """).param("id", citizen.value())).stream().findFirst().orElse(null);
        Citizen account = citizens.find(citizen).orElse(null);
        if (row == null || account == null) {
            return PersonalData.Part.of("account", 0, null);
        }
        Nik nik = citizens.nikOf(citizen);
        String birth = "%02d-%02d-%02d".formatted(nik.birthDayOfYear().getDayOfMonth(),
                nik.birthDayOfYear().getMonthValue(), nik.birthYearTwoDigits());
        return PersonalData.Part.of("account", 0, new Account(citizen.value(), nik.value(),
                account.fullName(), birth, nik.sex(), account.email(), account.phone(), account.regionCode(),
                (Instant) row.get("created_at"), (Instant) row.get("last_sign_in_at")));
    }
}
