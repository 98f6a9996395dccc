package id.satupintu.queue;

import java.util.List;
import java.util.Locale;

import id.satupintu.identity.StaffPrincipal;
import id.satupintu.shared.CounterId;
import id.satupintu.shared.web.LimitedPublicWrite;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Walk-in queue")
class QueueApiController {

    private final Queue queue;
    private final CounterDesk desk;

    QueueApiController(Queue queue, CounterDesk desk) {
        this.queue = queue;
        this.desk = desk;
    }

    record IssueRequest(@NotBlank @Size(max = 40) String serviceCode, PriorityGroup priorityGroup) {
    }

    @PostMapping("/api/v1/malls/{mallCode}/tickets")
    @LimitedPublicWrite
    @Operation(summary = "Take a walk-in ticket (kiosk, super-app)",
            description = "409 QUOTA_EXHAUSTED when the service's daily quota is used up, 409 MALL_CLOSED outside "
                    + "opening hours; both carry opensAt, when to come back.")
    ResponseEntity<TicketView> issue(@PathVariable String mallCode, @Valid @RequestBody IssueRequest request,
            Locale locale) {
        TicketView ticket = queue.issue(mallCode, request.serviceCode(), request.priorityGroup(), Channel.API, locale);
        return ResponseEntity.status(HttpStatus.CREATED).body(ticket);
    }

    @GetMapping("/api/v1/tickets/{id}")
    @Operation(summary = "A ticket by its unguessable id: status, position, estimated wait, counter once called")
    TicketView ticket(@PathVariable String id, Locale locale) {
        return queue.view(TicketId.parse(id), locale);
    }

    @GetMapping("/api/v1/counters")
    @Operation(summary = "The counters the caller may operate", security = @SecurityRequirement(name = "bearer"))
    List<CounterDesk.CounterView> counters() {
        return desk.countersOf(StaffPrincipal.requireCurrent());
    }

    @PostMapping("/api/v1/counters/{counterId}/open")
    @Operation(summary = "Open a counter", security = @SecurityRequirement(name = "bearer"))
    CounterDesk.CounterView open(@PathVariable long counterId) {
        return desk.open(StaffPrincipal.requireCurrent(), CounterId.given(counterId));
    }

    record PauseRequest(@NotBlank @Size(max = 200) String reason) {
    }

    @PostMapping("/api/v1/counters/{counterId}/pause")
    @Operation(summary = "Pause a counter with a reason", security = @SecurityRequirement(name = "bearer"))
    CounterDesk.CounterView pause(@PathVariable long counterId, @Valid @RequestBody PauseRequest request) {
        return desk.pause(StaffPrincipal.requireCurrent(), CounterId.given(counterId), request.reason());
    }

    @PostMapping("/api/v1/counters/{counterId}/close")
    @Operation(summary = "Close a counter", security = @SecurityRequirement(name = "bearer"))
    CounterDesk.CounterView close(@PathVariable long counterId) {
        return desk.close(StaffPrincipal.requireCurrent(), CounterId.given(counterId));
    }

    @PostMapping("/api/v1/counters/{counterId}/call-next")
    @Operation(summary = "Call the next ticket by the call order policy; 204 when nobody waits",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<TicketView> callNext(@PathVariable long counterId, Locale locale) {
        return desk.callNext(StaffPrincipal.requireCurrent(), CounterId.given(counterId), locale)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/api/v1/tickets/{id}/recall")
    @Operation(summary = "Call the ticket again", security = @SecurityRequirement(name = "bearer"))
    TicketView recall(@PathVariable String id, Locale locale) {
        return desk.recall(StaffPrincipal.requireCurrent(), TicketId.parse(id), locale);
    }

    @PostMapping("/api/v1/tickets/{id}/start")
    @Operation(summary = "The citizen arrived at the counter: service starts", security = @SecurityRequirement(name = "bearer"))
    TicketView start(@PathVariable String id, Locale locale) {
        return desk.start(StaffPrincipal.requireCurrent(), TicketId.parse(id), locale);
    }

    record FinishRequest(Outcome outcome, @Size(max = 300) String reason) {
    }

    @PostMapping("/api/v1/tickets/{id}/finish")
    @Operation(summary = "Finish the service (outcome COMPLETED, or INCOMPLETE with a reason)",
            security = @SecurityRequirement(name = "bearer"))
    TicketView finish(@PathVariable String id, @Valid @RequestBody(required = false) FinishRequest request,
            Locale locale) {
        FinishRequest body = request == null ? new FinishRequest(Outcome.COMPLETED, null) : request;
        return desk.finish(StaffPrincipal.requireCurrent(), TicketId.parse(id), body.outcome(), body.reason(), locale);
    }

    @PostMapping("/api/v1/tickets/{id}/no-show")
    @Operation(summary = "The citizen did not come", security = @SecurityRequirement(name = "bearer"))
    TicketView noShow(@PathVariable String id, Locale locale) {
        return desk.noShow(StaffPrincipal.requireCurrent(), TicketId.parse(id), locale);
    }

    record TransferRequest(@NotBlank @Size(max = 40) String serviceCode) {
    }

    @PostMapping("/api/v1/tickets/{id}/transfer")
    @Operation(summary = "Send the citizen on to another service, keeping their ticket and arrival",
            security = @SecurityRequirement(name = "bearer"))
    TicketView transfer(@PathVariable String id, @Valid @RequestBody TransferRequest request, Locale locale) {
        return desk.transfer(StaffPrincipal.requireCurrent(), TicketId.parse(id), request.serviceCode(), locale);
    }
}
