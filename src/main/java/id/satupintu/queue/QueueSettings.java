package id.satupintu.queue;

import java.time.Duration;

/** A mall's queue settings. */
public record QueueSettings(int maxPriorityStreak, int maxRecalls, Duration recallCooldown) {

    public static final QueueSettings DEFAULTS =
            new QueueSettings(CallOrderPolicy.DEFAULT_MAX_PRIORITY_STREAK, 3, Duration.ofSeconds(30));
}
