package id.satupintu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.Counter;
import id.satupintu.catalogue.MallService;
import id.satupintu.identity.Citizen;
import id.satupintu.identity.Citizens;
import id.satupintu.identity.PersonalDataCipher;
import id.satupintu.identity.TestCitizens;
import id.satupintu.region.Malls;
import id.satupintu.shared.DomainException;
import id.satupintu.shared.MallId;
import id.satupintu.submission.Party;
import id.satupintu.submission.Submission;
import id.satupintu.submission.Submissions;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access matrix: every HTTP endpoint the application maps (read from its own handler mappings, so that a new one
 * cannot be left out) is called by every kind of caller, with ids of records that belong to particular parties, and
 * must refuse whoever the table below does not allow.
 *
 * <p>Refused means 401, 403 or 404 (hiding that the record exists), or a redirect to a sign-in page. A caller the
 * rule allows must not be refused on a read. Writes are sent by the callers who must be refused (and must change
 * nothing in the database); writes of allowed callers are not sent, so the fixtures stay as they are. No response
 * to a caller outside citizen A's circle may carry A's e-mail address, or (beyond public pages) the tracking number
 * of A's application or the code of A's complaint, and no response to anyone may carry A's full NIK. The matrix is
 * written to {@code target/access-matrix.txt}.
 */
@SatuPintuTest
class AccessMatrixTests {

    static final String PASSWORD = "mpp-demo-2026";
    /** Mall M and agencies X and Y in it; mall N. */
    static final String M = "36.71";
    static final String N = "72.02";
    static final String X = "dukcapil";
    static final String Y = "polri";
    static final String NIK_A = "7202015402010006";
    static final String NIK_B = "7402037011780005";

    /** Who calls: their web session (cookies) and, for the API, their bearer token. */
    enum Caller {
        ANONYMOUS("anon"), CITIZEN_A("citA"), CITIZEN_B("citB"), OFFICER_X_M("offXM"), OFFICER_Y_M("offYM"),
        OFFICER_N("offN"), MANAGER_M("mgrM"), MANAGER_N("mgrN"), ADMIN("admin"), INTEGRATOR("integ");

        final String label;

        Caller(String label) {
            this.label = label;
        }
    }

    static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
    static final Set<Caller> CITIZENS = EnumSet.of(Caller.CITIZEN_A, Caller.CITIZEN_B);
    static final Set<Caller> ONLY_A = EnumSet.of(Caller.CITIZEN_A);
    static final Set<Caller> ONLY_B = EnumSet.of(Caller.CITIZEN_B);
    static final Set<Caller> STAFF = EnumSet.of(Caller.OFFICER_X_M, Caller.OFFICER_Y_M, Caller.OFFICER_N,
            Caller.MANAGER_M, Caller.MANAGER_N, Caller.ADMIN);
    static final Set<Caller> MANAGERS = EnumSet.of(Caller.MANAGER_M, Caller.MANAGER_N, Caller.ADMIN);
    /** Who manages mall M: its manager and the national administrator. */
    static final Set<Caller> MANAGES_M = EnumSet.of(Caller.MANAGER_M, Caller.ADMIN);
    static final Set<Caller> NATIONAL = EnumSet.of(Caller.ADMIN);
    /** Who operates a counter of agency X in mall M (the national administrator watches, it does not operate). */
    static final Set<Caller> OPERATES_X_M = EnumSet.of(Caller.OFFICER_X_M, Caller.MANAGER_M);
    static final Set<Caller> OPERATES_X_N = EnumSet.of(Caller.OFFICER_N, Caller.MANAGER_N);
    /** Who reads a case (application, complaint) of agency X in mall M. */
    static final Set<Caller> READS_CASE_X_M = EnumSet.of(Caller.OFFICER_X_M, Caller.MANAGER_M, Caller.ADMIN);
    /** Who decides a case of agency X in mall M. */
    static final Set<Caller> DECIDES_CASE_X_M = EnumSet.of(Caller.OFFICER_X_M, Caller.MANAGER_M);
    static final Set<Caller> ONLY_INTEGRATOR = EnumSet.of(Caller.INTEGRATOR);
    static final Set<Caller> INTEGRATOR_AND_STAFF = EnumSet.of(Caller.INTEGRATOR, Caller.OFFICER_X_M,
            Caller.OFFICER_Y_M, Caller.OFFICER_N, Caller.MANAGER_M, Caller.MANAGER_N, Caller.ADMIN);
    /** May see citizen A's personal data and A's application: A and the staff who handle A's case. */
    static final Set<Caller> A_CIRCLE = EnumSet.of(Caller.CITIZEN_A, Caller.OFFICER_X_M, Caller.MANAGER_M,
            Caller.ADMIN);

    /**
     * Framework endpoints that are not the application's: the OpenAPI description and its UI (public by design, no
     * data), and Spring Boot's error page (rendered for failed requests, not a resource).
     */
    static final Set<String> FRAMEWORK_PACKAGES = Set.of("org.springdoc.", "org.springframework.boot.");

    static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");
    static final Pattern LOGIN_PAGE = Pattern.compile("^(https?://[^/]+)?/(login|citizen/sign-in)([?#].*)?$");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalDataCipher personalData;

    @Autowired
    Citizens citizens;

    @Autowired
    Submissions submissions;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Malls malls;

    /** A request body: form fields (web, with the CSRF token added), JSON (API), or a multipart file upload. */
    record Body(String kind, String content, String[] fields) {

        static Body none() {
            return new Body("none", "", new String[0]);
        }

        static Body form(String... fields) {
            return new Body("form", "", fields);
        }

        static Body json(String json) {
            return new Body("json", json, new String[0]);
        }

        static Body file(String field, String... fields) {
            return new Body("file", field, fields);
        }
    }

    /** One concrete call of an endpoint, with who may make it. */
    record Probe(String label, String path, Set<Caller> allowed, Body body) {
    }

    /** Who may use an endpoint, shown by probes; an endpoint with no probe says why in {@code notCalled}. */
    record Rule(String endpoint, List<Probe> probes, String notCalled) {

        boolean isPublic() {
            return probes.stream().allMatch(p -> p.allowed().equals(EVERYONE));
        }
    }

    /** The records of the parties that the probes point at. */
    record Fixtures(String emailA, String applicationOpen, String trackingOpen, String documentOpen,
            String applicationIssued, String outputDocument, String applicationDraft, String documentDraft,
            String integratorDraft, String integratorDocument, String ticket, String calledTicket, long counterXM,
            long counterXN,
            String complaint, String attachment, String serviceXM, String bookableM, String pdfName) {
    }

    record Outcome(Caller caller, int status, String location, String verdict, long millis) {
    }

    private final Map<Caller, ApiClient> clients = new LinkedHashMap<>();
    private final Map<Caller, String> tokens = new LinkedHashMap<>();
    private final Map<Caller, String> csrf = new LinkedHashMap<>();

