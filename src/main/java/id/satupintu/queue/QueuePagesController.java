package id.satupintu.queue;

import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import id.satupintu.catalogue.Agency;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.region.DaySchedule;
import id.satupintu.region.Mall;
import id.satupintu.region.MallCalendar;
import id.satupintu.region.Malls;
import id.satupintu.shared.AgencyId;
import id.satupintu.shared.QrCodes;
import id.satupintu.shared.web.ProblemFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The public screens of the queue: the kiosk at the entrance, the display board and a ticket's status page. */
@Controller
class QueuePagesController {

    private final Queue queue;
    private final Board board;
    private final LiveHub hub;
    private final Malls malls;
    private final MallCalendar calendar;
    private final Catalogue catalogue;
    private final ProblemFactory problems;

    QueuePagesController(Queue queue, Board board, LiveHub hub, Malls malls,
            MallCalendar calendar, Catalogue catalogue, ProblemFactory problems) {
        this.queue = queue;
        this.board = board;
        this.hub = hub;
        this.malls = malls;
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.problems = problems;
    }

    // ---- kiosk

    @GetMapping("/kiosk/{mallCode}")
    String kiosk(@PathVariable String mallCode, Model model) {
        Mall mall = malls.getByCode(mallCode);
        Map<AgencyId, List<MallService>> services = activeByAgency(mall);
        model.addAttribute("mall", mall);
        model.addAttribute("agencies", catalogue.agencies(mall.id()).stream()
                .filter(a -> services.containsKey(a.id())).toList());
        openingState(mall, model);
        return "queue/kiosk-agencies";
    }

    @GetMapping("/kiosk/{mallCode}/agencies/{agencyCode}")
    String kioskAgency(@PathVariable String mallCode, @PathVariable String agencyCode, Model model, Locale locale) {
        Mall mall = malls.getByCode(mallCode);
        Agency agency = catalogue.agency(mall.id(), agencyCode);
        DaySchedule today = calendar.today(mall);
        List<KioskService> services = activeByAgency(mall).getOrDefault(agency.id(), List.of()).stream()
                .map(s -> new KioskService(s, queue.walkInRemaining(mall, s, today).orElse(null)))
                .toList();
        model.addAttribute("mall", mall);
        model.addAttribute("agency", agency);
        model.addAttribute("services", services);
        openingState(mall, model);
        return "queue/kiosk-services";
    }

    /** A service on the kiosk with what is left of its daily quota (empty when it has none). */
    record KioskService(MallService service, Integer remaining) {
        public boolean soldOut() {
            return remaining != null && remaining == 0;
        }
    }

    @GetMapping("/kiosk/{mallCode}/services/{serviceCode}")
    String kioskService(@PathVariable String mallCode, @PathVariable String serviceCode, Model model) {
        Mall mall = malls.getByCode(mallCode);
        MallService service = catalogue.service(mall.id(), serviceCode);
        model.addAttribute("mall", mall);
        model.addAttribute("service", service);
        model.addAttribute("agency", catalogue.agency(mall.id(), service.agencyId()));
        model.addAttribute("priorityGroups", PriorityGroup.values());
        model.addAttribute("soldOut", queue.walkInRemaining(mall, service, calendar.today(mall))
                .map(left -> left == 0).orElse(false));
        openingState(mall, model);
        return "queue/kiosk-confirm";
    }

    @PostMapping("/kiosk/{mallCode}/tickets")
    String kioskIssue(@PathVariable String mallCode, @RequestParam String serviceCode,
            @RequestParam(required = false) PriorityGroup priorityGroup, Model model, Locale locale) {
        Mall mall = malls.getByCode(mallCode);
        try {
            TicketView ticket = queue.issue(mallCode, serviceCode, priorityGroup, Channel.KIOSK, locale);
            return "redirect:/kiosk/" + mall.code() + "/tickets/" + ticket.id();
        } catch (QueueError e) {
            model.addAttribute("mall", mall);
            model.addAttribute("reason", problems.detail(e, locale));
            model.addAttribute("code", e.code().name());
            return "queue/kiosk-refused";
        }
    }

    @GetMapping("/kiosk/{mallCode}/tickets/{id}")
    String kioskTicket(@PathVariable String mallCode, @PathVariable String id, Model model, Locale locale) {
        TicketView ticket = queue.view(TicketId.parse(id), locale);
        Mall mall = malls.getByCode(mallCode);
        if (!ticket.mallCode().equals(mall.code())) {
            throw new QueueError(QueueError.Code.TICKET_NOT_FOUND);
        }
        String statusUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path("/t/{id}")
                .buildAndExpand(ticket.id()).toUriString();
        model.addAttribute("mall", mall);
        model.addAttribute("ticket", ticket);
        model.addAttribute("statusUrl", statusUrl);
        model.addAttribute("qr", QrCodes.svg(statusUrl, ticket.number()));
        return "queue/kiosk-ticket";
    }

    // ---- ticket status page

    @GetMapping("/t/{id}")
    String status(@PathVariable String id, Model model, Locale locale) {
        TicketView ticket = queue.view(TicketId.parse(id), locale);
        model.addAttribute("ticket", ticket);
        model.addAttribute("mall", malls.getByCode(ticket.mallCode()));
        return "queue/ticket-status";
    }

    @GetMapping(path = "/t/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter statusEvents(@PathVariable String id) {
        TicketId ticket = TicketId.parse(id);
        return hub.subscribeTicket(queue.mallOf(ticket), ticket);
    }

    // ---- display board

    @GetMapping("/board/{mallCode}")
    String board(@PathVariable String mallCode, Model model) {
        Mall mall = malls.getByCode(mallCode);
        model.addAttribute("mall", mall);
        model.addAttribute("state", board.state(mall.id()));
        model.addAttribute("serverNow", calendar.now(mall).toInstant().toEpochMilli());
        return "queue/board";
    }

    @GetMapping(path = "/board/{mallCode}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter boardEvents(@PathVariable String mallCode) {
        return hub.subscribeBoard(malls.getByCode(mallCode).id());
    }

    private Map<AgencyId, List<MallService>> activeByAgency(Mall mall) {
        return catalogue.activeServices(mall.id()).stream()
                .collect(Collectors.groupingBy(MallService::agencyId, LinkedHashMap::new, Collectors.toList()));
    }

    private void openingState(Mall mall, Model model) {
        ZonedDateTime now = calendar.now(mall);
        boolean open = calendar.isOpenAt(mall, now);
        model.addAttribute("open", open);
        model.addAttribute("nextOpening", open ? null : calendar.nextOpening(mall, now).orElse(null));
    }
}
