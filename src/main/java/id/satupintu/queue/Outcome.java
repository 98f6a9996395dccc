package id.satupintu.queue;

/** How a service at the counter ended. */
public enum Outcome {
    COMPLETED, INCOMPLETE
}
