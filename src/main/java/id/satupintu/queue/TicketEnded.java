package id.satupintu.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import id.satupintu.shared.MallId;
import id.satupintu.shared.ServiceId;

/**
 * A ticket reached its end: served ({@code DONE}), not there when called ({@code NO_SHOW}) or cancelled when the day
 * closed ({@code CANCELLED}). It carries what reports need, so listeners never read the ticket back.
 *
 * @param localDate      the mall's local day the ticket was issued on
 * @param service        the service the visitor came for (the first one, before any transfer)
 * @param outcome        how the service ended; empty unless {@code DONE}
 * @param waitSeconds    time spent waiting to be called, summed over transfers
 * @param serviceSeconds time spent at counters, summed over transfers
 * @param called         whether a counter ever called it (its wait counts)
 */
public record TicketEnded(TicketId ticket, MallId mall, LocalDate localDate, ServiceId service, Channel channel,
        boolean priority, TicketStatus status, Outcome outcome, Instant arrivalAt, long waitSeconds,
        long serviceSeconds, boolean called, Instant at) {

    static TicketEnded of(Ticket t) {
        return new TicketEnded(t.id(), t.mallId(), t.localDate(), t.firstServiceId(), t.channel(), t.isPriority(),
                t.status(), t.outcome(), t.arrivalAt(), t.waitSeconds(), t.serviceSeconds(),
                t.status() != TicketStatus.CANCELLED, t.finishedAt());
    }

    /**
     * The event of an ended ticket read from its row of the {@code ticket} table (columns id, mall_id, local_date,
     * first_service_id, channel, priority_group, status, outcome, arrival_at, wait_seconds, service_seconds,
     * finished_at), for statements that end tickets in bulk and for checks that replay stored tickets.
     */
    public static TicketEnded fromRow(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        String outcome = rs.getString("outcome");
        return new TicketEnded(new TicketId(rs.getObject("id", UUID.class)), new MallId(rs.getLong("mall_id")),
                rs.getObject("local_date", LocalDate.class), new ServiceId(rs.getLong("first_service_id")),
                Channel.valueOf(rs.getString("channel")), rs.getString("priority_group") != null,
                TicketStatus.valueOf(status), outcome == null ? null : Outcome.valueOf(outcome),
                rs.getTimestamp("arrival_at").toInstant(), rs.getLong("wait_seconds"), rs.getLong("service_seconds"),
                !"CANCELLED".equals(status), rs.getTimestamp("finished_at").toInstant());
    }
}
