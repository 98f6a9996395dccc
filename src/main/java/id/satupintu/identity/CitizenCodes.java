package id.satupintu.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import id.satupintu.shared.CitizenId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One-time codes that sign citizens up and in. A code is six digits, sent by e-mail and/or text message, valid for
 * ten minutes and for five tries; a new one may be asked for after a minute. Only a keyed hash of it is stored.
 *
 * <p>Asking to sign in with a NIK and contact that match no account looks the same from outside as a match: a code
 * row is kept, but nothing is sent and no code is ever accepted, so accounts cannot be probed.
 */
@Service
class CitizenCodes implements PersonalDataColumns {

    static final Duration VALID_FOR = Duration.ofMinutes(10);
    static final Duration RESEND_AFTER = Duration.ofSeconds(60);
    static final int MAX_ATTEMPTS = 5;

    private static final SecureRandom RANDOM = new SecureRandom();

    enum Purpose {
        SIGN_UP,
        SIGN_IN
    }

    /** A code just sent: which row it is, where it went (masked), and the code itself for a demo notice. */
    record Issued(UUID codeId, Purpose purpose, List<String> sentTo, String code) {
    }

    private final JdbcClient jdbc;
    private final Citizens citizens;
    private final NikFingerprints fingerprints;
    private final NikCipher cipher;
    private final PersonalDataCipher personalData;
    private final StoredSecrets secret;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CitizenCodes(JdbcClient jdbc, Citizens citizens, NikFingerprints fingerprints, NikCipher cipher,
            PersonalDataCipher personalData, ApplicationEventPublisher events, TransactionTemplate transaction,
            Clock clock,
            @Value("${satupintu.security.personal-data-secret:}") String configuredSecret) {
        this.jdbc = jdbc;
        this.citizens = citizens;
        this.fingerprints = fingerprints;
        this.cipher = cipher;
        this.personalData = personalData;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.secret = new StoredSecrets(jdbc, "citizen-code", configuredSecret, "SATUPINTU_PERSONAL_DATA_SECRET");
    }

