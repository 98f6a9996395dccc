package id.satupintu.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import id.satupintu.catalogue.Catalogue;
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
        model.addAttribute("services", appointments.day(mall, day));
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

    private Mall managedMall(String mallCode) {
        Mall mall = malls.getByCode(mallCode);
        StaffPrincipal.requireCurrent().requireManagerOf(mall.id());
        return mall;
    }
}
