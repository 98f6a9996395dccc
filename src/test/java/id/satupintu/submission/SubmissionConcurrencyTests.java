package id.satupintu.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import id.satupintu.SatuPintuTest;
import id.satupintu.SecondInstance;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.identity.Citizens;
import id.satupintu.region.Malls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tracking numbers under concurrent submission, with real threads on two application instances sharing one
 * PostgreSQL: every application gets its own number, and the mall's serials of the day have no gap.
 */
@SatuPintuTest
class SubmissionConcurrencyTests {

    static final String MALL = "36.71";
    static final int APPLICATIONS = 24;

    @Autowired
    Submissions submissions;

    @Autowired
    Citizens citizens;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Malls malls;

    @Autowired
    HikariDataSource dataSource;

    @Test
    void concurrentSubmissionsOnTwoInstancesGetDistinctNumbersWithoutGaps() throws Exception {
        Applications applications = new Applications(submissions, citizens, catalogue, malls);
        Party.Applicant applicant = applications.applicant();
        MallService service = applications.onlineService(MALL);
        List<Submission> drafts = new ArrayList<>();
        for (int i = 0; i < APPLICATIONS; i++) {
            drafts.add(applications.complete(applicant, MALL, service));
        }
        try (SecondInstance second = SecondInstance.on(dataSource, "--satupintu.clock=2026-12-01T02:00:00Z");
                ExecutorService threads = Executors.newFixedThreadPool(12)) {
            Submissions other = second.bean(Submissions.class);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Submission>> sent = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                Submissions instance = i % 2 == 0 ? submissions : other;
                SubmissionId id = drafts.get(i).id();
                Callable<Submission> submit = () -> {
                    start.await();
                    return instance.submit(id, applicant);
                };
                sent.add(threads.submit(submit));
            }
            start.countDown();
            List<Integer> serials = new ArrayList<>();
            for (Future<Submission> result : sent) {
                String number = result.get().trackingNumber().value();
                assertThat(number).startsWith("3671-20261201-");
                serials.add(Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)));
            }
            assertThat(serials).doesNotHaveDuplicates().hasSize(APPLICATIONS);
            int first = serials.stream().mapToInt(Integer::intValue).min().orElseThrow();
            assertThat(serials).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.IntStream.range(first, first + APPLICATIONS).boxed().toList());
        }
    }
}
