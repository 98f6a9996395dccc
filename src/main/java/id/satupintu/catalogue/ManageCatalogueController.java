package id.satupintu.catalogue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.satupintu.identity.StaffPrincipal;
import id.satupintu.identity.StaffRole;
import id.satupintu.region.Mall;
import id.satupintu.region.MallCalendar;
import id.satupintu.region.Malls;
import id.satupintu.shared.AgencyId;
import id.satupintu.shared.CounterId;
import id.satupintu.shared.DomainException;
import id.satupintu.shared.LocalizedText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The mall manager's workplace: agencies, services with their standard and settings, and counters. */
@Controller
class ManageCatalogueController {

    private final Malls malls;
    private final MallCalendar calendar;
    private final Catalogue catalogue;

    ManageCatalogueController(Malls malls, MallCalendar calendar, Catalogue catalogue) {
        this.malls = malls;
        this.calendar = calendar;
        this.catalogue = catalogue;
    }

    @GetMapping("/manage")
    String start(Model model) {
        StaffPrincipal staff = StaffPrincipal.requireCurrent();
        if (staff.role() == StaffRole.MALL_MANAGER) {
            return "redirect:/manage/" + malls.get(staff.mallId()).code();
        }
        model.addAttribute("malls", malls.all());
        return "catalogue/manage-malls";
    }

    @GetMapping("/manage/{mallCode}")
    String mall(@PathVariable String mallCode, Model model) {
        Mall mall = managedMall(mallCode);
        List<Agency> agencies = catalogue.agencies(mall.id());
        model.addAttribute("mall", mall);
        model.addAttribute("today", calendar.today(mall));
        model.addAttribute("agencies", agencies);
        model.addAttribute("agencyById", agencies.stream().collect(Collectors.toMap(Agency::id, Function.identity())));
        model.addAttribute("services", catalogue.services(mall.id()));
        model.addAttribute("counters", catalogue.counters(mall.id()));
        model.addAttribute("agencyForm", new AgencyForm(null, null, null, null));
        return "catalogue/manage-mall";
    }

    // ---- services

    @GetMapping("/manage/{mallCode}/services/new")
    String newService(@PathVariable String mallCode, @RequestParam(required = false) String agency, Model model) {
        Mall mall = managedMall(mallCode);
        return servicePage(mall, ServiceDraft.blank(agency), null, model);
    }

    @PostMapping("/manage/{mallCode}/services/new")
    String createService(@PathVariable String mallCode, @Valid @ModelAttribute("form") ServiceDraft form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        Mall mall = managedMall(mallCode);
        if (!binding.hasErrors()) {
            try {
                catalogue.createService(mall.id(), form);
                redirect.addFlashAttribute("saved", form.nameId());
                return "redirect:/manage/" + mall.code();
            } catch (DomainException e) {
                binding.reject(e.messageKey(), e.args(), null);
            }
        }
        return servicePage(mall, form, null, model);
    }

    @GetMapping("/manage/{mallCode}/services/{serviceCode}")
    String editService(@PathVariable String mallCode, @PathVariable String serviceCode, Model model) {
        Mall mall = managedMall(mallCode);
        MallService service = catalogue.service(mall.id(), serviceCode);
        String agencyCode = agencyCode(mall, service.agencyId());
        return servicePage(mall, ServiceDraft.of(service, agencyCode), service, model);
    }

    @PostMapping("/manage/{mallCode}/services/{serviceCode}")
    String updateService(@PathVariable String mallCode, @PathVariable String serviceCode,
            @Valid @ModelAttribute("form") ServiceDraft form, BindingResult binding,
            @RequestParam(required = false) Integer version, Model model, RedirectAttributes redirect) {
        Mall mall = managedMall(mallCode);
        MallService current = catalogue.service(mall.id(), serviceCode);
        if (!binding.hasErrors()) {
            try {
                catalogue.updateService(mall.id(), serviceCode, form, version);
                redirect.addFlashAttribute("saved", form.nameId());
                return "redirect:/manage/" + mall.code();
            } catch (DomainException e) {
                binding.reject(e.messageKey(), e.args(), null);
            }
        }
        return servicePage(mall, form, current, model);
    }

    private String servicePage(Mall mall, ServiceDraft form, MallService existing, Model model) {
        model.addAttribute("mall", mall);
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("agencies", catalogue.agencies(mall.id()));
        return "catalogue/manage-service";
    }

    // ---- agencies

