package id.satupintu.appointment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import id.satupintu.audit.ProcessingLog;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.identity.Nik;
import id.satupintu.identity.NikFingerprints;
import id.satupintu.identity.StaffPrincipal;
import id.satupintu.queue.Queue;
import id.satupintu.queue.TicketId;
import id.satupintu.queue.TicketView;
import id.satupintu.region.DayOverride;
import id.satupintu.region.DaySchedule;
import id.satupintu.region.Mall;
import id.satupintu.region.MallCalendar;
import id.satupintu.region.Malls;
import id.satupintu.shared.MallId;
import id.satupintu.shared.ServiceId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Slots, bookings, cancellation and check-in into the queue. */
@Service
public class Appointments {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{8,15}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final int NAME_MAX = 120;
    private static final int ALTERNATIVES = 3;
    private static final int ALTERNATIVE_DAYS = 3;

    private final AppointmentStore store;
    private final Malls malls;
    private final MallCalendar calendar;
    private final Catalogue catalogue;
    private final Queue queue;
    private final NikFingerprints fingerprints;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final ProcessingLog processingLog;
    private final Clock clock;

    Appointments(AppointmentStore store, Malls malls, MallCalendar calendar, Catalogue catalogue, Queue queue,
            NikFingerprints fingerprints, ApplicationEventPublisher events, TransactionTemplate transaction,
            ProcessingLog processingLog, Clock clock) {
        this.store = store;
        this.malls = malls;
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.queue = queue;
        this.fingerprints = fingerprints;
        this.events = events;
        this.transaction = transaction;
        this.processingLog = processingLog;
        this.clock = clock;
    }

    // ---- rules

    public Map<ServiceId, BookingRules> rulesOf(MallId mall) {
        return store.rulesOf(mall);
    }

    public Optional<BookingRules> rules(MallId mall, ServiceId service) {
        return store.rules(mall, service);
    }

    @Transactional
    public void configure(MallId mall, ServiceId service, BookingRules rules) {
        catalogue.service(mall, service);
        store.saveRules(mall, service, rules);
    }

    /** Sets a service's booking rules by the mall's and service's codes; returns the service. */
    @Transactional
    public MallService configure(String mallCode, String serviceCode, BookingRules rules) {
        Mall mall = malls.getByCode(mallCode);
        MallService service = catalogue.service(mall.id(), serviceCode);
        store.saveRules(mall.id(), service.id(), rules);
        return service;
    }

    /** The mall's active services that take appointments. */
    public List<MallService> bookableServices(MallId mall) {
        Map<ServiceId, BookingRules> rules = store.rulesOf(mall);
        return catalogue.activeServices(mall).stream()
                .filter(s -> rules.containsKey(s.id()) && rules.get(s.id()).enabled())
                .toList();
    }

    // ---- slots

    /** The slots of a bookable day with their remaining seats; past slots of today are left out. */
    @Transactional(readOnly = true)
    public List<Slot> slots(Mall mall, MallService service, LocalDate date) {
        BookingRules rules = offered(mall, service);
        ZonedDateTime now = calendar.now(mall);
        requireInWindow(BookingWindow.at(now, rules), date);
        return slotsOf(mall, service, rules, calendar.on(mall, date), now);
    }

    /** Whether a date in the window has free seats, is full, or the mall is closed then. */
    public record DayAvailability(LocalDate date, DaySchedule schedule, int remaining) {
    }

    @Transactional(readOnly = true)
    public List<DayAvailability> days(Mall mall, MallService service) {
        BookingRules rules = offered(mall, service);
        ZonedDateTime now = calendar.now(mall);
        BookingWindow window = BookingWindow.at(now, rules);
        List<DayAvailability> days = new ArrayList<>();
        for (LocalDate d = window.first(); !d.isAfter(window.last()); d = d.plusDays(1)) {
            DaySchedule schedule = calendar.on(mall, d);
            int remaining = slotsOf(mall, service, rules, schedule, now).stream().mapToInt(Slot::remaining).sum();
            days.add(new DayAvailability(d, schedule, remaining));
        }
        return days;
    }

