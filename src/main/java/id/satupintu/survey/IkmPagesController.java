package id.satupintu.survey;

import java.time.LocalDate;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.identity.StaffPrincipal;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The mall's published survey results: the IKM with its elements, the trend, and the weakest elements. */
@Controller
class IkmPagesController {

    private final IkmReports reports;
    private final Malls malls;
    private final Catalogue catalogue;

    IkmPagesController(IkmReports reports, Malls malls, Catalogue catalogue) {
        this.reports = reports;
        this.malls = malls;
        this.catalogue = catalogue;
    }

    @GetMapping("/malls/{mallCode}/ikm")
    String ikm(@PathVariable String mallCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String agencyCode, @RequestParam(required = false) String serviceCode,
            Model model) {
        Mall mall = malls.getByCode(mallCode);
        model.addAttribute("mall", mall);
        model.addAttribute("report", reports.forMall(mallCode, from, to, agencyCode, serviceCode));
        model.addAttribute("agencies", catalogue.agencies(mall.id()));
        model.addAttribute("services", catalogue.activeServices(mall.id()));
        model.addAttribute("canExport", StaffPrincipal.current().map(s -> s.canManage(mall.id())).orElse(false));
        return "survey/ikm";
    }
}
