package id.satupintu.appointment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.identity.StaffPrincipal;
import id.satupintu.region.Mall;
import id.satupintu.region.MallCalendar;
import id.satupintu.region.Malls;
import id.satupintu.shared.web.ProblemFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The manager's view of a day's bookings: seats per slot, who booked, and closing the day in an emergency. */
@Controller
class ManageAppointmentsController {

    private final Appointments appointments;
    private final Malls malls;
    private final MallCalendar calendar;
    private final Catalogue catalogue;
    private final ProblemFactory problems;

    ManageAppointmentsController(Appointments appointments, Malls malls, MallCalendar calendar, Catalogue catalogue,
            ProblemFactory problems) {
        this.appointments = appointments;
        this.malls = malls;
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.problems = problems;
    }

    @GetMapping("/manage/{mallCode}/appointments")
    String day(@PathVariable String mallCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        Mall mall = managedMall(mallCode);
        LocalDate day = date != null ? date : calendar.now(mall).toLocalDate().plusDays(1);
        model.addAttribute("mall", mall);
        model.addAttribute("date", day);
        model.addAttribute("schedule", calendar.on(mall, day));
        model.addAttribute("services", appointments.day(mall, day, StaffPrincipal.requireCurrent()));
        model.addAttribute("allServices", catalogue.services(mall.id()));
        model.addAttribute("rules", appointments.rulesOf(mall.id()));
        return "appointment/manage-day";
    }

    @PostMapping("/manage/{mallCode}/appointments/seats")
    String seats(@PathVariable String mallCode, @RequestParam String serviceCode, @RequestParam Instant start,
            @RequestParam int seats, RedirectAttributes redirect, Locale locale) {
        Mall mall = managedMall(mallCode);
        LocalDate day = start.atZone(mall.timeZone()).toLocalDate();
        try {
            appointments.setSeats(mall, catalogue.service(mall.id(), serviceCode), start, seats);
            redirect.addFlashAttribute("saved", true);
        } catch (AppointmentError e) {
            redirect.addFlashAttribute("error", problems.detail(e, locale));
        }
        return "redirect:/manage/" + mall.code() + "/appointments?date=" + day;
    }

    @PostMapping("/manage/{mallCode}/appointments/close-day")
    String closeDay(@PathVariable String mallCode,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        Mall mall = managedMall(mallCode);
        try {
            redirect.addFlashAttribute("closed", appointments.closeDay(mall, date, reason));
        } catch (AppointmentError e) {
            redirect.addFlashAttribute("error", problems.detail(e, locale));
        }
        return "redirect:/manage/" + mall.code() + "/appointments?date=" + date;
    }

    /** The booking rules form: what the manager types, kept as text so that a mistake can be shown and fixed. */
    record RulesForm(boolean enabled, String slotMinutes, String seatsPerSlot, String walkInSharePercent,
            String bookFromDays, String bookToDays, String dayOpensAt, String checkInBefore, String checkInAfter) {

        static RulesForm of(BookingRules rules) {
            return new RulesForm(rules.enabled(), Integer.toString(rules.slotMinutes()),
                    Integer.toString(rules.seatsPerSlot()), Integer.toString(rules.walkInSharePercent()),
                    Integer.toString(rules.bookFromDays()), Integer.toString(rules.bookToDays()),
                    rules.dayOpensAt().toString(), Long.toString(rules.checkInBefore().toMinutes()),
                    Long.toString(rules.checkInAfter().toMinutes()));
        }

        BookingRules toRules() {
            return new BookingRules(enabled, number("slotMinutes", slotMinutes), number("seatsPerSlot", seatsPerSlot),
                    number("walkInSharePercent", walkInSharePercent), number("bookFromDays", bookFromDays),
                    number("bookToDays", bookToDays), time(dayOpensAt),
                    Duration.ofMinutes(number("checkInBefore", checkInBefore)),
                    Duration.ofMinutes(number("checkInAfter", checkInAfter)));
        }

        private static int number(String field, String text) {
            try {
                return Integer.parseInt(text == null ? "" : text.strip());
            } catch (NumberFormatException e) {
                throw AppointmentError.invalidRules(field);
            }
        }

        private static LocalTime time(String text) {
            try {
                return LocalTime.parse(text == null ? "" : text.strip());
            } catch (DateTimeParseException e) {
                throw AppointmentError.invalidRules("dayOpensAt");
            }
        }
    }

    @GetMapping("/manage/{mallCode}/appointments/rules/{serviceCode}")
    String rules(@PathVariable String mallCode, @PathVariable String serviceCode, Model model) {
        Mall mall = managedMall(mallCode);
        MallService service = catalogue.service(mall.id(), serviceCode);
        BookingRules rules = appointments.rules(mall.id(), service.id())
                .orElseGet(() -> BookingRules.defaults().withEnabled(false));
        return rulesPage(mall, service, RulesForm.of(rules), null, null, model);
    }

    @PostMapping("/manage/{mallCode}/appointments/rules/{serviceCode}")
    String saveRules(@PathVariable String mallCode, @PathVariable String serviceCode, RulesForm form, Model model,
            RedirectAttributes redirect, Locale locale) {
        Mall mall = managedMall(mallCode);
        MallService service = catalogue.service(mall.id(), serviceCode);
        try {
            appointments.configure(mall.id(), service.id(), form.toRules());
            redirect.addFlashAttribute("rulesSaved", service.name().in(locale));
            return "redirect:/manage/" + mall.code() + "/appointments";
        } catch (AppointmentError e) {
            return rulesPage(mall, service, form, problems.detail(e, locale), (String) e.properties().get("field"),
                    model);
        }
    }

    private String rulesPage(Mall mall, MallService service, RulesForm form, String error,
            String errorField, Model model) {
        model.addAttribute("mall", mall);
        model.addAttribute("service", service);
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("errorField", errorField);
        return "appointment/manage-rules";
    }

    private Mall managedMall(String mallCode) {
        Mall mall = malls.getByCode(mallCode);
        StaffPrincipal.requireCurrent().requireManagerOf(mall.id());
        return mall;
    }
}
