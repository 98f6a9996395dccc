package id.satupintu.queue;

import java.time.OffsetDateTime;

/**
 * A ticket as the citizen, the kiosk and integrators see it. Times carry the mall's offset. {@code position} is
 * 1 for the next to be called; {@code estimatedWaitMinutes} is empty when no counter serving it is open.
 */
public record TicketView(String id, String number, String mallCode, String serviceCode, String serviceName,
        String status, String priorityGroup, String channel, OffsetDateTime issuedAt, Integer position,
        Integer peopleAhead, Integer estimatedWaitMinutes, CounterRef counter, OffsetDateTime calledAt) {

    public record CounterRef(long id, String name) {
    }
}
