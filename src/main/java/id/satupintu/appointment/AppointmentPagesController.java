package id.satupintu.appointment;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.identity.InvalidNikException;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import id.satupintu.shared.DomainException;
import id.satupintu.shared.QrCodes;
import id.satupintu.shared.web.LimitedPublicWrite;
import id.satupintu.shared.web.ProblemFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The citizen's booking pages, the booking's own page, and check-in at the mall's kiosk. */
@Controller
class AppointmentPagesController {

    private final Appointments appointments;
    private final Malls malls;
    private final Catalogue catalogue;
    private final ProblemFactory problems;
    private final CalendarFiles calendarFiles;

    AppointmentPagesController(Appointments appointments, Malls malls, Catalogue catalogue, ProblemFactory problems,
            CalendarFiles calendarFiles) {
        this.appointments = appointments;
        this.malls = malls;
        this.catalogue = catalogue;
        this.problems = problems;
        this.calendarFiles = calendarFiles;
    }

    @GetMapping("/malls/{mallCode}/appointments")
    String services(@PathVariable String mallCode, Model model) {
        Mall mall = malls.getByCode(mallCode);
        model.addAttribute("mall", mall);
        model.addAttribute("services", appointments.bookableServices(mall.id()));
        return "appointment/services";
    }

    /** What the booking form holds between tries, so that an error keeps what the citizen typed. */
    record BookingForm(String start, String nik, String name, String phone, String email) {
        static final BookingForm EMPTY = new BookingForm(null, null, null, null, null);
    }

    @GetMapping("/malls/{mallCode}/appointments/{serviceCode}")
    String book(@PathVariable String mallCode, @PathVariable String serviceCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        Mall mall = malls.getByCode(mallCode);
        MallService service = catalogue.service(mall.id(), serviceCode);
        return bookingPage(mall, service, date, BookingForm.EMPTY, model);
    }

    @PostMapping("/malls/{mallCode}/appointments/{serviceCode}")
    @LimitedPublicWrite
    String submit(@PathVariable String mallCode, @PathVariable String serviceCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String start, @RequestParam(required = false) String nik,
            @RequestParam(required = false) String name, @RequestParam(required = false) String phone,
            @RequestParam(required = false) String email, Model model, Locale locale) {
        Mall mall = malls.getByCode(mallCode);
        MallService service = catalogue.service(mall.id(), serviceCode);
        BookingForm form = new BookingForm(start, nik, name, phone, email);
        try {
            Booking booking = appointments.book(new BookingRequest(mall.code(), service.code(), start, nik, name,
                    phone, email), Appointment.Channel.WEB, locale);
            return "redirect:/appointments/" + booking.code().value() + "?booked";
        } catch (AppointmentError | InvalidNikException e) {
            model.addAttribute("error", problems.detail(e, locale));
            model.addAttribute("errorField", field(e));
            if (e instanceof AppointmentError full && full.appointmentCode() == AppointmentError.Code.SLOT_FULL) {
                model.addAttribute("alternatives", full.properties().get("alternatives"));
            }
            return bookingPage(mall, service, date, form, model);
        }
    }

    private static String field(DomainException e) {
        if (e instanceof InvalidNikException) {
            return "nik";
        }
        Object field = e.properties().get("field");
        return field == null ? "start" : field.toString();
    }

    private String bookingPage(Mall mall, MallService service, LocalDate date, BookingForm form, Model model) {
        List<Appointments.DayAvailability> days = appointments.days(mall, service);
        // The day asked for (the form posts back to its own day), else the first day with a free seat.
        LocalDate chosen = days.stream().map(Appointments.DayAvailability::date).filter(d -> d.equals(date))
                .findFirst()
                .orElseGet(() -> days.stream().filter(d -> d.remaining() > 0).map(Appointments.DayAvailability::date)
                        .findFirst().orElse(null));
        model.addAttribute("mall", mall);
        model.addAttribute("service", service);
        model.addAttribute("agency", catalogue.agency(mall.id(), service.agencyId()));
        model.addAttribute("days", days);
        model.addAttribute("date", chosen);
        model.addAttribute("slots", chosen == null ? List.of() : appointments.slots(mall, service, chosen));
        model.addAttribute("form", form);
        return "appointment/book";
    }

    @GetMapping("/appointments")
    String lookup(@RequestParam(required = false) String code, Model model, Locale locale) {
        if (code == null || code.isBlank()) {
            return "appointment/lookup";
        }
        try {
            return "redirect:/appointments/" + appointments.find(BookingCode.parse(code)).code().value();
        } catch (AppointmentError e) {
            model.addAttribute("error", problems.detail(e, locale));
            model.addAttribute("code", code);
            return "appointment/lookup";
        }
    }

    @GetMapping("/appointments/{code}")
    String booking(@PathVariable String code, Model model) {
        Booking booking = appointments.find(BookingCode.parse(code));
        String url = pageUrl(booking);
        model.addAttribute("booking", booking);
        model.addAttribute("mall", booking.mall());
        model.addAttribute("rules", appointments.rules(booking.mall().id(), booking.service().id())
                .orElseGet(BookingRules::defaults));
        model.addAttribute("qr", QrCodes.svg(booking.code().value(), booking.code().display()));
        model.addAttribute("url", url);
        return "appointment/booking";
    }

    @PostMapping("/appointments/{code}/cancel")
    @LimitedPublicWrite
    String cancel(@PathVariable String code) {
        Booking booking = appointments.cancel(BookingCode.parse(code));
        return "redirect:/appointments/" + booking.code().value() + "?cancelled";
    }

    @GetMapping("/appointments/{code}/calendar.ics")
    ResponseEntity<byte[]> calendar(@PathVariable String code, Locale locale) {
        Booking booking = appointments.find(BookingCode.parse(code));
        String url = pageUrl(booking);
        String ics = calendarFiles.of(booking, url, locale);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(calendarFiles.fileName(booking)).build().toString())
                .body(ics.getBytes(StandardCharsets.UTF_8));
    }

    /** The booking's own page, as the citizen reaches this instance. */
    private static String pageUrl(Booking booking) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/appointments/{c}")
                .buildAndExpand(booking.code().value()).toUriString();
    }

    // ---- kiosk check-in

    @GetMapping("/kiosk/{mallCode}/check-in")
    String checkInForm(@PathVariable String mallCode, Model model) {
        model.addAttribute("mall", malls.getByCode(mallCode));
        return "appointment/kiosk-check-in";
    }

    @PostMapping("/kiosk/{mallCode}/check-in")
    String checkIn(@PathVariable String mallCode, @RequestParam(required = false) String code, Model model,
            Locale locale) {
        Mall mall = malls.getByCode(mallCode);
        try {
            Appointments.CheckIn checkIn = appointments.checkIn(BookingCode.parse(code), mall.code(), locale);
            return "redirect:/kiosk/" + mall.code() + "/tickets/" + checkIn.ticket().id();
        } catch (DomainException e) {
            model.addAttribute("mall", mall);
            model.addAttribute("error", problems.detail(e, locale));
            model.addAttribute("code", code);
            if (e instanceof AppointmentError late && late.appointmentCode() == AppointmentError.Code.CHECK_IN_TOO_LATE) {
                model.addAttribute("walkInService", late.properties().get("serviceCode"));
            }
            return "appointment/kiosk-check-in";
        }
    }
}