    /** The slots of a day still to come, as citizens see them. */
    private List<Slot> slotsOf(Mall mall, MallService service, BookingRules rules, DaySchedule day,
            ZonedDateTime now) {
        return seatsOf(mall, service, rules, day).stream()
                .filter(row -> row.start().isAfter(now))
                .map(SlotRow::asSlot)
                .toList();
    }

    /** The planned slots of a day with the seats and bookings written for them (the plan's seats until then). */
    private List<SlotRow> seatsOf(Mall mall, MallService service, BookingRules rules, DaySchedule day) {
        Map<Instant, AppointmentStore.SlotSeats> written = store.slots(mall.id(), service.id(), day.date());
        return SlotPlan.of(day, mall.timeZone(), rules, service.dailyQuota()).stream()
                .map(p -> {
                    AppointmentStore.SlotSeats seats = written.getOrDefault(p.start().toInstant(),
                            new AppointmentStore.SlotSeats(p.seats(), 0));
                    return new SlotRow(p.start(), p.end(), seats.seats(), seats.booked());
                })
                .toList();
    }

    // ---- booking

    /**
     * Books a seat: refused for a malformed NIK or contact, a day outside the booking window or closed, a slot that
     * does not exist or is full (with the nearest free slots), or a second active booking of the NIK for the same
     * service and day. Everything that can be checked without the seat is checked before the transaction starts;
     * inside it the seat is taken last, so the slot's row lock lasts only until the commit. A slot is never
     * overbooked: the seat update checks the count again on the locked row.
     */
    public Booking book(BookingRequest request, Appointment.Channel channel, Locale locale) {
        Mall mall = malls.getByCode(request.mallCode() == null ? "" : request.mallCode());
        MallService service = catalogue.service(mall.id(), request.serviceCode() == null ? "" : request.serviceCode());
        BookingRules rules = offered(mall, service);
        Nik nik = Nik.parse(request.nik());
        Appointment.Contact contact = contact(request);
        ZonedDateTime start = start(request.start(), mall);
        ZonedDateTime now = calendar.now(mall);
        LocalDate date = start.toLocalDate();
        requireInWindow(BookingWindow.at(now, rules), date);
        DaySchedule schedule = calendar.on(mall, date);
        if (!schedule.isOpen()) {
            throw new AppointmentError(AppointmentError.Code.DAY_CLOSED, date);
        }
        List<PlannedSlot> plan = SlotPlan.of(schedule, mall.timeZone(), rules, service.dailyQuota());
        PlannedSlot slot = plan.stream().filter(p -> p.start().toInstant().equals(start.toInstant())).findFirst()
                .orElseThrow(() -> new AppointmentError(AppointmentError.Code.NO_SUCH_SLOT, start));
        if (!slot.start().isAfter(now)) {
            throw new AppointmentError(AppointmentError.Code.OUTSIDE_BOOKING_WINDOW, date);
        }
        Appointment appointment = new Appointment(UUID.randomUUID(), BookingCode.random(), mall.id(), service.id(),
                slot.start().toInstant(), slot.end().toInstant(), date, fingerprints.of(nik), nik.masked(), contact,
                "en".equals(locale.getLanguage()) ? "en" : "id", channel, clock.instant(), AppointmentStatus.BOOKED);
        transaction.executeWithoutResult(status -> reserve(appointment, mall, service, rules, plan, slot, now));
        return new Booking(appointment, mall, service);
    }

