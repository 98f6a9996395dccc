package id.satupintu.queue;

import java.time.Instant;

import id.satupintu.shared.CounterId;
import id.satupintu.shared.MallId;

/** The live state of a counter. */
public record CounterState(CounterId counterId, MallId mallId, CounterStatus status, String pauseReason,
        int priorityStreak, Instant statusSince) {
}
