package id.satupintu.appointment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import id.satupintu.identity.PersonalDataCipher;
import id.satupintu.identity.PersonalDataColumns;
import id.satupintu.shared.MallId;
import id.satupintu.shared.ServiceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Booking rules, slots and bookings in PostgreSQL. */
@Repository
class AppointmentStore implements PersonalDataColumns {

    private static final String APPOINTMENT_COLUMNS = """
            id, booking_code, mall_id, service_id, starts_at, ends_at, local_date, nik_fingerprint, nik_masked, name,
            phone, email, language, channel, status, booked_at, checked_in_at, ticket_id, cancelled_at, cancel_reason
            """;

    /** The booking's contact, encrypted and bound to the booking's id. */
    static final String NAME = "appointment.name";
    static final String PHONE = "appointment.phone";
    static final String EMAIL = "appointment.email";

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    AppointmentStore(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public List<Column> personalDataColumns() {
        return List.of(new Column("appointment", "name", NAME, "id"),
                new Column("appointment", "phone", PHONE, "id"),
                new Column("appointment", "email", EMAIL, "id"));
    }

    // ---- rules

    Optional<BookingRules> rules(MallId mall, ServiceId service) {
        return jdbc.sql("SELECT * FROM appointment_rules WHERE mall_id = :mall AND service_id = :service")
                .param("mall", mall.value()).param("service", service.value())
                .query((rs, n) -> rules(rs)).optional();
    }

    Map<ServiceId, BookingRules> rulesOf(MallId mall) {
        Map<ServiceId, BookingRules> result = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM appointment_rules WHERE mall_id = :mall ORDER BY service_id")
                .param("mall", mall.value())
                .query(rs -> {
                    result.put(new ServiceId(rs.getLong("service_id")), rules(rs));
                });
        return result;
    }

    void saveRules(MallId mall, ServiceId service, BookingRules rules) {
        jdbc.sql("""
                INSERT INTO appointment_rules (mall_id, service_id, enabled, slot_minutes, seats_per_slot,
                    walk_in_share_percent, book_from_days, book_to_days, day_opens_at, check_in_before_minutes,
                    check_in_after_minutes)
                VALUES (:mall, :service, :enabled, :slot, :seats, :share, :from, :to, :opens, :before, :after)
                ON CONFLICT (mall_id, service_id) DO UPDATE SET enabled = EXCLUDED.enabled,
                    slot_minutes = EXCLUDED.slot_minutes, seats_per_slot = EXCLUDED.seats_per_slot,
                    walk_in_share_percent = EXCLUDED.walk_in_share_percent,
                    book_from_days = EXCLUDED.book_from_days, book_to_days = EXCLUDED.book_to_days,
                    day_opens_at = EXCLUDED.day_opens_at, check_in_before_minutes = EXCLUDED.check_in_before_minutes,
                    check_in_after_minutes = EXCLUDED.check_in_after_minutes
                """)
                .param("mall", mall.value()).param("service", service.value()).param("enabled", rules.enabled())
                .param("slot", rules.slotMinutes()).param("seats", rules.seatsPerSlot())
                .param("share", rules.walkInSharePercent()).param("from", rules.bookFromDays())
                .param("to", rules.bookToDays()).param("opens", rules.dayOpensAt())
                .param("before", rules.checkInBefore().toMinutes()).param("after", rules.checkInAfter().toMinutes())
                .update();
    }

    private static BookingRules rules(ResultSet rs) throws SQLException {
        return new BookingRules(rs.getBoolean("enabled"), rs.getInt("slot_minutes"), rs.getInt("seats_per_slot"),
                rs.getInt("walk_in_share_percent"), rs.getInt("book_from_days"), rs.getInt("book_to_days"),
                rs.getObject("day_opens_at", LocalTime.class),
                Duration.ofMinutes(rs.getInt("check_in_before_minutes")),
                Duration.ofMinutes(rs.getInt("check_in_after_minutes")));
    }

    // ---- slots

    /** Seats and bookings of the slots written for a day, by start; empty when nobody has booked the day yet. */
    Map<Instant, SlotSeats> slots(MallId mall, ServiceId service, LocalDate day) {
        Map<Instant, SlotSeats> result = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT starts_at, seats, booked FROM appointment_slot
                WHERE mall_id = :mall AND service_id = :service AND local_date = :day ORDER BY starts_at
                """)
                .param("mall", mall.value()).param("service", service.value()).param("day", day)
                .query(rs -> {
                    result.put(rs.getTimestamp("starts_at").toInstant(),
                            new SlotSeats(rs.getInt("seats"), rs.getInt("booked")));
                });
        return result;
    }

    record SlotSeats(int seats, int booked) {
    }

    /** Writes a day's slots the first time it is booked; a concurrent writer's rows win, with the same content. */
    void materialize(MallId mall, ServiceId service, LocalDate day, List<PlannedSlot> plan) {
        if (plan.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO appointment_slot (mall_id, service_id, starts_at, ends_at, local_date, seats)
                SELECT :mall, :service, s, e, :day, n
                FROM unnest(CAST(:starts AS timestamptz[]), CAST(:ends AS timestamptz[]), CAST(:seats AS int[]))
                    AS plan (s, e, n)
                ON CONFLICT (mall_id, service_id, starts_at) DO NOTHING
                """)
                .param("mall", mall.value()).param("service", service.value()).param("day", day)
                .param("starts", plan.stream().map(p -> Timestamp.from(p.start().toInstant())).toArray(Timestamp[]::new))
                .param("ends", plan.stream().map(p -> Timestamp.from(p.end().toInstant())).toArray(Timestamp[]::new))
                .param("seats", plan.stream().map(PlannedSlot::seats).toArray(Integer[]::new))
                .update();
    }