    @Test
    void everyEndpointRefusesEveryCallerBeyondTheirScope() throws Exception {
        long started = System.nanoTime();
        Fixtures f = fixtures();
        long signedIn = System.nanoTime();
        Map<String, Rule> rules = rules(f);

        Set<String> mapped = endpoints();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, Map<Probe, List<Outcome>>> report = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Caller.values().length);
        Path file;
        try {
            assertThat(new TreeSet<>(rules.keySet())).as("the matrix has a rule for every endpoint, and only for those")
                    .containsExactlyElementsOf(mapped);
            long snapshots = System.nanoTime();
            Map<String, String> before = snapshot();
            snapshots = System.nanoTime() - snapshots;
            for (boolean refusals : new boolean[] {true, false}) {
                // Each caller's calls in order on their own session; the callers side by side.
                Map<Caller, Future<List<Runnable>>> byCaller = new LinkedHashMap<>();
                for (Caller caller : Caller.values()) {
                    byCaller.put(caller, pool.submit(() -> calls(rules, caller, refusals, f, failures, report)));
                }
                for (Future<List<Runnable>> recorded : byCaller.values()) {
                    recorded.get().forEach(Runnable::run);
                }
                if (refusals) {
                    long snapshot = System.nanoTime();
                    Map<String, String> after = snapshot();
                    snapshots += System.nanoTime() - snapshot;
                    before.forEach((table, hash) -> {
                        if (!hash.equals(after.get(table))) {
                            failures.add("refused calls changed table " + table);
                        }
                    });
                }
            }
            long calls = report.values().stream().flatMap(p -> p.values().stream()).flatMap(List::stream)
                    .filter(o -> o.status() > 0).count();
            String timing = ("Timing: fixtures and sign-in of %d callers %d ms, %d calls and two database "
                    + "snapshots %d ms (snapshots %d ms)").formatted(Caller.values().length,
                    (signedIn - started) / 1_000_000, calls, (System.nanoTime() - signedIn) / 1_000_000,
                    snapshots / 1_000_000);
            file = write(rules, report, failures, timing);
            // The marks looked for in other callers' answers show where they belong, so their absence means something.
            assertThat(clients.get(Caller.CITIZEN_A).get("/citizen/applications").body()).contains(f.trackingOpen());
            assertThat(clients.get(Caller.CITIZEN_A).get("/citizen/complaints").body()).contains(f.complaint());
            assertThat(clients.get(Caller.OFFICER_X_M).get("/staff/inbox").body()).contains(f.trackingOpen());
            assertThat(clients.get(Caller.OFFICER_X_M).get("/staff/complaints").body()).contains(f.complaint());
        } finally {
            pool.shutdown();
            cleanUp(f);
        }
        assertThat(failures).as("access beyond scope (matrix in " + file + ")").isEmpty();
    }

    // ---- the table

    private Map<String, Rule> rules(Fixtures f) {
        Map<String, Rule> rules = new TreeMap<>();
        String openA = "A's open application";
        String m = M;
        String service = f.serviceXM();
        String counter = Long.toString(f.counterXM());
        String fakeCode = "ADU-0000-0000-0000";
        String fakeBooking = "ZZZZZZZZ";
        Body actionNote = Body.form("action", "ACCEPT", "note", "x");

        // Public pages: the catalogue, kiosk, board, appointments, complaints and surveys by their unguessable codes.
        pub(rules, "GET /", "/");
        pub(rules, "GET /search", "/search?q=ktp");
        pub(rules, "GET /malls/{mallCode}", "/malls/" + m);
        pub(rules, "GET /malls/{mallCode}/services/{serviceCode}", "/malls/" + m + "/services/" + service);
        pub(rules, "GET /malls/{mallCode}/appointments", "/malls/" + m + "/appointments");
        String booking = "/malls/" + m + "/appointments/" + f.bookableM();
        pub(rules, "GET /malls/{mallCode}/appointments/{serviceCode}", booking);
        pub(rules, "POST /malls/{mallCode}/appointments/{serviceCode}", booking);
        pub(rules, "GET /malls/{mallCode}/ikm", "/malls/" + m + "/ikm");
        pub(rules, "GET /appointments", "/appointments");
        pub(rules, "GET /appointments/{code}", "/appointments/" + fakeBooking);
        pub(rules, "POST /appointments/{code}/cancel", "/appointments/" + fakeBooking + "/cancel");
        pub(rules, "GET /appointments/{code}/calendar.ics", "/appointments/" + fakeBooking + "/calendar.ics");
        pub(rules, "GET /kiosk/{mallCode}", "/kiosk/" + m);
        pub(rules, "GET /kiosk/{mallCode}/agencies/{agencyCode}", "/kiosk/" + m + "/agencies/" + X);
        pub(rules, "GET /kiosk/{mallCode}/services/{serviceCode}", "/kiosk/" + m + "/services/" + service);
        pub(rules, "POST /kiosk/{mallCode}/tickets", "/kiosk/" + m + "/tickets");
        pub(rules, "GET /kiosk/{mallCode}/tickets/{id}", "/kiosk/" + m + "/tickets/" + f.ticket());
        pub(rules, "GET /kiosk/{mallCode}/check-in", "/kiosk/" + m + "/check-in");
        pub(rules, "POST /kiosk/{mallCode}/check-in", "/kiosk/" + m + "/check-in");
        pub(rules, "GET /t/{id}", "/t/" + f.ticket());
        none(rules, "GET /t/{id}/events", "a public live stream (server-sent events) by the ticket's unguessable id");
        pub(rules, "GET /board/{mallCode}", "/board/" + m);
        none(rules, "GET /board/{mallCode}/events", "the public live stream of the mall's display board");
        pub(rules, "GET /complaints", "/complaints?code=" + fakeCode);
        pub(rules, "GET /complaints/new", "/complaints/new?mall=" + m);
        pub(rules, "POST /complaints", "/complaints");
        // A complaint's code is its capability: whoever holds it follows it and responds, signed in or not.
        pub(rules, "GET /complaints/{code}", "/complaints/" + f.complaint());
        for (String what : List.of("replies", "close", "reopen", "rating", "attachments")) {
            pub(rules, "POST /complaints/{code}/" + what, "/complaints/" + f.complaint() + "/" + what);
        }
        pub(rules, "GET /verify/{id}", "/verify/" + f.outputDocument());
        pub(rules, "POST /verify/{id}", "/verify/" + f.outputDocument());
        pub(rules, "GET /track", "/track?number=" + f.trackingOpen());
        pub(rules, "GET /track/{number}", "/track/" + f.trackingOpen());
        pub(rules, "GET /survey/ticket/{id}", "/survey/ticket/" + f.ticket());
        pub(rules, "POST /survey/ticket/{id}", "/survey/ticket/" + f.ticket());
        pub(rules, "GET /survey/ticket/{id}/qr.svg", "/survey/ticket/" + f.ticket() + "/qr.svg");
        pub(rules, "GET /survey/application/{id}", "/survey/application/" + f.applicationIssued());
        pub(rules, "POST /survey/application/{id}", "/survey/application/" + f.applicationIssued());
        pub(rules, "GET /survey/thanks", "/survey/thanks");
        pub(rules, "GET /login", "/login");
        for (String page : List.of("/citizen/sign-up", "/citizen/sign-in", "/citizen/code")) {
            pub(rules, "GET " + page, page);
            pub(rules, "POST " + page, page);
        }
        pub(rules, "POST /citizen/code/resend", "/citizen/code/resend");
        pub(rules, "POST /citizen/sign-out", "/citizen/sign-out");

        // Citizens' own pages.
        rule(rules, "GET /citizen", probe("own home", "/citizen", CITIZENS));
        rule(rules, "GET /citizen/applications", probe("own list", "/citizen/applications", CITIZENS));
        rule(rules, "GET /citizen/applications/new", probe("", "/citizen/applications/new?mall=" + m, CITIZENS));
        rule(rules, "POST /citizen/applications", probe("start a draft", "/citizen/applications", CITIZENS,
                Body.form("mall", m, "service", service)));
        rule(rules, "GET /citizen/complaints", probe("own list", "/citizen/complaints", CITIZENS));
        rule(rules, "GET /citizen/data", probe("own data download", "/citizen/data", CITIZENS));
        String app = "/citizen/applications/";
        rule(rules, "GET /citizen/applications/{id}",
                probe(openA, app + f.applicationOpen(), ONLY_A),
                probe("A's draft", app + f.applicationDraft(), ONLY_A),
                probe("B's draft made by the integrator", app + f.integratorDraft(), ONLY_B));
        rule(rules, "GET /citizen/applications/{id}/documents/{documentId}",
                probe(openA, app + f.applicationOpen() + "/documents/" + f.documentOpen(), ONLY_A));
        rule(rules, "GET /citizen/applications/{id}/output.pdf",
                probe("A's issued application", app + f.applicationIssued() + "/output.pdf", ONLY_A));
        String draftA = app + f.applicationDraft();
        rule(rules, "POST /citizen/applications/{id}/documents", probe("A's draft", draftA + "/documents", ONLY_A,
                Body.file("file", "requirement", "0")));
        rule(rules, "POST /citizen/applications/{id}/documents/{documentId}/remove",
                probe("A's draft", draftA + "/documents/" + f.documentDraft() + "/remove", ONLY_A, Body.form()));
        rule(rules, "POST /citizen/applications/{id}/purpose", probe("A's draft", draftA + "/purpose", ONLY_A,
                Body.form("purpose", "Diubah orang lain")));
        rule(rules, "POST /citizen/applications/{id}/submit", probe("A's draft", draftA + "/submit", ONLY_A,
                Body.form("purpose", "Diubah orang lain")));
        rule(rules, "POST /citizen/applications/{id}/actions", probe(openA, app + f.applicationOpen() + "/actions",
                ONLY_A, Body.form("action", "RESUBMIT")));

        // Staff pages.
        rule(rules, "GET /staff", probe("staff home", "/staff", STAFF));
        rule(rules, "GET /staff/inbox", probe("own scope", "/staff/inbox", STAFF));
        String inbox = "/staff/inbox/" + f.applicationOpen();
        rule(rules, "GET /staff/inbox/{id}", probe(openA, inbox, READS_CASE_X_M),
                probe("A's draft", "/staff/inbox/" + f.applicationDraft(), Set.of()));
        rule(rules, "GET /staff/inbox/{id}/documents/{documentId}",
                probe(openA, inbox + "/documents/" + f.documentOpen(), READS_CASE_X_M));
        rule(rules, "GET /staff/inbox/{id}/output.pdf",
                probe("A's issued application", "/staff/inbox/" + f.applicationIssued() + "/output.pdf",
                        READS_CASE_X_M));
        rule(rules, "POST /staff/inbox/{id}/claim", probe(openA, inbox + "/claim", DECIDES_CASE_X_M, Body.form()));
        rule(rules, "POST /staff/inbox/{id}/assign", probe(openA, inbox + "/assign", DECIDES_CASE_X_M,
                Body.form("officer", "1")));
        rule(rules, "POST /staff/inbox/{id}/actions", probe(openA, inbox + "/actions", DECIDES_CASE_X_M,
                actionNote));
        rule(rules, "GET /staff/complaints", probe("own scope", "/staff/complaints", STAFF));
        String complaint = "/staff/complaints/" + f.complaint();
        rule(rules, "GET /staff/complaints/{code}", probe("A's complaint forwarded to X", complaint, READS_CASE_X_M));
        rule(rules, "POST /staff/complaints/{code}/actions", probe("A's complaint forwarded to X",
                complaint + "/actions", DECIDES_CASE_X_M, Body.form("action", "ANSWER", "note", "x")));
        rule(rules, "GET /staff/complaints/{code}/attachments/{attachmentId}", probe("A's complaint forwarded to X",
                complaint + "/attachments/" + f.attachment(), READS_CASE_X_M));
        String tablet = "/staff/counters/" + counter + "/survey";
        rule(rules, "GET /staff/counters/{counterId}/survey", probe("counter of X in M", tablet, OPERATES_X_M),
                probe("counter of X in N", "/staff/counters/" + f.counterXN() + "/survey", OPERATES_X_N));
        rule(rules, "GET /staff/counters/{counterId}/survey/current",
                probe("counter of X in M", tablet + "/current", OPERATES_X_M));
        rule(rules, "POST /staff/counters/{counterId}/survey", probe("counter of X in M", tablet, OPERATES_X_M,
                Body.form("ticket", f.calledTicket(), "U1", "4")));
        rule(rules, "POST /staff/counters/{counterId}/survey/skip", probe("counter of X in M", tablet + "/skip",
                OPERATES_X_M, Body.form("ticket", f.calledTicket())));
        rule(rules, "GET /counter", probe("own counters", "/counter", STAFF));
        rule(rules, "GET /counter/{counterId}", probe("counter of X in M", "/counter/" + counter, OPERATES_X_M),
                probe("counter of X in N", "/counter/" + f.counterXN(), OPERATES_X_N));
        rule(rules, "POST /counter/{counterId}/{action:open|pause|close|call-next}", probe("counter of X in M",
                "/counter/" + counter + "/pause", OPERATES_X_M, Body.form("reason", "x")));
        rule(rules, "POST /counter/{counterId}/tickets/{ticketId}/{action:recall|start|finish|no-show|transfer}",
                probe("ticket called at X's counter", "/counter/" + counter + "/tickets/" + f.calledTicket()
                        + "/no-show", OPERATES_X_M, Body.form()));

        // Managers' pages: mall M's are for M's manager and the national administrator.
        rule(rules, "GET /manage", probe("own malls", "/manage", MANAGERS));
        rule(rules, "GET /manage/outbox", probe("", "/manage/outbox", NATIONAL));
        rule(rules, "GET /manage/national", probe("", "/manage/national", NATIONAL));
        String manage = "/manage/" + m;
        manageM(rules, "GET /manage/{mallCode}", manage, Body.none());
        manageM(rules, "GET /manage/{mallCode}/services/new", manage + "/services/new", Body.none());
        manageM(rules, "POST /manage/{mallCode}/services/new", manage + "/services/new",
                Body.form("agencyCode", X, "code", "dibuat-orang-lain", "nameId", "Baru", "nameEn", "New"));
        manageM(rules, "GET /manage/{mallCode}/services/{serviceCode}", manage + "/services/" + service, Body.none());
        manageM(rules, "POST /manage/{mallCode}/services/{serviceCode}", manage + "/services/" + service,
                Body.form("agencyCode", X, "code", service, "nameId", "Diretas", "nameEn", "Hijacked"));
        manageM(rules, "POST /manage/{mallCode}/agencies", manage + "/agencies",
                Body.form("code", "baru", "nameId", "Baru", "nameEn", "New"));
        manageM(rules, "GET /manage/{mallCode}/agencies/{agencyCode}", manage + "/agencies/" + X, Body.none());
        manageM(rules, "POST /manage/{mallCode}/agencies/{agencyCode}", manage + "/agencies/" + X,
                Body.form("nameId", "Diretas", "nameEn", "Hijacked", "sortOrder", "1"));
        manageM(rules, "GET /manage/{mallCode}/counters/new", manage + "/counters/new?agency=" + X, Body.none());
        manageM(rules, "POST /manage/{mallCode}/counters/new", manage + "/counters/new",
                Body.form("agencyCode", X, "name", "Loket liar", "services", service));
        rule(rules, "GET /manage/{mallCode}/counters/{counterId}", probe("mall M", manage + "/counters/" + counter,
                MANAGES_M), probe("N's counter under M's address", manage + "/counters/" + f.counterXN(), Set.of()));
        rule(rules, "POST /manage/{mallCode}/counters/{counterId}", probe("mall M", manage + "/counters/" + counter,
                MANAGES_M, Body.form("name", "Loket liar", "services", service)), probe("N's counter under M's address",
                manage + "/counters/" + f.counterXN(), Set.of(), Body.form("name", "Loket liar")));
        manageM(rules, "GET /manage/{mallCode}/appointments", manage + "/appointments", Body.none());
        manageM(rules, "POST /manage/{mallCode}/appointments/seats", manage + "/appointments/seats",
                Body.form("serviceCode", f.bookableM(), "start", "2026-12-02T01:00:00Z", "seats", "0"));
        manageM(rules, "POST /manage/{mallCode}/appointments/close-day", manage + "/appointments/close-day",
                Body.form("date", "2026-12-02"));
        manageM(rules, "GET /manage/{mallCode}/appointments/rules/{serviceCode}",
                manage + "/appointments/rules/" + f.bookableM(), Body.none());
        manageM(rules, "POST /manage/{mallCode}/appointments/rules/{serviceCode}",
                manage + "/appointments/rules/" + f.bookableM(), Body.form("enabled", "false", "slotMinutes", "5",
                        "seatsPerSlot", "1", "walkInSharePercent", "0", "bookFromDays", "0", "bookToDays", "1",
                        "dayOpensAt", "00:00", "checkInBefore", "1", "checkInAfter", "1"));
        manageM(rules, "GET /manage/{mallCode}/complaints", manage + "/complaints", Body.none());
        manageM(rules, "GET /manage/{mallCode}/floor", manage + "/floor", Body.none());
        manageM(rules, "GET /manage/{mallCode}/floor/live", manage + "/floor/live", Body.none());
        manageM(rules, "POST /manage/{mallCode}/floor/targets", manage + "/floor/targets",
                Body.form("targetWaitMinutes", "1", "alertWaitMinutes", "2"));
        manageM(rules, "GET /manage/{mallCode}/reports", manage + "/reports", Body.none());
        manageM(rules, "GET /manage/{mallCode}/reports.{format}", manage + "/reports.csv", Body.none());
        manageM(rules, "GET /manage/{mallCode}/hours", manage + "/hours", Body.none());
        manageM(rules, "POST /manage/{mallCode}/hours", manage + "/hours", Body.form("MONDAY.opens", "01:00"));
        manageM(rules, "GET /manage/{mallCode}/days", manage + "/days", Body.none());
        manageM(rules, "POST /manage/{mallCode}/days", manage + "/days",
                Body.form("date", "2026-12-03", "kind", "HOLIDAY", "description", "Libur liar"));
        manageM(rules, "POST /manage/{mallCode}/days/delete", manage + "/days/delete", Body.form("date",
                "2026-12-25"));
        manageM(rules, "GET /manage/{mallCode}/surveys", manage + "/surveys", Body.none());
        manageM(rules, "GET /manage/{mallCode}/surveys/paper", manage + "/surveys/paper", Body.none());
        manageM(rules, "POST /manage/{mallCode}/surveys/paper", manage + "/surveys/paper",
                Body.form("serviceCode", service, "U1", "4"));
        manageM(rules, "GET /manage/{mallCode}/surveys/report.{format:csv|pdf}", manage + "/surveys/report.csv",
                Body.none());

        // Public API.
        pub(rules, "POST /api/v1/auth/token", "/api/v1/auth/token");
        pub(rules, "POST /api/v1/oauth2/token", "/api/v1/oauth2/token");
        pub(rules, "GET /api/v1/malls", "/api/v1/malls");
        pub(rules, "GET /api/v1/malls/{mallCode}", "/api/v1/malls/" + m);
        pub(rules, "GET /api/v1/malls/{mallCode}/services", "/api/v1/malls/" + m + "/services");
        pub(rules, "GET /api/v1/malls/{mallCode}/services/{serviceCode}", "/api/v1/malls/" + m + "/services/"
                + service);
        pub(rules, "GET /api/v1/malls/{mallCode}/services/{serviceCode}/slots", "/api/v1/malls/" + m + "/services/"
                + f.bookableM() + "/slots?date=2026-12-02");
        pub(rules, "GET /api/v1/regions", "/api/v1/regions");
        pub(rules, "GET /api/v1/regions/{code}", "/api/v1/regions/" + m);
        pub(rules, "POST /api/v1/malls/{mallCode}/tickets", "/api/v1/malls/" + m + "/tickets");
        pub(rules, "GET /api/v1/tickets/{id}", "/api/v1/tickets/" + f.ticket());
        pub(rules, "POST /api/v1/appointments", "/api/v1/appointments");
        pub(rules, "GET /api/v1/appointments/{bookingCode}", "/api/v1/appointments/" + fakeBooking);
        pub(rules, "DELETE /api/v1/appointments/{bookingCode}", "/api/v1/appointments/" + fakeBooking);
        pub(rules, "POST /api/v1/appointments/{bookingCode}/check-in", "/api/v1/appointments/" + fakeBooking
                + "/check-in");
        pub(rules, "GET /api/v1/complaint-categories", "/api/v1/complaint-categories");
        pub(rules, "POST /api/v1/complaints", "/api/v1/complaints");
        pub(rules, "GET /api/v1/complaints/{code}", "/api/v1/complaints/" + f.complaint());
        for (String what : List.of("replies", "close", "reopen", "rating", "attachments")) {
            pub(rules, "POST /api/v1/complaints/{code}/" + what, "/api/v1/complaints/" + f.complaint() + "/" + what);
        }
        pub(rules, "GET /api/v1/documents/{id}/verification", "/api/v1/documents/" + f.outputDocument()
                + "/verification");
        pub(rules, "GET /api/v1/tracking/{trackingNumber}", "/api/v1/tracking/" + f.trackingOpen());
        pub(rules, "POST /api/v1/surveys", "/api/v1/surveys");
        pub(rules, "GET /api/v1/malls/{mallCode}/ikm", "/api/v1/malls/" + m + "/ikm");
        pub(rules, "GET /api/v1/ikm", "/api/v1/ikm");
        // Unknown API paths answer 404 as a problem, whoever asks.
        pub(rules, "* /api/**", "/api/v1/no-such-thing");
        // The error page renders failed requests; opened directly it is not found, for anyone.
        rule(rules, "* /error", probe("opened directly", "/error", EnumSet.noneOf(Caller.class)));

        // Staff API.
        rule(rules, "GET /api/v1/counters", probe("own counters", "/api/v1/counters", STAFF));
        String counterApi = "/api/v1/counters/" + counter;
        rule(rules, "POST /api/v1/counters/{counterId}/open", probe("counter of X in M", counterApi + "/open",
                OPERATES_X_M, Body.json("{}")));
        rule(rules, "POST /api/v1/counters/{counterId}/pause", probe("counter of X in M", counterApi + "/pause",
                OPERATES_X_M, Body.json("{\"reason\":\"x\"}")), probe("counter of X in N", "/api/v1/counters/"
                + f.counterXN() + "/pause", OPERATES_X_N, Body.json("{\"reason\":\"x\"}")));
        rule(rules, "POST /api/v1/counters/{counterId}/close", probe("counter of X in M", counterApi + "/close",
                OPERATES_X_M, Body.json("{}")));
        rule(rules, "POST /api/v1/counters/{counterId}/call-next", probe("counter of X in M",
                counterApi + "/call-next", OPERATES_X_M, Body.json("{}")));
        String ticketApi = "/api/v1/tickets/" + f.calledTicket();
        for (String what : List.of("recall", "start", "finish", "no-show")) {
            rule(rules, "POST /api/v1/tickets/{id}/" + what, probe("ticket called at X's counter",
                    ticketApi + "/" + what, OPERATES_X_M, Body.json("{}")));
        }
        rule(rules, "POST /api/v1/tickets/{id}/transfer", probe("ticket called at X's counter",
                ticketApi + "/transfer", OPERATES_X_M, Body.json("{\"serviceCode\":\"" + service + "\"}")));
        rule(rules, "POST /api/v1/malls/{mallCode}/services", probe("mall M", "/api/v1/malls/" + m + "/services",
                MANAGES_M, Body.json(serviceJson(service, "dibuat-orang-lain"))));
        rule(rules, "PUT /api/v1/malls/{mallCode}/services/{serviceCode}", probe("mall M", "/api/v1/malls/" + m
                + "/services/" + service, MANAGES_M, Body.json(serviceJson(service, service))));
        rule(rules, "GET /api/v1/insight/malls/{mallCode}/floor", probe("mall M", "/api/v1/insight/malls/" + m
                + "/floor", MANAGES_M));
        rule(rules, "GET /api/v1/insight/malls/{mallCode}/report", probe("mall M", "/api/v1/insight/malls/" + m
                + "/report", MANAGES_M));
        rule(rules, "GET /api/v1/insight/national", probe("", "/api/v1/insight/national", NATIONAL));
        rule(rules, "GET /api/v1/complaints", probe("own scope", "/api/v1/complaints?mallCode=" + N, STAFF));
        rule(rules, "POST /api/v1/complaints/{code}/actions", probe("A's complaint forwarded to X",
                "/api/v1/complaints/" + f.complaint() + "/actions", DECIDES_CASE_X_M,
                Body.json("{\"action\":\"ANSWER\",\"note\":\"x\"}")));

        // Applications API: staff in scope once sent; the integrator only those it made, for their applicant.
        String subs = "/api/v1/submissions/";
        rule(rules, "POST /api/v1/submissions", probe("start a draft", "/api/v1/submissions", INTEGRATOR_AND_STAFF,
                Body.json("{}")));
        rule(rules, "GET /api/v1/submissions", probe("own scope", "/api/v1/submissions?all=true", STAFF));
        rule(rules, "GET /api/v1/submissions/{id}", probe(openA, subs + f.applicationOpen(), READS_CASE_X_M),
                probe("A's draft", subs + f.applicationDraft(), Set.of()),
                probe("integrator's draft", subs + f.integratorDraft(), ONLY_INTEGRATOR));
        rule(rules, "GET /api/v1/submissions/{id}/timeline", probe(openA, subs + f.applicationOpen() + "/timeline",
                READS_CASE_X_M), probe("integrator's draft", subs + f.integratorDraft() + "/timeline",
                ONLY_INTEGRATOR));
        rule(rules, "GET /api/v1/submissions/{id}/documents/{documentId}", probe(openA, subs + f.applicationOpen()
                + "/documents/" + f.documentOpen(), READS_CASE_X_M), probe("integrator's draft",
                subs + f.integratorDraft() + "/documents/" + f.integratorDocument(), ONLY_INTEGRATOR));
        rule(rules, "GET /api/v1/submissions/{id}/output.pdf", probe("A's issued application", subs
                + f.applicationIssued() + "/output.pdf", READS_CASE_X_M));
        String integratorDraft = subs + f.integratorDraft();
        rule(rules, "POST /api/v1/submissions/{id}/documents", probe("integrator's draft",
                integratorDraft + "/documents", ONLY_INTEGRATOR, Body.file("file", "requirementIndex", "0")),
                probe(openA, subs + f.applicationOpen() + "/documents", Set.of(),
                        Body.file("file", "requirementIndex", "0")));
        rule(rules, "DELETE /api/v1/submissions/{id}/documents/{documentId}", probe("integrator's draft",
                integratorDraft + "/documents/" + f.integratorDocument(), ONLY_INTEGRATOR, Body.none()));
        rule(rules, "POST /api/v1/submissions/{id}/submit", probe("integrator's draft", integratorDraft + "/submit",
                ONLY_INTEGRATOR, Body.json("{}")), probe("A's draft", subs + f.applicationDraft() + "/submit",
                Set.of(), Body.json("{}")));
        rule(rules, "POST /api/v1/submissions/{id}/actions", probe(openA, subs + f.applicationOpen() + "/actions",
                DECIDES_CASE_X_M, Body.json("{\"action\":\"START_VERIFICATION\"}")));
        rule(rules, "POST /api/v1/submissions/{id}/claim", probe(openA, subs + f.applicationOpen() + "/claim",
                DECIDES_CASE_X_M, Body.json("{}")));
        return rules;
    }

    private String serviceJson(String from, String code) {
        MallService service = catalogue.service(malls.getByCode(M).id(), from);
        String json = ServiceRequests.json(catalogue, service, "Rp9 (diretas)", 1);
        return from.equals(code) ? json : "{\"code\":\"" + code + "\"," + json.substring(1);
    }

    private static Probe probe(String label, String path, Set<Caller> allowed) {
        return new Probe(label, path, allowed, Body.none());
    }

    private static Probe probe(String label, String path, Set<Caller> allowed, Body body) {
        return new Probe(label, path, allowed, body);
    }

    private static void rule(Map<String, Rule> rules, String endpoint, Probe... probes) {
        if (rules.put(endpoint, new Rule(endpoint, List.of(probes), null)) != null) {
            throw new IllegalStateException("Two rules for " + endpoint);
        }
    }

    private static void pub(Map<String, Rule> rules, String endpoint, String path) {
        rule(rules, endpoint, probe("public", path, EVERYONE));
    }

    private static void none(Map<String, Rule> rules, String endpoint, String why) {
        rules.put(endpoint, new Rule(endpoint, List.of(), why));
    }

    private static void manageM(Map<String, Rule> rules, String endpoint, String path, Body body) {
        rule(rules, endpoint, probe("mall M", path, MANAGES_M, body));
    }

    // ---- discovery

    /** Every handler method's patterns and HTTP methods ("*" where it takes any), framework ones left out. */
    private Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : handlerMapping.getHandlerMethods().entrySet()) {
            String type = e.getValue().getBeanType().getName();
            if (FRAMEWORK_PACKAGES.stream().anyMatch(type::startsWith)) {
                continue;
            }
            RequestMappingInfo info = e.getKey();
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
            if (methods.isEmpty()) {
                methods.add("*");
            }
            for (String pattern : info.getPatternValues()) {
                methods.forEach(method -> endpoints.add(method + " " + pattern));
            }
        }
        return endpoints;
    }

    // ---- calling

    /** The caller's calls of one pass (refused or allowed ones); returns how to add their outcomes to the report. */
    private List<Runnable> calls(Map<String, Rule> rules, Caller caller, boolean refusals, Fixtures f,
            List<String> failures, Map<String, Map<Probe, List<Outcome>>> report) {
        List<Runnable> recorded = new ArrayList<>();
        for (Rule rule : rules.values()) {
            String method = rule.endpoint().substring(0, rule.endpoint().indexOf(' '));
            for (Probe probe : rule.probes()) {
                boolean allowed = probe.allowed().contains(caller);
                if (allowed == refusals) {
                    continue;
                }
                Outcome outcome = allowed && WRITES.contains(method)
                        ? new Outcome(caller, 0, null, "skip", 0)
                        : call(rule, method, probe, caller, f, failures);
                recorded.add(() -> report.computeIfAbsent(rule.endpoint(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(probe, k -> new ArrayList<>()).add(outcome));
            }
        }
        return recorded;
    }

    private Outcome call(Rule rule, String method, Probe probe, Caller caller, Fixtures f, List<String> failures) {
        ApiClient client = clients.get(caller);
        boolean api = probe.path().startsWith("/api/");
        List<String> headers = new ArrayList<>(List.of("Accept-Language", "en"));
        if (api && tokens.containsKey(caller)) {
            headers.addAll(List.of("Authorization", ApiClient.bearer(tokens.get(caller))));
        }
        if (!api && WRITES.contains(method)) {
            headers.addAll(List.of("X-CSRF-TOKEN", csrf.get(caller)));
        }
        String[] h = headers.toArray(String[]::new);
        long t0 = System.nanoTime();
        String verb = method.equals("*") ? "GET" : method;
        Body body = probe.body();
        ApiClient.Response response = switch (verb) {
            case "GET" -> client.get(probe.path(), h);
            case "DELETE" -> client.delete(probe.path(), h);
            case "PUT" -> client.putJson(probe.path(), body.content(), h);
            default -> switch (body.kind()) {
                case "json" -> client.postJson(probe.path(), body.content(), h);
                case "file" -> client.postFile(probe.path(), body.content(), f.pdfName(), pdf(), body.fields(), h);
                default -> client.postForm(probe.path(), ApiClient.form(body.fields()), h);
            };
        };
        int status = response.status();
        String location = response.header("Location");
        boolean refused = status == 401 || status == 403 || status == 404
                || (status / 100 == 3 && location != null && LOGIN_PAGE.matcher(location).matches());
        boolean allowed = probe.allowed().contains(caller);
        String where = method + " " + probe.path() + " as " + caller + " -> " + status
                + (location == null ? "" : " " + location);
        String verdict;
        if (status >= 500) {
            verdict = "FAIL";
            failures.add("server error: " + where);
        } else if (rule.isPublic()) {
            verdict = "ok";
        } else if (allowed && refused) {
            verdict = "FAIL";
            failures.add("refused a caller the rule allows: " + where);
        } else if (!allowed && !refused) {
            verdict = "FAIL";
            failures.add((status / 100 == 2 || status / 100 == 3 ? "LEAK: " : "not refused: ") + where);
        } else {
            verdict = "ok";
        }
        String text = response.body() == null ? "" : response.body();
        if (text.contains(NIK_A)) {
            verdict = "FAIL";
            failures.add("A's full NIK shown: " + where);
        }
        boolean listsA = !rule.isPublic() && (text.contains(f.trackingOpen())
                || (text.contains(f.complaint()) && !probe.path().contains(f.complaint())));
        if (!A_CIRCLE.contains(caller) && (text.contains(f.emailA()) || listsA)) {
            verdict = "FAIL";
            failures.add("A's data shown outside A's circle: " + where);
        }
        return new Outcome(caller, status, location, verdict, (System.nanoTime() - t0) / 1_000_000);
    }

    // ---- the callers

    private void signInEveryone() throws InterruptedException {
        for (Caller caller : Caller.values()) {
            clients.put(caller, new ApiClient(port));
        }
        Map<Caller, String> staff = Map.of(Caller.OFFICER_X_M, "officer-3671-" + X, Caller.OFFICER_Y_M,
                "officer-3671-" + Y, Caller.OFFICER_N, "officer-7202-" + X, Caller.MANAGER_M, "manager-3671",
                Caller.MANAGER_N, "manager-7202", Caller.ADMIN, "admin");
        staff.forEach((caller, username) -> {
            ApiClient client = clients.get(caller);
            assertThat(client.signIn(username, PASSWORD).header("Location")).endsWith("/staff");
            tokens.put(caller, client.token(username, PASSWORD));
        });
        signInCitizen(clients.get(Caller.CITIZEN_A), NIK_A, emailOf(NIK_A));
        signInCitizen(clients.get(Caller.CITIZEN_B), NIK_B, emailOf(NIK_B));
        tokens.put(Caller.INTEGRATOR, integratorToken(clients.get(Caller.INTEGRATOR)));
        for (Caller caller : Caller.values()) {
            csrf.put(caller, clients.get(caller).csrfFrom(clients.get(caller).get("/login").body()));
        }
    }

    private void signInCitizen(ApiClient client, String nik, String email) throws InterruptedException {
        String form = client.get("/citizen/sign-in").body();
        ApiClient.Response asked = client.postForm("/citizen/sign-in",
                ApiClient.form("_csrf", client.csrfFrom(form), "nik", nik, "contact", email));
        assertThat(asked.header("Location")).as(asked.body()).endsWith("/citizen/code");
        String codePage = client.get("/citizen/code").body();
        ApiClient.Response entered = client.postForm("/citizen/code", ApiClient.form("_csrf",
                client.csrfFrom(codePage), "code", TestCitizens.awaitCode(email, 1)));
        assertThat(entered.header("Location")).as(entered.body()).endsWith("/citizen");
    }

    private static String integratorToken(ApiClient client) {
        String basic = Base64.getEncoder().encodeToString(("superapp-demo:" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        ApiClient.Response token = client.postForm("/api/v1/oauth2/token", "grant_type=client_credentials",
                "Authorization", "Basic " + basic);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        return token.json().get("access_token").asString();
    }

    // ---- the fixtures

    /** A fresh address per run, so that the sign-in code is the first mail to it. */
    private final Map<String, String> emails = new LinkedHashMap<>();

    private String emailOf(String nik) {
        return emails.computeIfAbsent(nik, n -> "matrix-" + n.substring(12) + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
    }

    private Citizen citizen(String nik, String name, LocalDate birthDate) {
        Citizen citizen = citizens.registerVerified(nik, name, birthDate, emailOf(nik), null);
        TestCitizens.changeEmail(jdbc, personalData, citizen.id(), emailOf(nik));
        return citizen;
    }

    private Fixtures fixtures() throws InterruptedException {
        MallId mallM = malls.getByCode(M).id();
        Citizen a = citizen(NIK_A, "Agustina Lamasi", LocalDate.of(2001, 2, 14));
        citizen(NIK_B, "Wa Ode Sartini", LocalDate.of(1978, 11, 30));
        signInEveryone();
        Party.Applicant applicantA = new Party.Applicant(a.id(), a.fullName(), Party.Applicant.WEB);
        MallService online = catalogue.activeServices(mallM).stream()
                .filter(s -> s.online() && !s.requirements().isEmpty()
                        && catalogue.agency(mallM, s.agencyId()).code().equals(X))
                .findFirst().orElseThrow();

        Submission open = submissions.submit(complete(applicantA, online).id(), applicantA);
        Submission issued = submissions.submit(complete(applicantA, online).id(), applicantA);
        ApiClient officer = clients.get(Caller.OFFICER_X_M);
        String[] asOfficer = {"Authorization", ApiClient.bearer(tokens.get(Caller.OFFICER_X_M))};
        String outputDocument = null;
        for (String action : List.of("START_VERIFICATION", "ACCEPT", "APPROVE", "ISSUE")) {
            ApiClient.Response acted = officer.postJson("/api/v1/submissions/" + issued.id() + "/actions",
                    "{\"action\":\"" + action + "\"}", asOfficer);
            assertThat(acted.status()).as(action + ": " + acted.body()).isEqualTo(200);
            if (action.equals("ISSUE")) {
                outputDocument = acted.json().get("outputDocument").get("id").asString();
            }
        }
        Submission draft = complete(applicantA, online);

        ApiClient integrator = clients.get(Caller.INTEGRATOR);
        String[] asIntegrator = {"Authorization", ApiClient.bearer(tokens.get(Caller.INTEGRATOR))};
        ApiClient.Response created = integrator.postJson("/api/v1/submissions", "{\"mallCode\":\"" + M
                + "\",\"serviceCode\":\"" + online.code() + "\",\"applicant\":{\"nik\":\"" + NIK_B
                + "\",\"fullName\":\"Wa Ode Sartini\",\"birthDate\":\"1978-11-30\"}}", asIntegrator);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String integratorDraft = created.json().get("id").asString();
        ApiClient.Response uploaded = integrator.postFile("/api/v1/submissions/" + integratorDraft + "/documents",
                "file", "berkas.pdf", pdf(), new String[] {"requirementIndex", "0"}, asIntegrator);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);

        ApiClient anyone = new ApiClient(port);
        Counter counter = catalogue.counters(mallM).stream()
                .filter(c -> catalogue.agency(mallM, c.agencyId()).code().equals(X)).findFirst().orElseThrow();
        MallService walkIn = catalogue.activeServices(mallM).stream()
                .filter(s -> counter.services().contains(s.id())).findFirst().orElseThrow();
        ApiClient.Response ticket = anyone.postJson("/api/v1/malls/" + M + "/tickets",
                "{\"serviceCode\":\"" + walkIn.code() + "\"}");
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
        String counterApi = "/api/v1/counters/" + counter.id().value();
        officer.postJson(counterApi + "/open", "{}", asOfficer);
        officer.postJson(counterApi + "/call-next", "{}", asOfficer);
        String calledTicket = jdbc.sql("SELECT id::text FROM ticket WHERE counter_id = :counter AND status IN "
                + "('CALLED', 'SERVING')").param("counter", counter.id().value()).query(String.class).single();

        String complaintCode = fileComplaint(walkIn.code());
        ApiClient.Response attached = anyone.postFile("/api/v1/complaints/" + complaintCode + "/attachments",
                "file", "bukti.pdf", pdf(), new String[0]);
        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        for (String action : List.of("VERIFY", "FORWARD")) {
            ApiClient.Response acted = anyone.postJson("/api/v1/complaints/" + complaintCode + "/actions",
                    "{\"action\":\"" + action + "\",\"note\":\"\",\"agencyCode\":\"" + X + "\"}",
                    "Authorization", ApiClient.bearer(tokens.get(Caller.MANAGER_M)));
            assertThat(acted.status()).as(action + ": " + acted.body()).isEqualTo(200);
        }

        String bookable = catalogue.activeServices(mallM).stream()
                .filter(s -> s.code().equals("ktp-el-baru") || s.code().equals("skck-baru"))
                .findFirst().orElseThrow().code();
        return new Fixtures(emailOf(NIK_A), open.id().toString(), open.trackingNumber().value(),
                submissions.documents(open.id()).getFirst().id().toString(), issued.id().toString(), outputDocument,
                draft.id().toString(), submissions.documents(draft.id()).getFirst().id().toString(), integratorDraft,
                uploaded.json().get("id").asString(), ticket.json().get("id").asString(), calledTicket,
                counter.id().value(), counterIn(N), complaintCode, attached.json().get("id").asString(), walkIn.code(),
                bookable, "matrix.pdf");
    }

    /** A counter of agency X in the mall. */
    private long counterIn(String mallCode) {
        MallId mall = malls.getByCode(mallCode).id();
        return catalogue.counters(mall).stream().filter(c -> catalogue.agency(mall, c.agencyId()).code().equals(X))
                .findFirst().orElseThrow().id().value();
    }

    /** Citizen A files a complaint about agency X in mall M on the web, signed in, so it is A's. */
    private String fileComplaint(String serviceCode) {
        ApiClient citizenA = clients.get(Caller.CITIZEN_A);
        ApiClient.Response filed = citizenA.postForm("/complaints", ApiClient.form("_csrf", csrf.get(Caller.CITIZEN_A),
                "mall", M, "agency", X, "service", serviceCode, "category", "ILLEGAL_FEES", "description",
                "Petugas meminta uang agar berkas cepat selesai diproses.", "email", emailOf(NIK_A)));
        assertThat(filed.header("Location")).as(filed.body()).contains("/complaints/ADU-");
        return filed.header("Location").substring(filed.header("Location").indexOf("/complaints/") + 12);
    }

    private Submission complete(Party.Applicant applicant, MallService service) {
        Submission draft = submissions.startDraft(applicant, M, service.code(), Locale.of("id"));
        for (int n = 0; n < service.requirements().size(); n++) {
            try {
                submissions.attach(draft.id(), applicant, n, "berkas-" + n + ".pdf", pdf());
            } catch (DomainException notAFile) {
                // A line of the checklist that asks for no file.
            }
        }
        return draft;
    }

    /** The ticket called for the matrix is served and the counter closed again, as other tests expect. */
    private void cleanUp(Fixtures f) {
        ApiClient officer = clients.get(Caller.OFFICER_X_M);
        String[] asOfficer = {"Authorization", ApiClient.bearer(tokens.get(Caller.OFFICER_X_M))};
        officer.postJson("/api/v1/tickets/" + f.calledTicket() + "/start", "{}", asOfficer);
        officer.postJson("/api/v1/tickets/" + f.calledTicket() + "/finish", "{}", asOfficer);
        officer.postJson("/api/v1/counters/" + f.counterXM() + "/close", "{}", asOfficer);
    }

    private static byte[] pdfBytes;

    private static synchronized byte[] pdf() {
        if (pdfBytes != null) {
            return pdfBytes.clone();
        }
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            pdfBytes = out.toByteArray();
            return pdfBytes.clone();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- what must not change

    /** Tables that refused calls may write to: the sessions, whose last access time every request moves. */
    static final Set<String> MAY_CHANGE = Set.of("spring_session", "spring_session_attributes");

    /**
     * A fingerprint of each table: its row count and the newest transaction that wrote a row (xmin), which an insert
     * or update raises and a delete (lowering the count) cannot hide.
     */
    private Map<String, String> snapshot() throws InterruptedException {
        PendingEvents.awaitDelivered(jdbc);
        Map<String, String> hashes = new TreeMap<>();
        for (String table : jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + "current_schema() AND table_type = 'BASE TABLE'").query(String.class).list()) {
            if (MAY_CHANGE.contains(table)) {
                continue;
            }
            hashes.put(table, jdbc.sql("SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM " + table)
                    .query(String.class).single());
        }
        return hashes;
    }

    // ---- the report

    private Path write(Map<String, Rule> rules, Map<String, Map<Probe, List<Outcome>>> report, List<String> failures,
            String timing) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("SatuPintu access matrix: every endpoint x every caller -> HTTP status\n");
        out.append(timing).append('\n');
        out.append("Callers: ");
        for (Caller caller : Caller.values()) {
            out.append(caller.label).append('=').append(caller).append(' ');
        }
        out.append("\nCells: status (allowed callers marked *), 'skip' = a write by an allowed caller, not sent; "
                + "'3xx>L' = redirect to a sign-in page; FAIL marks a violation.\n\n");
        StringBuilder header = new StringBuilder("%-88s".formatted("endpoint / probe"));
        for (Caller caller : Caller.values()) {
            header.append("%-8s".formatted(caller.label));
        }
        out.append(header).append('\n');
        for (Rule rule : rules.values()) {
            if (rule.probes().isEmpty()) {
                out.append("%-88s".formatted(rule.endpoint())).append("not called: ").append(rule.notCalled())
                        .append('\n');
                continue;
            }
            for (Probe probe : rule.probes()) {
                String name = rule.endpoint() + (probe.label().isEmpty() ? "" : " [" + probe.label() + "]");
                out.append("%-88s".formatted(name.length() > 87 ? name.substring(0, 87) : name));
                Map<Caller, Outcome> byCaller = new LinkedHashMap<>();
                report.getOrDefault(rule.endpoint(), Map.of()).getOrDefault(probe, List.of())
                        .forEach(o -> byCaller.put(o.caller(), o));
                for (Caller caller : Caller.values()) {
                    Outcome o = byCaller.get(caller);
                    String cell = o == null ? "-" : o.verdict().equals("skip") ? "skip"
                            : o.status() / 100 == 3 && o.location() != null && LOGIN_PAGE.matcher(o.location())
                                    .matches() ? o.status() + ">L" : Integer.toString(o.status());
                    if (o != null && o.verdict().equals("FAIL")) {
                        cell += "!";
                    }
                    if (probe.allowed().contains(caller) && !rule.isPublic()) {
                        cell += "*";
                    }
                    out.append("%-8s".formatted(cell));
                }
                out.append('\n');
            }
        }
        out.append("\nCalls over 500 ms:\n");
        report.forEach((endpoint, probes) -> probes.forEach((probe, outcomes) -> outcomes.forEach(o -> {
            if (o.millis() > 500) {
                out.append("  ").append(o.millis()).append(" ms ").append(endpoint).append(' ').append(o.caller())
                        .append('\n');
            }
        })));
        out.append("\nViolations: ").append(failures.size()).append('\n');
        failures.forEach(failure -> out.append("  ").append(failure).append('\n'));
        Path file = Path.of("target", "access-matrix.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        return file;
    }
}