    record AgencyForm(
            @NotBlank @Size(max = 20) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "{validation.code}") String code,
            @NotBlank @Size(max = 200) String nameId,
            @NotBlank @Size(max = 200) String nameEn,
            Integer sortOrder) {
    }

    @PostMapping("/manage/{mallCode}/agencies")
    String createAgency(@PathVariable String mallCode, @Valid @ModelAttribute("agencyForm") AgencyForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        Mall mall = managedMall(mallCode);
        if (!binding.hasErrors()) {
            try {
                catalogue.createAgency(mall.id(), form.code(), new LocalizedText(form.nameId(), form.nameEn()),
                        form.sortOrder() == null ? 100 : form.sortOrder());
                redirect.addFlashAttribute("saved", form.code());
                return "redirect:/manage/" + mall.code();
            } catch (DomainException e) {
                binding.reject(e.messageKey(), e.args(), null);
            }
        }
        mall(mallCode, model);
        model.addAttribute("agencyForm", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "agencyForm", binding);
        model.addAttribute("agencyFormOpen", true);
        return "catalogue/manage-mall";
    }

    @GetMapping("/manage/{mallCode}/agencies/{agencyCode}")
    String editAgency(@PathVariable String mallCode, @PathVariable String agencyCode, Model model) {
        Mall mall = managedMall(mallCode);
        Agency agency = catalogue.agency(mall.id(), agencyCode);
        model.addAttribute("mall", mall);
        model.addAttribute("agency", agency);
        model.addAttribute("agencyForm",
                new AgencyForm(agency.code(), agency.name().id(), agency.name().en(), agency.sortOrder()));
        return "catalogue/manage-agency";
    }

    @PostMapping("/manage/{mallCode}/agencies/{agencyCode}")
    String updateAgency(@PathVariable String mallCode, @PathVariable String agencyCode,
            @Valid @ModelAttribute("agencyForm") AgencyForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        Mall mall = managedMall(mallCode);
        Agency agency = catalogue.agency(mall.id(), agencyCode);
        if (binding.hasErrors()) {
            model.addAttribute("mall", mall);
            model.addAttribute("agency", agency);
            return "catalogue/manage-agency";
        }
        catalogue.renameAgency(mall.id(), agencyCode, new LocalizedText(form.nameId(), form.nameEn()),
                form.sortOrder() == null ? agency.sortOrder() : form.sortOrder());
        redirect.addFlashAttribute("saved", agencyCode);
        return "redirect:/manage/" + mall.code();
    }

    // ---- counters

    record CounterForm(@NotBlank @Size(max = 20) String agencyCode, @NotBlank @Size(max = 60) String name,
            List<String> services) {
        // Public: the counter page's template calls it.
        public List<String> serviceCodes() {
            return services == null ? List.of() : services;
        }
    }

    @GetMapping("/manage/{mallCode}/counters/new")
    String newCounter(@PathVariable String mallCode, @RequestParam String agency, Model model) {
        Mall mall = managedMall(mallCode);
        return counterPage(mall, catalogue.agency(mall.id(), agency), new CounterForm(agency, null, List.of()), null,
                model);
    }

    @PostMapping("/manage/{mallCode}/counters/new")
    String createCounter(@PathVariable String mallCode, @Valid @ModelAttribute("form") CounterForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        Mall mall = managedMall(mallCode);
        Agency agency = catalogue.agency(mall.id(), form.agencyCode());
        if (!binding.hasErrors()) {
            try {
                catalogue.createCounter(mall.id(), agency.code(), form.name(), form.serviceCodes());
                redirect.addFlashAttribute("saved", form.name());
                return "redirect:/manage/" + mall.code();
            } catch (DomainException e) {
                binding.reject(e.messageKey(), e.args(), null);
            }
        }
        return counterPage(mall, agency, form, null, model);
    }

    @GetMapping("/manage/{mallCode}/counters/{counterId}")
    String editCounter(@PathVariable String mallCode, @PathVariable long counterId, Model model) {
        Mall mall = managedMall(mallCode);
        Counter counter = catalogue.counter(mall.id(), CounterId.given(counterId));
        Map<id.satupintu.shared.ServiceId, MallService> byId = catalogue.services(mall.id()).stream()
                .collect(Collectors.toMap(MallService::id, Function.identity()));
        String agencyCode = agencyCode(mall, counter.agencyId());
        CounterForm form = new CounterForm(agencyCode, counter.name(),
                counter.services().stream().map(id -> byId.get(id).code()).toList());
        return counterPage(mall, catalogue.agency(mall.id(), agencyCode), form, counter, model);
    }

    @PostMapping("/manage/{mallCode}/counters/{counterId}")
    String updateCounter(@PathVariable String mallCode, @PathVariable long counterId,
            @Valid @ModelAttribute("form") CounterForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        Mall mall = managedMall(mallCode);
        Counter counter = catalogue.counter(mall.id(), CounterId.given(counterId));
        Agency agency = catalogue.agency(mall.id(), agencyCode(mall, counter.agencyId()));
        if (!binding.hasErrors()) {
            try {
                catalogue.updateCounter(mall.id(), counter.id(), form.name(), form.serviceCodes());
                redirect.addFlashAttribute("saved", form.name());
                return "redirect:/manage/" + mall.code();
            } catch (DomainException e) {
                binding.reject(e.messageKey(), e.args(), null);
            }
        }
        return counterPage(mall, agency, form, counter, model);
    }

    private String counterPage(Mall mall, Agency agency, CounterForm form, Counter existing, Model model) {
        model.addAttribute("mall", mall);
        model.addAttribute("agency", agency);
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("agencyServices", catalogue.services(mall.id()).stream()
                .filter(s -> s.agencyId().equals(agency.id())).toList());
        return "catalogue/manage-counter";
    }

    private Mall managedMall(String mallCode) {
        Mall mall = malls.getByCode(mallCode);
        StaffPrincipal.requireCurrent().requireManagerOf(mall.id());
        return mall;
    }

    private String agencyCode(Mall mall, AgencyId agencyId) {
        return catalogue.agency(mall.id(), agencyId).code();
    }
}
