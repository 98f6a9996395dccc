package id.satupintu.queue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the intended call order on scenarios and proves its fairness bound on generated sequences. */
class CallOrderPolicyTest {

    /** One counter; P = a priority arrival, R = a regular arrival, C = the counter calls. */
    private static List<String> play(String script, int k) {
        Deque<String> priority = new ArrayDeque<>();
        Deque<String> regular = new ArrayDeque<>();
        List<String> called = new ArrayList<>();
        int streak = 0;
        int p = 0;
        int r = 0;
        for (char step : script.toCharArray()) {
            switch (step) {
                case 'P' -> priority.add("P" + ++p);
                case 'R' -> regular.add("R" + ++r);
                case 'C' -> {
                    boolean regularWaiting = !regular.isEmpty();
                    Optional<CallOrderPolicy.Lane> lane =
                            CallOrderPolicy.nextLane(!priority.isEmpty(), regularWaiting, streak, k);
                    if (lane.isPresent()) {
                        called.add(lane.get() == CallOrderPolicy.Lane.PRIORITY ? priority.poll() : regular.poll());
                        streak = CallOrderPolicy.streakAfter(lane.get(), regularWaiting, streak);
                    }
                }
                default -> throw new IllegalArgumentException(String.valueOf(step));
            }
        }
        return called;
    }

    @Test
    void priorityFirstButNeverMoreThanKInARowWhileRegularsWait() {
        assertThat(play("RRRPPPPP" + "C".repeat(8), 2))
                .containsExactly("P1", "P2", "R1", "P3", "P4", "R2", "P5", "R3");
    }

    @Test
    void withoutRegularsWaitingPriorityTicketsAreCalledOneAfterAnother() {
        assertThat(play("PPPPCCCC", 2)).containsExactly("P1", "P2", "P3", "P4");
    }

    @Test
    void firstComeFirstServedInsideEachLane() {
        assertThat(play("RRRCCC", 2)).containsExactly("R1", "R2", "R3");
        assertThat(play("RPRPCCCC", 1)).containsExactly("P1", "R1", "P2", "R2");
    }

    @Test
    void aPriorityCallMadeWhenNoRegularWaitedDoesNotCountAgainstTheRegularLane() {
        assertThat(play("PCPRPPCCCC", 2)).containsExactly("P1", "P2", "P3", "R1", "P4");
    }

    @Test
    void kOfOneAlternates() {
        assertThat(play("RRRPPPCCCCCC", 1)).containsExactly("P1", "R1", "P2", "R2", "P3", "R3");
    }

    /** 500 generated arrival-and-call sequences, each with its own K; the seed makes a failure repeatable. */
    static Stream<Arguments> generatedSequences() {
        Random random = new Random(20261201L);
        return Stream.generate(() -> {
            int length = 1 + random.nextInt(300);
            int priorityShare = random.nextInt(100);
            StringBuilder script = new StringBuilder();
            for (int i = 0; i < length; i++) {
                int roll = random.nextInt(100);
                script.append(roll < 40 ? 'C' : random.nextInt(100) < priorityShare ? 'P' : 'R');
            }
            return Arguments.of(script.toString(), 1 + random.nextInt(5));
        }).limit(500);
    }

    @ParameterizedTest
    @MethodSource("generatedSequences")
    void aWaitingRegularTicketIsOvertakenByAtMostKPriorityCallsInARow(String script, int k) {
        Deque<String> priority = new ArrayDeque<>();
        Deque<String> regular = new ArrayDeque<>();
        int streak = 0;
        int priorityCallsWhileRegularWaited = 0;
        int p = 0;
        int r = 0;
        int lastPriority = 0;
        int lastRegular = 0;
        for (char step : script.toCharArray()) {
            if (step == 'P') {
                priority.add("P" + ++p);
            } else if (step == 'R') {
                regular.add("R" + ++r);
            } else {
                boolean regularWaiting = !regular.isEmpty();
                Optional<CallOrderPolicy.Lane> lane =
                        CallOrderPolicy.nextLane(!priority.isEmpty(), regularWaiting, streak, k);
                assertThat(lane.isPresent()).isEqualTo(!priority.isEmpty() || regularWaiting);
                if (lane.isEmpty()) {
                    continue;
                }
                streak = CallOrderPolicy.streakAfter(lane.get(), regularWaiting, streak);
                if (lane.get() == CallOrderPolicy.Lane.PRIORITY) {
                    int number = Integer.parseInt(priority.poll().substring(1));
                    assertThat(number).as("FIFO in the priority lane").isEqualTo(lastPriority + 1);
                    lastPriority = number;
                    priorityCallsWhileRegularWaited = regularWaiting ? priorityCallsWhileRegularWaited + 1 : 0;
                    assertThat(priorityCallsWhileRegularWaited).as("priority calls in a row past a waiting regular")
                            .isLessThanOrEqualTo(k);
                } else {
                    int number = Integer.parseInt(regular.poll().substring(1));
                    assertThat(number).as("FIFO in the regular lane").isEqualTo(lastRegular + 1);
                    lastRegular = number;
                    priorityCallsWhileRegularWaited = 0;
                }
            }
        }
    }
}
