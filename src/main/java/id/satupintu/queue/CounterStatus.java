package id.satupintu.queue;

public enum CounterStatus {
    OPEN, PAUSED, CLOSED
}
