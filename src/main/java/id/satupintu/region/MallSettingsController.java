package id.satupintu.region;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import id.satupintu.identity.StaffPrincipal;
import id.satupintu.shared.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The mall manager's forms for weekly hours and the mall's own days off. */
@Controller
class MallSettingsController {

    private final Malls malls;
    private final MallCalendar calendar;

    MallSettingsController(Malls malls, MallCalendar calendar) {
        this.malls = malls;
        this.calendar = calendar;
    }

    @GetMapping("/manage/{mallCode}/hours")
    String hours(@PathVariable String mallCode, Model model) {
        Mall mall = managedMall(mallCode);
        HoursForm form = new HoursForm();
        for (OpeningHours day : malls.weeklyHours(mall.id())) {
            form.getDays().set(day.day().getValue() - 1, DayForm.of(day));
        }
        form.setOpenOnCollectiveLeave(mall.openOnCollectiveLeave());
        return hoursPage(mall, form, model);
    }

    @PostMapping("/manage/{mallCode}/hours")
    String saveHours(@PathVariable String mallCode, @ModelAttribute("form") HoursForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        Mall mall = managedMall(mallCode);
        if (binding.hasErrors()) {
            return hoursPage(mall, form, model);
        }
        List<OpeningHours> hours = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            DayForm day = form.getDays().get(i);
            if (day.isOpen()) {
                try {
                    hours.add(new OpeningHours(DayOfWeek.of(i + 1), day.getOpens(), day.getCloses(),
                            day.getBreakStart(), day.getBreakEnd()));
                } catch (DomainException e) {
                    binding.rejectValue("days[" + i + "]", e.messageKey());
                }
            }
        }
        if (binding.hasErrors()) {
            return hoursPage(mall, form, model);
        }
        malls.replaceHours(mall.id(), hours);
        malls.setOpenOnCollectiveLeave(mall.id(), form.isOpenOnCollectiveLeave());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/manage/" + mall.code() + "/hours";
    }

    @GetMapping("/manage/{mallCode}/days")
    String days(@PathVariable String mallCode, Model model) {
        Mall mall = managedMall(mallCode);
        return daysPage(mall, new DayOffForm(), model);
    }

    @PostMapping("/manage/{mallCode}/days")
    String addDay(@PathVariable String mallCode, @Valid @ModelAttribute("form") DayOffForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        Mall mall = managedMall(mallCode);
        if (form.getDate() != null && form.getDate().isBefore(calendar.now(mall).toLocalDate())) {
            binding.rejectValue("date", "validation.date.past");
        }
        if (binding.hasErrors()) {
            return daysPage(mall, form, model);
        }
        malls.putDayOverride(mall.id(), new DayOverride(form.getDate(), form.isOpen(), form.getName().strip()));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/manage/" + mall.code() + "/days";
    }

    @PostMapping("/manage/{mallCode}/days/delete")
    String removeDay(@PathVariable String mallCode,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, RedirectAttributes redirect) {
        Mall mall = managedMall(mallCode);
        malls.removeDayOverride(mall.id(), date);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/manage/" + mall.code() + "/days";
    }

    private Mall managedMall(String mallCode) {
        Mall mall = malls.getByCode(mallCode);
        StaffPrincipal.requireCurrent().requireManagerOf(mall.id());
        return mall;
    }

    private String hoursPage(Mall mall, HoursForm form, Model model) {
        model.addAttribute("mall", mall);
        model.addAttribute("form", form);
        model.addAttribute("weekdays", DayOfWeek.values());
        return "region/hours";
    }

    private String daysPage(Mall mall, DayOffForm form, Model model) {
        LocalDate today = calendar.now(mall).toLocalDate();
        model.addAttribute("mall", mall);
        model.addAttribute("form", form);
        model.addAttribute("overrides", malls.dayOverrides(mall.id(), today));
        model.addAttribute("holidays", malls.nationalHolidays(today, today.plusYears(1)));
        return "region/days";
    }

    /** The weekly hours form: seven rows, Monday first. */
    public static class HoursForm {
        private List<DayForm> days = new ArrayList<>(List.of(new DayForm(), new DayForm(), new DayForm(),
                new DayForm(), new DayForm(), new DayForm(), new DayForm()));
        private boolean openOnCollectiveLeave;

        public List<DayForm> getDays() {
            return days;
        }

        public void setDays(List<DayForm> days) {
            this.days = days;
        }

        public boolean isOpenOnCollectiveLeave() {
            return openOnCollectiveLeave;
        }

        public void setOpenOnCollectiveLeave(boolean openOnCollectiveLeave) {
            this.openOnCollectiveLeave = openOnCollectiveLeave;
        }
    }

    public static class DayForm {
        private boolean open;
        @DateTimeFormat(pattern = "HH:mm")
        private LocalTime opens;
        @DateTimeFormat(pattern = "HH:mm")
        private LocalTime closes;
        @DateTimeFormat(pattern = "HH:mm")
        private LocalTime breakStart;
        @DateTimeFormat(pattern = "HH:mm")
        private LocalTime breakEnd;

        static DayForm of(OpeningHours hours) {
            DayForm form = new DayForm();
            form.open = true;
            form.opens = hours.opens();
            form.closes = hours.closes();
            form.breakStart = hours.breakStart();
            form.breakEnd = hours.breakEnd();
            return form;
        }

        public boolean isOpen() {
            return open;
        }

        public void setOpen(boolean open) {
            this.open = open;
        }

        public LocalTime getOpens() {
            return opens;
        }

        public void setOpens(LocalTime opens) {
            this.opens = opens;
        }

        public LocalTime getCloses() {
            return closes;
        }

        public void setCloses(LocalTime closes) {
            this.closes = closes;
        }

        public LocalTime getBreakStart() {
            return breakStart;
        }

        public void setBreakStart(LocalTime breakStart) {
            this.breakStart = breakStart;
        }

        public LocalTime getBreakEnd() {
            return breakEnd;
        }

        public void setBreakEnd(LocalTime breakEnd) {
            this.breakEnd = breakEnd;
        }
    }

    public static class DayOffForm {
        @NotNull
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate date;
        private boolean open;
        @NotBlank
        @Size(max = 200)
        private String name;

        public LocalDate getDate() {
            return date;
        }

        public void setDate(LocalDate date) {
            this.date = date;
        }

        public boolean isOpen() {
            return open;
        }

        public void setOpen(boolean open) {
            this.open = open;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }
}