    /**
     * Takes one seat of a slot if one is left. The row lock serialises concurrent bookers of the same slot, and the
     * condition is checked again on the locked row, so a slot never gets more bookings than seats. An update that
     * found no row may have run just before another booker's writing of the day became visible; the slot is read
     * again, and the update retried when it has room after all.
     */
    SeatResult takeSeat(MallId mall, ServiceId service, Instant start) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Integer> booked = jdbc.sql("""
                    UPDATE appointment_slot SET booked = booked + 1
                    WHERE mall_id = :mall AND service_id = :service AND starts_at = :start AND booked < seats
                    RETURNING booked
                    """)
                    .param("mall", mall.value()).param("service", service.value())
                    .param("start", Timestamp.from(start))
                    .query(Integer.class).optional();
            if (booked.isPresent()) {
                return SeatResult.TAKEN;
            }
            Optional<Boolean> hasRoom = hasRoom(mall, service, start);
            if (hasRoom.isEmpty()) {
                return SeatResult.NOT_WRITTEN;
            }
            if (!hasRoom.get()) {
                return SeatResult.FULL;
            }
        }
        return SeatResult.FULL;
    }

    /** Whether a slot has a seat left, read without a lock; empty when the day's slots are not written yet. */
    Optional<Boolean> hasRoom(MallId mall, ServiceId service, Instant start) {
        return jdbc.sql("""
                SELECT booked < seats FROM appointment_slot
                WHERE mall_id = :mall AND service_id = :service AND starts_at = :start
                """)
                .param("mall", mall.value()).param("service", service.value()).param("start", Timestamp.from(start))
                .query(Boolean.class).optional();
    }

    enum SeatResult {
        TAKEN, FULL, NOT_WRITTEN
    }

    void releaseSeat(MallId mall, ServiceId service, Instant start) {
        jdbc.sql("""
                UPDATE appointment_slot SET booked = booked - 1
                WHERE mall_id = :mall AND service_id = :service AND starts_at = :start AND booked > 0
                """)
                .param("mall", mall.value()).param("service", service.value()).param("start", Timestamp.from(start))
                .update();
    }

    /** Sets a slot's seats; false when that is fewer than it already has bookings for. */
    boolean setSeats(MallId mall, ServiceId service, Instant start, int seats) {
        return jdbc.sql("""
                UPDATE appointment_slot SET seats = :seats
                WHERE mall_id = :mall AND service_id = :service AND starts_at = :start AND booked <= :seats
                """)
                .param("mall", mall.value()).param("service", service.value()).param("start", Timestamp.from(start))
                .param("seats", seats)
                .update() == 1;
    }

    /** The seats written for a day, or empty when the day has not been booked yet. */
    Optional<Integer> writtenSeats(MallId mall, ServiceId service, LocalDate day) {
        return jdbc.sql("""
                SELECT sum(seats) FROM appointment_slot
                WHERE mall_id = :mall AND service_id = :service AND local_date = :day
                """)
                .param("mall", mall.value()).param("service", service.value()).param("day", day)
                .query(Integer.class).optional();
    }

    // ---- bookings

    boolean hasActiveBooking(MallId mall, ServiceId service, LocalDate day, String nikFingerprint) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM appointment WHERE mall_id = :mall AND service_id = :service
                    AND local_date = :day AND nik_fingerprint = :nik AND status IN ('BOOKED', 'CHECKED_IN'))
                """)
                .param("mall", mall.value()).param("service", service.value()).param("day", day)
                .param("nik", nikFingerprint)
                .query(Boolean.class).single();
    }

    void insert(Appointment a) {
        jdbc.sql("""
                INSERT INTO appointment (id, booking_code, mall_id, service_id, starts_at, ends_at, local_date,
                    nik_fingerprint, nik_masked, name, phone, email, language, channel, status, booked_at)
                VALUES (:id, :code, :mall, :service, :start, :end, :day, :nik, :masked, :name, :phone, :email,
                    :language, :channel, :status, :bookedAt)
                """)
                .param("id", a.id()).param("code", a.code().value()).param("mall", a.mallId().value())
                .param("service", a.serviceId().value()).param("start", Timestamp.from(a.start()))
                .param("end", Timestamp.from(a.end())).param("day", a.localDate())
                .param("nik", a.nikFingerprint()).param("masked", a.nikMasked())
                .param("name", cipher.seal(a.contact().name(), NAME, a.id()))
                .param("phone", cipher.seal(a.contact().phone(), PHONE, a.id()))
                .param("email", cipher.seal(a.contact().email(), EMAIL, a.id())).param("language", a.language())
                .param("channel", a.channel().name()).param("status", a.status().name())
                .param("bookedAt", Timestamp.from(a.bookedAt()))
                .update();
    }

    void update(Appointment a) {
        jdbc.sql("""
                UPDATE appointment SET status = :status, checked_in_at = :checkedIn, ticket_id = :ticket,
                    cancelled_at = :cancelled, cancel_reason = :reason
                WHERE id = :id
                """)
                .param("id", a.id()).param("status", a.status().name())
                .param("checkedIn", timestamp(a.checkedInAt()))
                .param("ticket", a.ticketId() == null ? null : UUID.fromString(a.ticketId()))
                .param("cancelled", timestamp(a.cancelledAt()))
                .param("reason", a.cancelReason() == null ? null : a.cancelReason().name())
                .update();
    }

    Optional<Appointment> byCode(BookingCode code, boolean forUpdate) {
        return jdbc.sql("SELECT " + APPOINTMENT_COLUMNS + " FROM appointment WHERE booking_code = :code"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .param("code", code.value())
                .query((rs, n) -> appointment(rs)).optional();
    }

    Optional<Appointment> byId(UUID id) {
        return jdbc.sql("SELECT " + APPOINTMENT_COLUMNS + " FROM appointment WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> appointment(rs)).optional();
    }

    List<Appointment> onDay(MallId mall, LocalDate day) {
        return jdbc.sql("SELECT " + APPOINTMENT_COLUMNS + """
                 FROM appointment WHERE mall_id = :mall AND local_date = :day ORDER BY starts_at, booked_at
                """)
                .param("mall", mall.value()).param("day", day)
                .query((rs, n) -> appointment(rs)).list();
    }

    /** Locks and returns the day's bookings that are still to come, for a closure of the day. */
    List<Appointment> bookedOnForUpdate(MallId mall, LocalDate day) {
        return jdbc.sql("SELECT " + APPOINTMENT_COLUMNS + """
                 FROM appointment WHERE mall_id = :mall AND local_date = :day AND status = 'BOOKED'
                ORDER BY starts_at FOR UPDATE
                """)
                .param("mall", mall.value()).param("day", day)
                .query((rs, n) -> appointment(rs)).list();
    }

    /** Bookings whose check-in window has ended without a check-in become no-shows; returns their ids. */
    List<UUID> markNoShows(Instant now) {
        return jdbc.sql("""
                UPDATE appointment a SET status = 'NO_SHOW'
                FROM appointment_rules r
                WHERE a.status = 'BOOKED' AND r.mall_id = a.mall_id AND r.service_id = a.service_id
                  AND a.starts_at + make_interval(mins => r.check_in_after_minutes) < :now
                RETURNING a.id
                """)
                .param("now", Timestamp.from(now))
                .query(UUID.class).list();
    }

    /** How many bookings for a mall's day stand in each status. */
    Map<AppointmentStatus, Integer> statusCounts(MallId mall, LocalDate day) {
        Map<AppointmentStatus, Integer> counts = new java.util.EnumMap<>(AppointmentStatus.class);
        jdbc.sql("SELECT status, count(*) AS n FROM appointment WHERE mall_id = :mall AND local_date = :day"
                        + " GROUP BY status")
                .param("mall", mall.value()).param("day", day)
                .query(rs -> {
                    counts.put(AppointmentStatus.valueOf(rs.getString("status")), rs.getInt("n"));
                });
        return counts;
    }

    /**
     * Claims up to {@code limit} bookings due for their reminder (the appointment is tomorrow in the mall's calendar,
     * the mall's clock has passed {@code remindFrom}, and it was not booked today) and marks them reminded. Each is
     * claimed once, also when several instances run this at the same time.
     */
    List<UUID> claimReminders(Instant now, LocalTime remindFrom, int limit) {
        return jdbc.sql("""
                UPDATE appointment SET reminded_at = :now
                WHERE id IN (
                    SELECT a.id FROM appointment a JOIN mall m ON m.id = a.mall_id
                    WHERE a.status = 'BOOKED' AND a.reminded_at IS NULL
                      AND a.local_date = CAST((CAST(:now AS timestamptz) AT TIME ZONE m.time_zone) AS date) + 1
                      AND CAST((CAST(:now AS timestamptz) AT TIME ZONE m.time_zone) AS time) >= :remindFrom
                      AND CAST((a.booked_at AT TIME ZONE m.time_zone) AS date) < a.local_date - 1
                    ORDER BY a.starts_at
                    LIMIT :limit
                    FOR UPDATE OF a SKIP LOCKED)
                RETURNING id
                """)
                .param("now", Timestamp.from(now)).param("remindFrom", remindFrom).param("limit", limit)
                .query(UUID.class).list();
    }

    private Appointment appointment(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Appointment a = new Appointment(id, new BookingCode(rs.getString("booking_code")),
                new MallId(rs.getLong("mall_id")), new ServiceId(rs.getLong("service_id")),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                rs.getObject("local_date", LocalDate.class), rs.getString("nik_fingerprint"),
                rs.getString("nik_masked"),
                new Appointment.Contact(cipher.open(rs.getBytes("name"), NAME, id),
                        cipher.open(rs.getBytes("phone"), PHONE, id), cipher.open(rs.getBytes("email"), EMAIL, id)),
                rs.getString("language"), Appointment.Channel.valueOf(rs.getString("channel")),
                rs.getTimestamp("booked_at").toInstant(), AppointmentStatus.valueOf(rs.getString("status")));
        UUID ticket = rs.getObject("ticket_id", UUID.class);
        String reason = rs.getString("cancel_reason");
        a.restoreProgress(instant(rs, "checked_in_at"), ticket == null ? null : ticket.toString(),
                instant(rs, "cancelled_at"), reason == null ? null : Appointment.CancelReason.valueOf(reason));
        return a;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
