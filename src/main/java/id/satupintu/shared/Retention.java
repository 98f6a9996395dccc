package id.satupintu.shared;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeping personal data only as long as it is needed (UU 27/2022): each module that keeps personal data states, per
 * kind of record, how long it keeps it and how it lets it go (deleting or anonymizing), as a {@link Rule} bean. The
 * retention job applies every rule on a schedule, on one instance at a time, in batches.
 */
public final class Retention {

    private Retention() {
    }

    public interface Rule {

        /** The rule's name, which is also its setting: {@code satupintu.retention.<name>}. */
        String name();

        /** How long a record is kept after the moment the rule counts from. */
        Duration period();

        /**
         * Deletes or anonymizes at most {@code limit} records whose period ended before {@code cutoff}, in the
         * caller's transaction; returns how many. Anonymizing keeps what reports count and removes who it was.
         */
        int apply(Instant cutoff, int limit);
    }

    /** What a rule does with at most {@code limit} records whose period ended before {@code cutoff}. */
    @FunctionalInterface
    public interface Action {

        int apply(Instant cutoff, int limit);
    }

    public static Rule rule(String name, Duration period, Action action) {
        return new Rule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Duration period() {
                return period;
            }

            @Override
            public int apply(Instant cutoff, int limit) {
                return action.apply(cutoff, limit);
            }

            @Override
            public String toString() {
                return name + " (" + period + ")";
            }
        };
    }
}
