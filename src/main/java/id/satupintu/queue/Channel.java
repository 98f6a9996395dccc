package id.satupintu.queue;

/** Where a ticket came from. */
public enum Channel {
    KIOSK, API, APPOINTMENT
}
