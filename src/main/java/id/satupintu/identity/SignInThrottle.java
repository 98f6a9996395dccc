package id.satupintu.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import id.satupintu.audit.SecurityLog;
import id.satupintu.shared.DomainException;
import id.satupintu.shared.ErrorCode;
import id.satupintu.shared.ErrorKind;
import id.satupintu.shared.web.ProblemFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refuses sign-ins for a while after too many failures, counted in PostgreSQL so that every instance sees them.
 * Each door (staff password, integrator secret, citizen code) counts on its own, per account and per source address:
 * {@code account-failures} wrong tries for one account within {@code window} lock that account for {@code lock};
 * {@code address-failures} wrong tries from one address within the window lock that address as long.
 *
 * <p>The lock is short and ends by itself, so that somebody who knows an account name can keep it closed only by
 * failing again and again, which the per-address lock then stops. A correct sign-in clears its account's failures;
 * an address's failures run out with their window, so that one good account cannot hide guesses at others. Unknown
 * account names are counted like known ones, so that the answer says nothing about which exist.
 */
@Service
class SignInThrottle {

    enum Door {
        STAFF, CLIENT, CITIZEN
    }

    /** How many failures within which window lock for how long. */
    record Policy(int accountFailures, int addressFailures, Duration window, Duration lock) {
        Policy {
            if (accountFailures < 1 || addressFailures < 1 || !window.isPositive() || !lock.isPositive()) {
                throw new IllegalStateException("satupintu.security.sign-in-throttle needs failures of at least 1 "
                        + "and a positive window and lock");
            }
        }
    }

    private enum Kind {
        ACCOUNT, ADDRESS
    }

    private static final int SUBJECT_LENGTH = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecurityLog securityLog;
    private final TransactionTemplate transaction;
    private final java.util.Map<Door, Policy> policies;

    @Autowired
    SignInThrottle(JdbcClient jdbc, Clock clock, SecurityLog securityLog, TransactionTemplate transaction,
            @Value("${satupintu.security.sign-in-throttle.account-failures:5}") int accountFailures,
            @Value("${satupintu.security.sign-in-throttle.citizen-account-failures:10}") int citizenAccountFailures,
            @Value("${satupintu.security.sign-in-throttle.address-failures:30}") int addressFailures,
            @Value("${satupintu.security.sign-in-throttle.window:15m}") Duration window,
            @Value("${satupintu.security.sign-in-throttle.lock:15m}") Duration lock) {
        this(jdbc, clock, securityLog, transaction, new Policy(accountFailures, addressFailures, window, lock),
                new Policy(citizenAccountFailures, addressFailures, window, lock));
    }

