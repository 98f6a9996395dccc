package id.satupintu.insight;

import java.util.Arrays;

/**
 * Counts of times (waiting, service) in fixed buckets, which add up across days, services and malls, so that
 * percentiles of any period come from summed daily rows instead of the raw tickets. The bounds are those of the
 * database function {@code insight_bucket}: 1-minute buckets up to 30 minutes, 2 minutes up to an hour, 5 minutes up
 * to 2 hours, 15 minutes up to 4 hours, and one bucket from 4 hours on.
 *
 * <p>A percentile is interpolated linearly inside its bucket, assuming the times in a bucket spread evenly, so it is
 * off by less than one bucket's width: under a minute below 30 minutes, 2 minutes below an hour, 5 below two hours,
 * 15 below four. Past four hours it reports four hours.
 */
final class InsightHistogram {

    /** Lower bound of each bucket in seconds. */
    static final long[] LOWER_BOUNDS = bounds();
    static final int BUCKETS = LOWER_BOUNDS.length;

    private InsightHistogram() {
    }

    private static long[] bounds() {
        long[] b = new long[66];
        int i = 0;
        for (int m = 0; m < 30; m++) {
            b[i++] = m * 60L;
        }
        for (int m = 30; m < 60; m += 2) {
            b[i++] = m * 60L;
        }
        for (int m = 60; m < 120; m += 5) {
            b[i++] = m * 60L;
        }
        for (int m = 120; m < 240; m += 15) {
            b[i++] = m * 60L;
        }
        b[i] = 240 * 60L;
        return b;
    }

    /** The bucket (0-based) that holds a time. */
    static int bucket(long seconds) {
        int found = Arrays.binarySearch(LOWER_BOUNDS, Math.max(0, seconds));
        return found >= 0 ? found : -found - 2;
    }

    static int[] empty() {
        return new int[BUCKETS];
    }

    /** Adds {@code other} into {@code into}; arrays of another length (none expected) are refused. */
    static void addInto(int[] into, int[] other) {
        if (other == null) {
            return;
        }
        if (other.length != into.length) {
            throw new IllegalArgumentException("Histograms differ in length: " + into.length + ", " + other.length);
        }
        for (int i = 0; i < into.length; i++) {
            into[i] += other[i];
        }
    }

    /** The {@code q}-quantile (0 to 1) in seconds, or null when nothing was counted. */
    static Double percentile(int[] counts, double q) {
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        if (total == 0) {
            return null;
        }
        double rank = q * total;
        long before = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && before + counts[i] >= rank) {
                if (i == counts.length - 1) {
                    return (double) LOWER_BOUNDS[i];
                }
                double within = (rank - before) / counts[i];
                return LOWER_BOUNDS[i] + within * (LOWER_BOUNDS[i + 1] - LOWER_BOUNDS[i]);
            }
            before += counts[i];
        }
        return (double) LOWER_BOUNDS[counts.length - 1];
    }

    /** Reads PostgreSQL's text form of an integer array, {@code {1,2,3}}, faster than the driver's array type. */
    static int[] parse(String text) {
        if (text == null || text.length() < 2) {
            return null;
        }
        int count = 1;
        for (int i = 1; i < text.length() - 1; i++) {
            if (text.charAt(i) == ',') {
                count++;
            }
        }
        int[] values = new int[text.length() == 2 ? 0 : count];
        int index = 0;
        int value = 0;
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == ',') {
                values[index++] = value;
                value = 0;
            } else {
                value = value * 10 + (c - '0');
            }
        }
        if (values.length > 0) {
            values[index] = value;
        }
        return values;
    }
}