    private void reserve(Appointment appointment, Mall mall, MallService service, BookingRules rules,
            List<PlannedSlot> plan, PlannedSlot slot, ZonedDateTime now) {
        LocalDate date = appointment.localDate();
        if (store.hasActiveBooking(mall.id(), service.id(), date, appointment.nikFingerprint())) {
            throw new AppointmentError(AppointmentError.Code.DUPLICATE_BOOKING, date);
        }
        Optional<Boolean> hasRoom = store.hasRoom(mall.id(), service.id(), appointment.start());
        if (hasRoom.isEmpty()) {
            store.materialize(mall.id(), service.id(), date, plan);
        } else if (!hasRoom.get()) {
            throw slotFull(mall, service, rules, slot, now);
        }
        try {
            store.insert(appointment);
        } catch (DuplicateKeyException e) {
            // The same NIK booked the same day in a concurrent request that committed first.
            throw new AppointmentError(AppointmentError.Code.DUPLICATE_BOOKING, date);
        }
        events.publishEvent(new AppointmentBooked(appointment.id()));
        if (store.takeSeat(mall.id(), service.id(), appointment.start()) != AppointmentStore.SeatResult.TAKEN) {
            throw slotFull(mall, service, rules, slot, now);
        }
    }

    private AppointmentError slotFull(Mall mall, MallService service, BookingRules rules, PlannedSlot slot,
            ZonedDateTime now) {
        List<Slot> nearest = nearestFree(mall, service, rules, slot.start(), now);
        AppointmentError error = nearest.isEmpty()
                ? new AppointmentError(AppointmentError.Code.SLOT_FULL, slot.start())
                : AppointmentError.withMessage(AppointmentError.Code.SLOT_FULL, "error.SLOT_FULL.alternatives",
                        slot.start(),
                        nearest.getFirst().start().atZoneSameInstant(mall.timeZone()));
        error.with("alternatives", nearest);
        return error;
    }

    /** Free slots closest in time to the one asked for: of the same day and the next bookable days. */
    List<Slot> nearestFree(Mall mall, MallService service, BookingRules rules, ZonedDateTime wanted,
            ZonedDateTime now) {
        BookingWindow window = BookingWindow.at(now, rules);
        List<Slot> free = new ArrayList<>();
        LocalDate date = wanted.toLocalDate();
        for (int days = 0; days < ALTERNATIVE_DAYS && !date.isAfter(window.last()); days++, date = date.plusDays(1)) {
            if (window.contains(date)) {
                slotsOf(mall, service, rules, calendar.on(mall, date), now).stream().filter(s -> !s.noneLeft()).forEach(free::add);
            }
            if (free.size() >= ALTERNATIVES) {
                break;
            }
        }
        return free.stream()
                .sorted(Comparator.comparing(s -> Duration.between(wanted.toInstant(), s.start().toInstant()).abs()))
                .limit(ALTERNATIVES)
                .sorted(Comparator.comparing(Slot::start))
                .toList();
    }

