package id.satupintu.queue;

public enum TicketStatus {
    WAITING, CALLED, SERVING, DONE, NO_SHOW, CANCELLED;

    public boolean isFinal() {
        return this == DONE || this == NO_SHOW || this == CANCELLED;
    }
}