    /**
     * Checks the person with the population registry and sends a code that opens the account. Nothing is stored
     * unless the registry confirms the person.
     *
     * @throws CitizenError         for a missing or malformed contact, a person the registry does not confirm, or a
     *                              NIK that already has an account
     * @throws RegistryUnavailable when the registry cannot answer now
     */
    Issued requestSignUp(Nik nik, String fullName, LocalDate birthDate, String email, String phone, Locale locale) {
        String storedEmail = Contacts.email(email);
        String storedPhone = Contacts.phone(phone);
        if (storedEmail == null && storedPhone == null) {
            throw CitizenError.invalidContact("contact");
        }
        RegistryAnswer.Match match = citizens.verify(nik, fullName, birthDate);
        if (citizens.findByNik(nik).isPresent()) {
            throw new CitizenError(CitizenError.Code.CITIZEN_ALREADY_REGISTERED);
        }
        CitizenId newAccount = CitizenId.random();
        UUID codeId = UUID.randomUUID();
        String code = newCode();
        OffsetDateTime now = now();
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO citizen_code (id, purpose, code_hash, citizen_id, email, phone, nik_fingerprint,
                                              nik_encrypted, nik_masked, full_name, region_code, created_at, expires_at)
                    VALUES (:id, 'SIGN_UP', :hash, :citizen, :email, :phone, :fingerprint, :encrypted, :masked, :name,
                            :region, :now, :expires)
                    """)
                    .param("id", codeId)
                    .param("hash", hash(codeId, code))
                    .param("citizen", newAccount.value())
                    .param("email", personalData.seal(storedEmail, Citizens.EMAIL, newAccount.value()))
                    .param("phone", personalData.seal(storedPhone, Citizens.PHONE, newAccount.value()))
                    .param("fingerprint", fingerprints.of(nik))
                    .param("encrypted", cipher.encrypt(nik, newAccount))
                    .param("masked", nik.masked())
                    .param("name", personalData.seal(Citizens.registeredName(match, fullName), Citizens.NAME,
                            newAccount.value()))
                    .param("region", match.regionCode())
                    .param("now", now)
                    .param("expires", now.plus(VALID_FOR))
                    .update();
            send(storedEmail, storedPhone, code, now, locale);
        });
        return new Issued(codeId, Purpose.SIGN_UP, masked(storedEmail, storedPhone), code);
    }

    /**
     * Sends a sign-in code to the contact given, if the NIK has an account with that contact; the answer is the same
     * either way.
     *
     * @throws CitizenError for a missing or malformed contact
     */
    Issued requestSignIn(Nik nik, String contact, Locale locale) {
        boolean byEmail = Contacts.looksLikeEmail(contact);
        String stored = byEmail ? Contacts.email(contact) : Contacts.phone(contact);
        if (stored == null) {
            throw CitizenError.invalidContact("contact");
        }
        Optional<Citizen> account = citizens.findByNik(nik)
                .filter(citizen -> stored.equals(byEmail ? citizen.email() : citizen.phone()));
        String email = byEmail ? stored : null;
        String phone = byEmail ? null : stored;
        UUID codeId = UUID.randomUUID();
        // A code for an account is bound to the account, like the contacts a sign-up code carries; one for no
        // account to the code itself.
        UUID owner = account.map(c -> c.id().value()).orElse(codeId);
        String code = newCode();
        OffsetDateTime now = now();
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO citizen_code (id, purpose, code_hash, citizen_id, email, phone, nik_fingerprint,
                                              created_at, expires_at)
                    VALUES (:id, 'SIGN_IN', :hash, :citizen, :email, :phone, :fingerprint, :now, :expires)
                    """)
                    .param("id", codeId)
                    .param("fingerprint", fingerprints.of(nik))
                    .param("hash", hash(codeId, code))
                    .param("citizen", account.map(c -> c.id().value()).orElse(null))
                    .param("email", personalData.seal(email, Citizens.EMAIL, owner))
                    .param("phone", personalData.seal(phone, Citizens.PHONE, owner))
                    .param("now", now)
                    .param("expires", now.plus(VALID_FOR))
                    .update();
            if (account.isPresent()) {
                send(email, phone, code, now, locale);
            }
        });
        return new Issued(codeId, Purpose.SIGN_IN, masked(email, phone), code);
    }

    /**
     * Accepts a code: a sign-up creates the account, a sign-in notes the time; either way the code is used up. A
     * wrong code counts against the five tries even though the citizen is told so by an exception.
     *
     * @throws CitizenError when the code is wrong, expired or used up, or the NIK got an account meanwhile
     */
    Citizen confirm(UUID codeId, String code) {
        Confirmation confirmation = transaction.execute(status -> check(codeId, code));
        if (confirmation.error() != null) {
            throw confirmation.error();
        }
        return confirmation.citizen();
    }

    /**
     * Whom a code is for, as the sign-in throttle counts it: a keyed fingerprint of the NIK it was asked for, whether
     * or not that NIK has an account (so that the throttle answers alike for both), else the code itself.
     */
    String accountOf(UUID codeId) {
        return jdbc.sql("SELECT nik_fingerprint FROM citizen_code WHERE id = :id").param("id", codeId)
                .query(String.class).optional().orElse(codeId.toString());
    }

    private record Confirmation(Citizen citizen, CitizenError error) {
    }

    private record CodeRow(Purpose purpose, String hash, UUID citizenId, String email, String phone,
            OffsetDateTime createdAt, OffsetDateTime expiresAt, int attempts, OffsetDateTime usedAt) {
    }

    private Confirmation check(UUID codeId, String code) {
        Optional<CodeRow> found = lock(codeId);
        OffsetDateTime now = now();
        if (found.isEmpty() || found.get().usedAt() != null || !now.isBefore(found.get().expiresAt())) {
            return rejected(CitizenError.Code.SIGN_IN_CODE_EXPIRED);
        }
        CodeRow row = found.get();
        if (row.attempts() >= MAX_ATTEMPTS) {
            return rejected(CitizenError.Code.SIGN_IN_CODE_LOCKED);
        }
        String entered = code == null ? "" : code.replaceAll("\\s", "");
        boolean right = row.citizenId() != null && MessageDigest.isEqual(
                hash(codeId, entered).getBytes(StandardCharsets.US_ASCII),
                row.hash().getBytes(StandardCharsets.US_ASCII));
        if (!right) {
            jdbc.sql("UPDATE citizen_code SET attempts = attempts + 1 WHERE id = :id").param("id", codeId).update();
            int left = MAX_ATTEMPTS - row.attempts() - 1;
            return left == 0 ? rejected(CitizenError.Code.SIGN_IN_CODE_LOCKED)
                    : rejected(CitizenError.Code.SIGN_IN_CODE_WRONG, left);
        }
        jdbc.sql("UPDATE citizen_code SET used_at = :now WHERE id = :id").param("now", now).param("id", codeId)
                .update();
        if (row.purpose() == Purpose.SIGN_UP) {
            int created = jdbc.sql("""
                    INSERT INTO citizen (id, nik_fingerprint, nik_encrypted, nik_masked, full_name, email, phone,
                                         region_code, created_at, last_sign_in_at)
                    SELECT citizen_id, nik_fingerprint, nik_encrypted, nik_masked, full_name, email, phone,
                           region_code, :now, :now
                    FROM citizen_code WHERE id = :id
                    ON CONFLICT (nik_fingerprint) DO NOTHING
                    """).param("now", now).param("id", codeId).update();
            if (created == 0) {
                return rejected(CitizenError.Code.CITIZEN_ALREADY_REGISTERED);
            }
        } else {
            jdbc.sql("UPDATE citizen SET last_sign_in_at = :now WHERE id = :id").param("now", now)
                    .param("id", row.citizenId()).update();
        }
        return citizens.find(new CitizenId(row.citizenId()))
                .map(citizen -> new Confirmation(citizen, null))
                .orElseGet(() -> rejected(CitizenError.Code.SIGN_IN_CODE_EXPIRED));
    }

    private static Confirmation rejected(CitizenError.Code code, Object... args) {
        return new Confirmation(null, new CitizenError(code, args));
    }

    /**
     * Replaces the code with a new one, sent where the first went, with the tries and the ten minutes starting again.
     *
     * @throws CitizenError {@code SIGN_IN_CODE_RESEND_TOO_SOON} within a minute of the last code,
     *                      {@code SIGN_IN_CODE_EXPIRED} when the code is used or gone
     */
    Issued resend(UUID codeId, Locale locale) {
        String code = newCode();
        return transaction.execute(status -> {
            OffsetDateTime now = now();
            CodeRow row = lock(codeId).filter(r -> r.usedAt() == null)
                    .orElseThrow(() -> new CitizenError(CitizenError.Code.SIGN_IN_CODE_EXPIRED));
            long wait = Duration.between(now, row.createdAt().plus(RESEND_AFTER)).toSeconds();
            if (wait > 0) {
                throw new CitizenError(CitizenError.Code.SIGN_IN_CODE_RESEND_TOO_SOON, wait);
            }
            jdbc.sql("""
                    UPDATE citizen_code SET code_hash = :hash, created_at = :now, expires_at = :expires, attempts = 0
                    WHERE id = :id
                    """)
                    .param("hash", hash(codeId, code))
                    .param("now", now)
                    .param("expires", now.plus(VALID_FOR))
                    .param("id", codeId)
                    .update();
            if (row.citizenId() != null) {
                send(row.email(), row.phone(), code, now, locale);
            }
            return new Issued(codeId, row.purpose(), masked(row.email(), row.phone()), code);
        });
    }

    private Optional<CodeRow> lock(UUID codeId) {
        return jdbc.sql("""
                SELECT purpose, code_hash, citizen_id, coalesce(citizen_id, id) AS owner, email, phone, created_at,
                       expires_at, attempts, used_at
                FROM citizen_code WHERE id = :id FOR UPDATE
                """)
                .param("id", codeId)
                .query((rs, n) -> new CodeRow(Purpose.valueOf(rs.getString("purpose")), rs.getString("code_hash"),
                        rs.getObject("citizen_id", UUID.class),
                        personalData.open(rs.getBytes("email"), Citizens.EMAIL, rs.getObject("owner", UUID.class)),
                        personalData.open(rs.getBytes("phone"), Citizens.PHONE, rs.getObject("owner", UUID.class)),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("expires_at", OffsetDateTime.class), rs.getInt("attempts"),
                        rs.getObject("used_at", OffsetDateTime.class)))
                .optional();
    }

    @Override
    public List<Column> personalDataColumns() {
        String owner = "coalesce(citizen_id, id)";
        return List.of(new Column("citizen_code", "nik_encrypted", NikCipher.FIELD, "citizen_id"),
                new Column("citizen_code", "full_name", Citizens.NAME, owner),
                new Column("citizen_code", "email", Citizens.EMAIL, owner),
                new Column("citizen_code", "phone", Citizens.PHONE, owner));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private void send(String email, String phone, String code, OffsetDateTime now, Locale locale) {
        events.publishEvent(CitizenCodeRequested.of(personalData, email, phone, code, now.plus(VALID_FOR).toInstant(),
                locale));
    }

    private String hash(UUID codeId, String code) {
        return HexFormat.of().formatHex(secret.hmac(codeId + ":" + code));
    }

    private static String newCode() {
        return "%06d".formatted(RANDOM.nextInt(1_000_000));
    }

    private static List<String> masked(String email, String phone) {
        return Stream.of(email, phone).filter(c -> c != null).map(Contacts::masked).toList();
    }
}
