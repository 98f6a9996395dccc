package id.satupintu.queue;

import java.util.UUID;

/** A ticket's unguessable id (random, 122 bits): whoever holds it may see the ticket's status. */
public record TicketId(UUID value) {

    public static TicketId random() {
        return new TicketId(UUID.randomUUID());
    }

    public static TicketId parse(String text) {
        try {
            return new TicketId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new QueueError(QueueError.Code.TICKET_NOT_FOUND);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
