package id.satupintu.catalogue;

import java.text.Collator;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.satupintu.region.Mall;
import id.satupintu.region.MallCalendar;
import id.satupintu.region.Malls;
import id.satupintu.region.OpeningHours;
import id.satupintu.region.Region;
import id.satupintu.region.Regions;
import id.satupintu.shared.AgencyId;
import id.satupintu.shared.MallId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The citizen's pages: choose a mall, search services, read a mall's services and a service's standard. */
@Controller
class CataloguePagesController {

    private static final int SEARCH_LIMIT = 200;

    private final Malls malls;
    private final Regions regions;
    private final MallCalendar calendar;
    private final Catalogue catalogue;

    CataloguePagesController(Malls malls, Regions regions, MallCalendar calendar, Catalogue catalogue) {
        this.malls = malls;
        this.regions = regions;
        this.calendar = calendar;
        this.catalogue = catalogue;
    }

    @GetMapping("/")
    String home(Model model) {
        Map<String, String> provinceNames = regions.provinces().stream()
                .collect(Collectors.toMap(Region::code, Region::name));
        Map<String, List<Mall>> byProvince = new LinkedHashMap<>();
        malls.all().stream()
                .sorted((a, b) -> provinceNames.getOrDefault(a.regionCode().substring(0, 2), "")
                        .compareTo(provinceNames.getOrDefault(b.regionCode().substring(0, 2), "")))
                .forEach(mall -> byProvince.computeIfAbsent(
                        provinceNames.getOrDefault(mall.regionCode().substring(0, 2), mall.regionCode()),
                        p -> new java.util.ArrayList<>()).add(mall));
        model.addAttribute("provinces", byProvince);
        return "catalogue/home";
    }

    @GetMapping("/search")
    String search(@RequestParam(name = "q", required = false) String query, Model model) {
        String q = query == null ? "" : query.strip();
        if (q.length() > 100) {
            q = q.substring(0, 100);
        }
        Map<MallId, Mall> mallsById = malls.all().stream().collect(Collectors.toMap(Mall::id, Function.identity()));
        List<MallService> matches = catalogue.search(q, SEARCH_LIMIT);
        Map<String, List<SearchHit>> byService = new LinkedHashMap<>();
        for (MallService service : matches) {
            byService.computeIfAbsent(service.name().id(), k -> new java.util.ArrayList<>())
                    .add(new SearchHit(mallsById.get(service.mallId()), service));
        }
        model.addAttribute("q", q);
        model.addAttribute("results", byService);
        model.addAttribute("mallCount", matches.stream().map(MallService::mallId).distinct().count());
        return "catalogue/search";
    }

    record SearchHit(Mall mall, MallService service) {
    }

    record WeekRow(DayOfWeek day, OpeningHours hours) {
    }

    @GetMapping("/malls/{mallCode}")
    String mall(@PathVariable String mallCode, Model model, Locale locale) {
        Mall mall = malls.getByCode(mallCode);
        List<Agency> agencies = catalogue.agencies(mall.id());
        Map<AgencyId, List<MallService>> services = catalogue.activeServices(mall.id()).stream()
                .sorted(Comparator.comparing((MallService s) -> s.name().in(locale), Collator.getInstance(locale)))
                .collect(Collectors.groupingBy(MallService::agencyId, LinkedHashMap::new, Collectors.toList()));
        List<OpeningHours> weekly = malls.weeklyHours(mall.id());
        ZonedDateTime now = calendar.now(mall);
        model.addAttribute("mall", mall);
        model.addAttribute("region", regions.find(mall.regionCode()).orElse(null));
        model.addAttribute("today", calendar.today(mall));
        model.addAttribute("week", Arrays.stream(DayOfWeek.values())
                .map(day -> new WeekRow(day, weekly.stream().filter(h -> h.day() == day).findFirst().orElse(null)))
                .toList());
        model.addAttribute("openNow", calendar.isOpenAt(mall, now));
        model.addAttribute("nextOpening", calendar.nextOpening(mall, now).orElse(null));
        model.addAttribute("agencies", agencies.stream().filter(a -> services.containsKey(a.id())).toList());
        model.addAttribute("services", services);
        return "catalogue/mall";
    }

    @GetMapping("/malls/{mallCode}/services/{serviceCode}")
    String service(@PathVariable String mallCode, @PathVariable String serviceCode, Model model) {
        Mall mall = malls.getByCode(mallCode);
        MallService service = catalogue.service(mall.id(), serviceCode);
        if (!service.active()) {
            throw new id.satupintu.shared.NotFoundException(
                    id.satupintu.shared.NotFoundException.Code.SERVICE_NOT_FOUND, serviceCode);
        }
        model.addAttribute("mall", mall);
        model.addAttribute("service", service);
        model.addAttribute("agency", catalogue.agency(mall.id(), service.agencyId()));
        return "catalogue/service";
    }
}