    /**
     * @param citizens a citizen's code is asked for and typed on a phone, where slips are common, and a code has
     *                 six digits and five tries of its own: citizens get a few more tries than passwords do
     */
    SignInThrottle(JdbcClient jdbc, Clock clock, SecurityLog securityLog, TransactionTemplate transaction,
            Policy passwords, Policy citizens) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.securityLog = securityLog;
        this.transaction = transaction;
        this.policies = java.util.Map.of(Door.STAFF, passwords, Door.CLIENT, passwords, Door.CITIZEN, citizens);
    }

    /** A sign-in may not even be tried now. */
    static class Throttled extends DomainException {

        enum Code implements ErrorCode {
            SIGN_IN_THROTTLED;

            @Override
            public ErrorKind kind() {
                return ErrorKind.TOO_MANY_REQUESTS;
            }
        }

        private final long retryAfterSeconds;

        Throttled(long retryAfterSeconds) {
            super(Code.SIGN_IN_THROTTLED, minutes(retryAfterSeconds));
            this.retryAfterSeconds = retryAfterSeconds;
            with(ProblemFactory.RETRY_AFTER_SECONDS, retryAfterSeconds);
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        /** Whole minutes to wait, at least one, for a person to read. */
        long minutes() {
            return minutes(retryAfterSeconds);
        }

        private static long minutes(long seconds) {
            return Math.max(1, (seconds + 59) / 60);
        }
    }

    /**
     * Refuses the try when the account or the address is locked.
     *
     * @throws Throttled with the seconds until both are open again
     */
    void check(Door door, String account, String address) {
        OffsetDateTime now = now();
        Optional<OffsetDateTime> until = jdbc.sql("""
                SELECT max(locked_until) FROM sign_in_failure
                WHERE door = :door AND locked_until > :now
                  AND ((subject_kind = 'ACCOUNT' AND subject = :account) OR (subject_kind = 'ADDRESS' AND subject = :address))
                """)
                .param("door", door.name()).param("now", now)
                .param("account", subject(account)).param("address", subject(address))
                .query(OffsetDateTime.class).optional();
        if (until.isPresent()) {
            throw throttled(now, until.get());
        }
    }

    /**
     * Counts a failed try for the account and for the address.
     *
     * @throws Throttled when this failure locked the account or the address
     */
    void failed(Door door, String account, String address) {
        Policy policy = policies.get(door);
        Optional<OffsetDateTime> locked = transaction.execute(status -> {
            OffsetDateTime now = now();
            Optional<OffsetDateTime> accountLock = count(door, Kind.ACCOUNT, subject(account), policy.accountFailures(),
                    policy, now);
            Optional<OffsetDateTime> addressLock = count(door, Kind.ADDRESS, subject(address),
                    policy.addressFailures(), policy, now);
            accountLock.ifPresent(until -> securityLog.record(new SecurityLog.Event(
                    SecurityLog.Kind.ACCOUNT_SIGN_IN_LOCKED, subjectOf(door, account), address,
                    policy.accountFailures() + " failed sign-ins; locked until " + until)));
            addressLock.ifPresent(until -> securityLog.record(new SecurityLog.Event(
                    SecurityLog.Kind.ADDRESS_SIGN_IN_LOCKED, door.name().toLowerCase(java.util.Locale.ROOT) + "@"
                            + subject(address), address,
                    policy.addressFailures() + " failed sign-ins; locked until " + until)));
            return accountLock.or(() -> addressLock);
        });
        if (locked.isPresent()) {
            throw throttled(now(), locked.get());
        }
    }

    /** A correct sign-in: the account's failures are forgotten. */
    void succeeded(Door door, String account) {
        jdbc.sql("DELETE FROM sign_in_failure WHERE door = :door AND subject_kind = 'ACCOUNT' AND subject = :account")
                .param("door", door.name()).param("account", subject(account)).update();
    }

    /** How a locked account is named in the security log, such as {@code staff:admin}. */
    static String subjectOf(Door door, String account) {
        return door.name().toLowerCase(java.util.Locale.ROOT) + ":" + subject(account);
    }

    /** Counts one failure; answers the end of the lock when this one reached the limit. */
    private Optional<OffsetDateTime> count(Door door, Kind kind, String subject, int limit, Policy policy,
            OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO sign_in_failure (door, subject_kind, subject, failures, window_start)
                VALUES (:door, :kind, :subject, 0, :now) ON CONFLICT DO NOTHING
                """)
                .param("door", door.name()).param("kind", kind.name()).param("subject", subject).param("now", now)
                .update();
        record Row(int failures, OffsetDateTime windowStart) {
        }
        Row row = jdbc.sql("""
                SELECT failures, window_start FROM sign_in_failure
                WHERE door = :door AND subject_kind = :kind AND subject = :subject FOR UPDATE
                """)
                .param("door", door.name()).param("kind", kind.name()).param("subject", subject)
                .query((rs, n) -> new Row(rs.getInt("failures"), rs.getObject("window_start", OffsetDateTime.class)))
                .single();
        boolean windowOver = !row.windowStart().plus(policy.window()).isAfter(now);
        int failures = windowOver ? 1 : row.failures() + 1;
        OffsetDateTime windowStart = windowOver ? now : row.windowStart();
        OffsetDateTime lockedUntil = null;
        if (failures >= limit) {
            // The lock starts a new count: once it has passed, the next failures lock again only at the limit.
            lockedUntil = now.plus(policy.lock());
            failures = 0;
            windowStart = now;
        }
        jdbc.sql("""
                UPDATE sign_in_failure SET failures = :failures, window_start = :windowStart,
                       locked_until = coalesce(:lockedUntil, locked_until)
                WHERE door = :door AND subject_kind = :kind AND subject = :subject
                """)
                .param("failures", failures).param("windowStart", windowStart).param("lockedUntil", lockedUntil)
                .param("door", door.name()).param("kind", kind.name()).param("subject", subject)
                .update();
        return Optional.ofNullable(lockedUntil);
    }

    /** Rows whose lock and window are both over say nothing any more. */
    @Scheduled(fixedDelay = 60 * 60 * 1000, initialDelay = 7 * 60 * 1000)
    void forgetOld() {
        Duration longest = policies.values().stream().map(p -> p.window().compareTo(p.lock()) > 0 ? p.window()
                : p.lock()).max(Duration::compareTo).orElseThrow();
        OffsetDateTime cutoff = now().minus(longest);
        jdbc.sql("""
                DELETE FROM sign_in_failure
                WHERE window_start < :cutoff AND (locked_until IS NULL OR locked_until < :cutoff)
                """).param("cutoff", cutoff).update();
    }

    private Throttled throttled(OffsetDateTime now, OffsetDateTime until) {
        long wholeSeconds = (Duration.between(now, until).toNanos() + 999_999_999L) / 1_000_000_000L;
        return new Throttled(Math.max(1, wholeSeconds));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static String subject(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        return value.length() <= SUBJECT_LENGTH ? value : value.substring(0, SUBJECT_LENGTH);
    }
}