    private static Appointment.Contact contact(BookingRequest request) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > NAME_MAX || name.chars().anyMatch(Character::isISOControl)) {
            throw AppointmentError.invalidBooking("name");
        }
        String phone = request.phone() == null ? "" : request.phone().replaceAll("[\\s().-]", "");
        if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            throw AppointmentError.invalidBooking("phone");
        }
        String email = request.email() == null ? "" : request.email().strip();
        if (!email.isEmpty() && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            throw AppointmentError.invalidBooking("email");
        }
        if (phone.isEmpty() && email.isEmpty()) {
            throw AppointmentError.invalidBooking("contact");
        }
        return new Appointment.Contact(name, phone.isEmpty() ? null : phone, email.isEmpty() ? null : email);
    }

    /** The slot's start as sent: with its offset, or a local time read in the mall's zone. */
    private static ZonedDateTime start(String text, Mall mall) {
        if (text == null || text.isBlank()) {
            throw AppointmentError.invalidBooking("start");
        }
        try {
            return OffsetDateTime.parse(text.strip()).atZoneSameInstant(mall.timeZone());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text.strip()).atZone(mall.timeZone());
            } catch (DateTimeParseException e) {
                throw AppointmentError.invalidBooking("start");
            }
        }
    }

    private BookingRules offered(Mall mall, MallService service) {
        return store.rules(mall.id(), service.id())
                .filter(rules -> rules.enabled() && service.active())
                .orElseThrow(() -> new AppointmentError(AppointmentError.Code.APPOINTMENTS_NOT_OFFERED,
                        service.code()));
    }

    private static void requireInWindow(BookingWindow window, LocalDate date) {
        if (!window.contains(date)) {
            AppointmentError error = new AppointmentError(AppointmentError.Code.OUTSIDE_BOOKING_WINDOW, date);
            error.with("firstDate", window.first().toString());
            error.with("lastDate", window.last().toString());
            throw error;
        }
    }

    // ---- a booking's life

    @Transactional(readOnly = true)
    public Booking find(BookingCode code) {
        return booking(store.byCode(code, false)
                .orElseThrow(() -> new AppointmentError(AppointmentError.Code.BOOKING_NOT_FOUND)));
    }

    @Transactional(readOnly = true)
    public Booking find(UUID id) {
        return booking(store.byId(id).orElseThrow(() -> new AppointmentError(AppointmentError.Code.BOOKING_NOT_FOUND)));
    }

    /** How many bookings for a mall's day stand in each status (a status with none is left out). */
    @Transactional(readOnly = true)
    public Map<AppointmentStatus, Integer> statusCounts(MallId mall, LocalDate day) {
        return store.statusCounts(mall, day);
    }

    private Booking booking(Appointment appointment) {
        Mall mall = malls.get(appointment.mallId());
        return new Booking(appointment, mall, catalogue.service(mall.id(), appointment.serviceId()));
    }

    /** Cancels a booking and frees its seat at once; cancelling twice changes nothing. */
    @Transactional
    public Booking cancel(BookingCode code) {
        Appointment appointment = store.byCode(code, true)
                .orElseThrow(() -> new AppointmentError(AppointmentError.Code.BOOKING_NOT_FOUND));
        if (appointment.status() == AppointmentStatus.CANCELLED) {
            return booking(appointment);
        }
        cancel(appointment, Appointment.CancelReason.CITIZEN);
        return booking(appointment);
    }

    private void cancel(Appointment appointment, Appointment.CancelReason reason) {
        appointment.cancel(clock.instant(), reason);
        store.update(appointment);
        store.releaseSeat(appointment.mallId(), appointment.serviceId(), appointment.start());
        events.publishEvent(new AppointmentCancelled(appointment.id()));
    }

    /** The ticket a check-in gave, and whether this call made it (a repeated check-in returns the same ticket). */
    public record CheckIn(Booking booking, TicketView ticket, boolean created) {
    }

    /**
     * Checks a booking in at a mall's kiosk (or through the API, {@code atMall} null): within the window around the
     * booked time it becomes a ticket in the queue, standing as if it had arrived at the booked time.
     */
    @Transactional
    public CheckIn checkIn(BookingCode code, String atMall, Locale locale) {
        Appointment appointment = store.byCode(code, true)
                .orElseThrow(() -> new AppointmentError(AppointmentError.Code.BOOKING_NOT_FOUND));
        Booking booking = booking(appointment);
        Mall mall = booking.mall();
        if (atMall != null && !atMall.equals(mall.code())) {
            throw new AppointmentError(AppointmentError.Code.WRONG_MALL, mall.name());
        }
        if (appointment.status() == AppointmentStatus.CHECKED_IN) {
            return new CheckIn(booking, queue.view(TicketId.parse(appointment.ticketId()), locale), false);
        }
        BookingRules rules = store.rules(mall.id(), appointment.serviceId()).orElseGet(BookingRules::defaults);
        try {
            appointment.requireCheckInOpen(clock.instant(), rules.checkInBefore(), rules.checkInAfter(),
                    mall.timeZone());
        } catch (AppointmentError e) {
            if (e.appointmentCode() == AppointmentError.Code.CHECK_IN_TOO_LATE) {
                e.with("serviceCode", booking.service().code());
            }
            throw e;
        }
        TicketView ticket = queue.admitBooked(mall.id(), appointment.serviceId(), appointment.start(), locale);
        appointment.checkedIn(clock.instant(), ticket.id());
        store.update(appointment);
        events.publishEvent(new AppointmentCheckedIn(appointment.id()));
        return new CheckIn(booking, ticket, true);
    }

    // ---- the mall's side

    /** A day's slots and bookings of one service, for the manager. */
    public record ServiceDay(MallService service, BookingRules rules, List<SlotRow> slots,
            List<Appointment> bookings) {
    }

    /** A slot as the manager sees it: its seats and how many are booked. */
    public record SlotRow(ZonedDateTime start, ZonedDateTime end, int seats, int booked) {

        Slot asSlot() {
            return new Slot(start.toOffsetDateTime(), end.toOffsetDateTime(), seats, Math.max(0, seats - booked));
        }
    }

    /**
     * The day's slots and bookings for a member of staff. The bookings carry the bookers' names and masked NIKs, so
     * showing them is written to the processing log in the same transaction.
     */
    @Transactional
    public List<ServiceDay> day(Mall mall, LocalDate date, StaffPrincipal reader) {
        DaySchedule schedule = calendar.on(mall, date);
        Map<ServiceId, BookingRules> rules = store.rulesOf(mall.id());
        List<Appointment> bookings = store.onDay(mall.id(), date);
        List<ServiceDay> result = new ArrayList<>();
        for (MallService service : catalogue.services(mall.id())) {
            BookingRules serviceRules = rules.get(service.id());
            if (serviceRules == null || !serviceRules.enabled()) {
                continue;
            }
            result.add(new ServiceDay(service, serviceRules, seatsOf(mall, service, serviceRules, schedule),
                    bookings.stream().filter(b -> b.serviceId().equals(service.id())).toList()));
        }
        int shown = result.stream().mapToInt(d -> d.bookings().size()).sum();
        if (shown > 0) {
            processingLog.record(new ProcessingLog.Processing(
                    new ProcessingLog.Actor(ProcessingLog.ActorKind.STAFF, reader.username(), reader.displayName()),
                    null, ProcessingLog.Purpose.APPOINTMENT_HANDLING,
                    "names of %d bookings at %s on %s".formatted(shown, mall.code(), date)));
        }
        return result;
    }

    /** Changes the seats of one slot; never below the bookings it already holds. */
    @Transactional
    public void setSeats(Mall mall, MallService service, Instant start, int seats) {
        if (seats < 0 || seats > 1000) {
            throw AppointmentError.invalidRules("seatsPerSlot");
        }
        BookingRules rules = offered(mall, service);
        LocalDate date = start.atZone(mall.timeZone()).toLocalDate();
        List<PlannedSlot> plan = SlotPlan.of(calendar.on(mall, date), mall.timeZone(), rules, service.dailyQuota());
        if (plan.stream().noneMatch(p -> p.start().toInstant().equals(start))) {
            throw new AppointmentError(AppointmentError.Code.NO_SUCH_SLOT, start.atZone(mall.timeZone()));
        }
        store.materialize(mall.id(), service.id(), date, plan);
        if (!store.setSeats(mall.id(), service.id(), start, seats)) {
            throw new AppointmentError(AppointmentError.Code.SEATS_BELOW_BOOKED);
        }
    }

    /**
     * Closes the mall on a day for an emergency: the day becomes a closure in the mall's calendar (no walk-ins, no
     * new bookings) and every booking of the day is cancelled, each citizen told. Returns how many were cancelled.
     */
    @Transactional
    public int closeDay(Mall mall, LocalDate date, String reason) {
        String name = reason == null ? "" : reason.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw AppointmentError.invalidBooking("reason");
        }
        if (date.isBefore(calendar.now(mall).toLocalDate())) {
            throw new AppointmentError(AppointmentError.Code.OUTSIDE_BOOKING_WINDOW, date);
        }
        malls.putDayOverride(mall.id(), new DayOverride(date, false, name));
        List<Appointment> booked = store.bookedOnForUpdate(mall.id(), date);
        booked.forEach(a -> cancel(a, Appointment.CancelReason.MALL_CLOSURE));
        return booked.size();
    }
}
