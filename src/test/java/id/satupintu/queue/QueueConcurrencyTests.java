package id.satupintu.queue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.zaxxer.hikari.HikariDataSource;
import id.satupintu.SecondInstance;
import id.satupintu.SatuPintuTest;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.identity.StaffPrincipal;
import id.satupintu.identity.StaffRole;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import id.satupintu.shared.CounterId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real threads against real PostgreSQL, on one application instance and on two instances sharing the database:
 * tickets are numbered without gaps or duplicates, and no ticket is ever called by two counters.
 */
@SatuPintuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueueConcurrencyTests {

    private static final Locale ID = Locale.of("id");

    @Autowired
    Queue queue;

    @Autowired
    CounterDesk desk;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Malls malls;

    @Autowired
    HikariDataSource dataSource;

    SecondInstance second;

    @BeforeAll
    void startSecondInstance() {
        second = SecondInstance.on(dataSource, "--satupintu.clock=2026-12-01T02:00:00Z");
    }

    @AfterAll
    void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void twoHundredTicketsIssuedInParallelAreNumberedOneToTwoHundred() throws Exception {
        MallService service = unlimitedService("73.10", "dukcapil");
        List<String> numbers = issueInParallel(200, i -> queue, "73.10", service.code());
        assertThat(numbers).hasSize(200).doesNotHaveDuplicates();
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(expectedNumbers(service.ticketPrefix(), 200));
    }

    @Test
    void twoInstancesIssuingTogetherNumberWithoutGapsOrDuplicates() throws Exception {
        Queue other = second.bean(Queue.class);
        MallService service = unlimitedService("73.12", "dukcapil");
        List<String> numbers = issueInParallel(200, i -> i % 2 == 0 ? queue : other, "73.12", service.code());
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(expectedNumbers(service.ticketPrefix(), 200));
    }

    @Test
    void twentyCountersCallingInParallelCallEachOfAThousandTicketsExactlyOnce() throws Exception {
        assertEveryTicketCalledOnce("73.13", List.of("samsat", "bapenda"), 10, i -> desk);
    }

    @Test
    void countersOnTwoInstancesNeverCallTheSameTicket() throws Exception {
        CounterDesk other = second.bean(CounterDesk.class);
        assertEveryTicketCalledOnce("74.02", List.of("samsat", "bapenda"), 10, i -> i % 2 == 0 ? desk : other);
    }

    /**
     * 1,000 tickets, 500 for each of two agencies (a prefix numbers at most 999 a day), called by ten counters of
     * each agency at once.
     */
    private void assertEveryTicketCalledOnce(String mallCode, List<String> agencyCodes, int countersPerAgency,
            java.util.function.IntFunction<CounterDesk> deskFor) throws Exception {
        Mall mall = malls.getByCode(mallCode);
        List<CounterId> counters = new ArrayList<>();
        Set<String> issued = ConcurrentHashMap.newKeySet();
        for (String agencyCode : agencyCodes) {
            var agency = catalogue.agency(mall.id(), agencyCode);
            List<String> codes = catalogue.activeServices(mall.id()).stream()
                    .filter(s -> s.agencyId().equals(agency.id()) && !s.hasQuota())
                    .map(MallService::code).toList();
            for (int i = 1; i <= countersPerAgency; i++) {
                counters.add(catalogue.createCounter(mall.id(), agencyCode, "Uji " + agencyCode + " " + i, codes));
            }
            for (int i = 0; i < 500; i++) {
                issued.add(queue.issue(mallCode, codes.get(i % codes.size()),
                        i % 7 == 0 ? PriorityGroup.ELDERLY : null, Channel.KIOSK, ID).id());
            }
        }
        int counterCount = counters.size();
        StaffPrincipal manager = new StaffPrincipal(1, "manager-" + mall.compactCode(), "Pengelola",
                StaffRole.MALL_MANAGER, mall.id(), null);
        counters.forEach(c -> desk.open(manager, c));

        List<String> called = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(counterCount);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < counterCount; i++) {
            CounterId counter = counters.get(i);
            CounterDesk operator = deskFor.apply(i);
            runs.add(pool.submit((Callable<Void>) () -> {
                start.await();
                while (true) {
                    Optional<TicketView> next = operator.callNext(manager, counter, ID);
                    if (next.isEmpty()) {
                        return null;
                    }
                    called.add(next.get().id());
                    TicketId id = TicketId.parse(next.get().id());
                    operator.start(manager, id, ID);
                    operator.finish(manager, id, Outcome.COMPLETED, null, ID);
                }
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        assertThat(called).hasSize(1000).doesNotHaveDuplicates();
        assertThat(new HashSet<>(called)).isEqualTo(issued);
    }

    @Test
    void aCallOnOneInstanceReachesBoardsAndStatusPagesConnectedToTheOther() throws Exception {
        Mall mall = malls.getByCode("73.10");
        CounterId counter = catalogue.createCounter(mall.id(), "polri", "Uji papan",
                List.of("skck-baru", "skck-perpanjangan"));
        StaffPrincipal officer = new StaffPrincipal(1, "officer-7310-polri", "Petugas", StaffRole.OFFICER,
                mall.id(), catalogue.agency(mall.id(), "polri").id());
        desk.open(officer, counter);
        while (desk.callNext(officer, counter, ID).isPresent()) {
            desk.noShow(officer, TicketId.parse(desk.currentTicket(officer, counter, ID).orElseThrow().id()), ID);
        }
        TicketView ticket = queue.issue("73.10", "skck-baru", null, Channel.KIOSK, ID);

        int secondPort = second.port();
        try (EventStream board = EventStream.open(secondPort, "/board/73.10/events");
                EventStream status = EventStream.open(secondPort, "/t/" + ticket.id() + "/events")) {
            board.awaitEvent("state");
            status.awaitEvent("refresh");
            desk.callNext(officer, counter, ID);
            String call = board.awaitEvent("call");
            assertThat(call).contains("\"number\":\"" + ticket.number() + "\"").contains("Uji papan")
                    .doesNotContain(ticket.id());
            assertThat(status.awaitEvent("refresh")).contains("\"ticket\":true");
        }
    }

    private List<String> issueInParallel(int count, java.util.function.IntFunction<Queue> queueFor, String mallCode,
            String serviceCode) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = IntStream.range(0, count)
                .mapToObj(i -> pool.submit(() -> {
                    start.await();
                    return queueFor.apply(i).issue(mallCode, serviceCode, null, Channel.API, ID).number();
                }))
                .toList();
        start.countDown();
        List<String> numbers = new ArrayList<>();
        for (Future<String> result : results) {
            numbers.add(result.get());
        }
        pool.shutdown();
        return numbers;
    }

    private MallService unlimitedService(String mallCode, String agencyCode) {
        Mall mall = malls.getByCode(mallCode);
        var agency = catalogue.agency(mall.id(), agencyCode);
        return catalogue.activeServices(mall.id()).stream()
                .filter(s -> s.agencyId().equals(agency.id()) && !s.hasQuota())
                .findFirst().orElseThrow();
    }

    private static List<String> expectedNumbers(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> Ticket.number(prefix, i)).toList();
    }
}
