package id.satupintu.queue;

import java.util.Optional;

/**
 * The order in which a counter calls waiting tickets.
 *
 * <ol>
 * <li>Two lanes: the priority lane (elderly, disability, pregnant, child, disaster victim) and the regular lane.
 * <li>Inside a lane, first come first served by arrival time; a transferred ticket keeps its original arrival, so it
 * is not sent to the back of the queue of its next service.
 * <li>A counter that serves several services takes the longest-waiting ticket of the chosen lane among all of
 * them.
 * <li>A counter takes the priority lane first, but after {@code K} priority calls in a row made while a regular
 * ticket was waiting it takes the regular lane once. {@code K} is set per mall (default 2).
 * </ol>
 *
 * Bound: a regular ticket at the head of its lane is overtaken at a counter that serves it by at most {@code K}
 * priority tickets. The streak is kept per counter.
 */
public final class CallOrderPolicy {

    public static final int DEFAULT_MAX_PRIORITY_STREAK = 2;

    public enum Lane {
        PRIORITY, REGULAR
    }

    private CallOrderPolicy() {
    }

    /** Which lane the counter calls from next, or empty when nobody waits for it. */
    public static Optional<Lane> nextLane(boolean priorityWaiting, boolean regularWaiting, int priorityStreak,
            int maxPriorityStreak) {
        if (priorityWaiting && (!regularWaiting || priorityStreak < maxPriorityStreak)) {
            return Optional.of(Lane.PRIORITY);
        }
        if (regularWaiting) {
            return Optional.of(Lane.REGULAR);
        }
        return Optional.empty();
    }

    /** The counter's streak after a call from {@code lane}. */
    public static int streakAfter(Lane lane, boolean regularWasWaiting, int priorityStreak) {
        if (lane == Lane.PRIORITY && regularWasWaiting) {
            return priorityStreak + 1;
        }
        return 0;
    }
}
