package id.satupintu;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends generated malformed requests (wrong types, huge and unicode strings, missing and extra fields, bad path
 * variables, broken JSON, forms and multipart, wrong content types and methods) to every endpoint the application
 * maps, anonymously and as staff (bearer token and web session), and requires that none is answered with a 5xx or a
 * stack trace, that API errors are problems with a code, and that the database is unchanged afterwards. The endpoints
 * come from the handler mapping, so a new endpoint is covered without touching this test. The seed is printed; run
 * again with {@code -Dsatupintu.malformed.seed=N} to repeat a run.
 */
@SatuPintuTest
class MalformedRequestTests {

    private static final String PASSWORD = "mpp-demo-2026";
    /** The mall whose real codes and ids stand in path variables when the malformation is elsewhere. */
    private static final String MALL = "72.02";
    private static final int AT_LEAST = 10_500;
    private static final int THREADS = 8;

    private static final List<String> STACK_TRACE_MARKERS = List.of("at id.satupintu", "Exception:", "java.lang.",
            "org.springframework.", "\tat ", "SQLState", "SQL state", "org.postgresql", "PSQLException",
            "ERROR: ", "jakarta.servlet", "org.apache.");

    /**
     * Tables that change without any rejected write: sessions, the event log of the outbox, the migration history,
     * and the record of failed sign-ins and security events, which a refused sign-in is meant to write.
     */
    private static final Set<String> CHANGING_TABLES = Set.of("spring_session", "spring_session_attributes",
            "event_publication", "flyway_schema_history", "sign_in_failure", "security_event");

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    JdbcClient jdbc;

    @Test
    void malformedRequestsAreRejectedWithoutServerErrorsStackTracesOrWrites() throws Exception {
        long seed = Long.getLong("satupintu.malformed.seed", System.nanoTime());
        System.out.println("Malformed requests: seed " + seed + " (repeat with -Dsatupintu.malformed.seed=" + seed + ")");
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThan(100);

        Identity anonymous = anonymous();
        Identity staff = staff();
        Known known = known();
        PendingEvents.awaitDelivered(jdbc);
        Map<String, String> before = snapshot();

        int perEndpoint = (AT_LEAST + endpoints.size() - 1) / endpoints.size();
        Random random = new Random(seed);
        List<Generated> requests = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (int i = 0; i < perEndpoint; i++) {
                Identity identity = i % 3 == 0 ? anonymous : staff;
                requests.add(new Generator(new Random(random.nextLong()), endpoint, known, identity).generate());
            }
        }
        Collections.shuffle(requests, random);

        long start = System.nanoTime();
        List<Outcome> outcomes = send(requests);
        System.out.println("Malformed requests: " + outcomes.size() + " sent in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
        PendingEvents.awaitDelivered(jdbc);
        Map<String, String> after = snapshot();

        Report report = new Report(seed, outcomes);
        String summary = report.summary() + changedTables(before, after);
        System.out.println(summary);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/malformed-requests.txt"), summary);

        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(10_000);
        assertThat(report.failures()).as("server errors, stack traces and non-problem API errors").isEmpty();
        assertThat(after).as("row counts and checksums of every table after the malformed requests")
                .isEqualTo(before);
    }

    // ------------------------------------------------------------------ endpoints

    record Param(String name, Class<?> type, Type generic, boolean required) {
    }

    record Endpoint(RequestMethod method, String pattern, Set<RequestMethod> allowedOnPattern, List<Param> path,
            List<Param> query, Class<?> jsonBody, List<Param> form, List<Param> files, Set<String> consumes,
            Map<String, String> fixedParams, String handler) {

        boolean api() {
            return pattern.startsWith("/api/");
        }

        boolean mutating() {
            return method != RequestMethod.GET && method != RequestMethod.HEAD;
        }

        String key() {
            return method + " " + pattern;
        }
    }

    private List<Endpoint> endpoints() {
        Map<String, Set<RequestMethod>> methodsByPattern = new TreeMap<>();
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("id.satupintu")) {
                continue;
            }
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of(RequestMethod.GET, RequestMethod.POST) : info.getMethodsCondition().getMethods();
            Map<String, String> fixed = new TreeMap<>();
            info.getParamsCondition().getExpressions().forEach(expression -> {
                if (!expression.isNegated() && expression.getValue() != null) {
                    fixed.put(expression.getName(), expression.getValue());
                }
            });
            Set<String> consumes = new TreeSet<>();
            info.getConsumesCondition().getConsumableMediaTypes().forEach(type -> consumes.add(type.toString()));
            for (String pattern : info.getPatternValues()) {
                methodsByPattern.computeIfAbsent(pattern, p -> new TreeSet<>()).addAll(methods);
                for (RequestMethod method : methods) {
                    endpoints.add(endpoint(method, pattern, handler, consumes, fixed));
                }
            }
        }
        return endpoints.stream()
                .map(e -> new Endpoint(e.method(), e.pattern(), methodsByPattern.get(e.pattern()), e.path(), e.query(),
                        e.jsonBody(), e.form(), e.files(), e.consumes(), e.fixedParams(), e.handler()))
                .sorted(java.util.Comparator.comparing(Endpoint::key))
                .toList();
    }

    private static Endpoint endpoint(RequestMethod method, String pattern, HandlerMethod handler, Set<String> consumes,
            Map<String, String> fixed) {
        List<Param> path = new ArrayList<>();
        List<Param> query = new ArrayList<>();
        List<Param> form = new ArrayList<>();
        List<Param> files = new ArrayList<>();
        Class<?> body = null;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            Class<?> type = parameter.getParameterType();
            String name = parameter.getParameterName();
            if (parameter.hasParameterAnnotation(PathVariable.class)) {
                PathVariable annotation = parameter.getParameterAnnotation(PathVariable.class);
                path.add(new Param(nameOr(annotation.value(), name), type, parameter.getGenericParameterType(), true));
            } else if (parameter.hasParameterAnnotation(RequestBody.class)) {
                body = type;
            } else if (parameter.hasParameterAnnotation(RequestPart.class) || MultipartFile.class.isAssignableFrom(type)
                    || isFileList(parameter)) {
                RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                String partName = part != null ? nameOr(part.value(), name)
                        : param != null ? nameOr(param.value(), name) : name;
                files.add(new Param(partName, type, parameter.getGenericParameterType(),
                        part != null ? part.required() : param == null || param.required()));
            } else if (parameter.hasParameterAnnotation(RequestParam.class)) {
                RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
                if (!Map.class.isAssignableFrom(type)) {
                    query.add(new Param(nameOr(annotation.value(), name), type, parameter.getGenericParameterType(),
                            annotation.required()
                                    && annotation.defaultValue().equals(
                                            org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE)));
                }
            } else if (parameter.hasParameterAnnotation(RequestHeader.class)
                    || parameter.hasParameterAnnotation(AuthenticationPrincipal.class) || infrastructure(type)) {
                continue;
            } else if (BeanUtils.isSimpleProperty(type)) {
                query.add(new Param(name, type, parameter.getGenericParameterType(), false));
            } else {
                form.addAll(fieldsOf(type));
            }
        }
        return new Endpoint(method, pattern, Set.of(), path, query, body, form, files, consumes, fixed,
                handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName());
    }

    private static boolean isFileList(MethodParameter parameter) {
        return Collection.class.isAssignableFrom(parameter.getParameterType())
                && parameter.getGenericParameterType() instanceof ParameterizedType generic
                && generic.getActualTypeArguments()[0] == MultipartFile.class;
    }

    private static String nameOr(String declared, String fallback) {
        return declared == null || declared.isEmpty() ? fallback : declared;
    }

    private static boolean infrastructure(Class<?> type) {
        String name = type.getName();
        return name.startsWith("jakarta.servlet") || name.startsWith("org.springframework")
                || name.startsWith("java.security") || type == Locale.class || type == java.util.TimeZone.class
                || type == java.time.ZoneId.class || name.startsWith("java.io")
                || name.endsWith("Principal") || name.startsWith("java.util.Optional");
    }

    /** The bindable fields of a form object: record components, or bean properties with a setter. */
    private static List<Param> fieldsOf(Class<?> type) {
        List<Param> fields = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                fields.add(new Param(component.getName(), component.getType(), component.getGenericType(), true));
            }
        } else {
            for (var property : BeanUtils.getPropertyDescriptors(type)) {
                if (property.getWriteMethod() != null) {
                    fields.add(new Param(property.getName(), property.getPropertyType(),
                            property.getWriteMethod().getGenericParameterTypes()[0], false));
                }
            }
        }
        return fields;
    }

    // ------------------------------------------------------------------ identities and known data

    /** Who sends: an HTTP client with its own cookie jar, a bearer token for the API and a CSRF token for forms. */
    record Identity(String name, HttpClient http, String bearer, String csrf) {
    }

    /** Real codes and ids of one mall, so a request can reach a handler with only its body or query wrong. */
    record Known(String mallCode, List<String> agencies, List<String> services, List<Long> counters) {
    }

    private Identity anonymous() {
        HttpClient http = client();
        String csrf = csrfOf(http);
        return new Identity("anonymous", http, null, csrf);
    }

    private Identity staff() throws Exception {
        ApiClient api = new ApiClient(port);
        String token = api.token("admin", PASSWORD);
        HttpClient http = client();
        String csrf = csrfOf(http);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.form("username", "admin", "password", PASSWORD,
                        "_csrf", csrf)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/staff");
        return new Identity("staff", http, token, csrfOf(http));
    }

    private HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private String csrfOf(HttpClient http) {
        try {
            String page = http.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher matcher = CSRF.matcher(page);
            assertThat(matcher.find()).as("a CSRF token on the sign-in page").isTrue();
            return matcher.group(1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Known known() {
        long mall = jdbc.sql("SELECT id FROM mall WHERE code = :code").param("code", MALL).query(Long.class).single();
        return new Known(MALL,
                jdbc.sql("SELECT code FROM agency WHERE mall_id = :mall ORDER BY code").param("mall", mall)
                        .query(String.class).list(),
                jdbc.sql("SELECT code FROM service WHERE mall_id = :mall ORDER BY code").param("mall", mall)
                        .query(String.class).list(),
                jdbc.sql("SELECT id FROM counter WHERE mall_id = :mall ORDER BY id").param("mall", mall)
                        .query(Long.class).list());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    // ------------------------------------------------------------------ database

    /** Row count and checksum of every table that a rejected request could have written. */
    private Map<String, String> snapshot() {
        Map<String, String> tables = new TreeMap<>();
        for (String table : jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name
                """).query(String.class).list()) {
            if (CHANGING_TABLES.contains(table)) {
                continue;
            }
            tables.put(table, jdbc.sql("SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, ',' ORDER BY "
                    + "t::text)), '-') FROM \"" + table + "\" t").query(String.class).single());
        }
        return tables;
    }

    private static String changedTables(Map<String, String> before, Map<String, String> after) {
        StringBuilder out = new StringBuilder("Tables changed: ");
        new TreeSet<>(after.keySet()).stream().filter(table -> !after.get(table).equals(before.get(table)))
                .forEach(table -> out.append(table).append(" (").append(before.get(table)).append(" -> ")
                        .append(after.get(table)).append(") "));
        return out.append('\n').toString();
    }

    // ------------------------------------------------------------------ sending

    /** One generated request: what it is meant to break, and the request itself. */
    record Generated(Endpoint endpoint, Identity identity, String kind, HttpRequest request, String description) {
    }

    record Outcome(Generated request, int status, String contentType, String body, String error, long millis) {

        /**
         * Tomcat refuses a URL it cannot decode at all (an encoded NUL, slash or backslash, bytes that are not
         * UTF-8) with its own bare 400 page before any of the application runs; that page has no stack trace.
         */
        boolean refusedByContainer() {
            return status == 400 && body.startsWith("<!doctype html><html lang=\"en\"><head><title>HTTP Status 400");
        }
    }

    private List<Outcome> send(List<Generated> requests) throws Exception {
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService executor = Executors.newFixedThreadPool(THREADS, Thread.ofVirtual().factory())) {
            List<Future<?>> futures = new ArrayList<>();
            for (Generated generated : requests) {
                futures.add(executor.submit(() -> outcomes.add(send(generated))));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        return outcomes;
    }

    private static Outcome send(Generated generated) {
        long start = System.nanoTime();
        try {
            HttpResponse<java.io.InputStream> response = generated.identity().http().send(generated.request(),
                    HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            String body;
            try (java.io.InputStream in = response.body()) {
                // A live feed (board, status page) that accepted the request streams until closed.
                body = contentType.startsWith("text/event-stream") ? ""
                        : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Outcome(generated, response.statusCode(), contentType, body, null,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            // The server may close a connection on a request it cannot parse at all; that is a rejection, not a 5xx.
            return new Outcome(generated, 0, "", "", e.toString(), (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ generating

    private static final String HUGE = "A".repeat(100_000);
    private static final List<String> BAD_TEXTS = List.of("", " ", "-1", "0", "99999999999999999999999",
            "' OR '1'='1'; DROP TABLE mall;--", "../../../../etc/passwd", "<script>alert(1)</script>", "${jndi:x}",
            "%s%n%x", "\u202Eمرحبا\u202C", "😀🇮🇩👨‍👩‍👧", "a\u0000b", "\uD800", "null", "NaN", "2026-13-45", "true",
            "ﾃｽﾄ", "\t\r\n", "x".repeat(5_000), "𝕊𝕒𝕥𝕦", "\uFEFF", "1e309");
    private static final List<String> BAD_SEGMENTS = List.of("abc", "-1", "0", "99999999999999999999999",
            "%00", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%2F..%2F", "%27%20OR%201%3D1--", "%F0%9F%98%80",
            "%E2%80%AEabc", "%C0%AE%C0%AE", "%ED%A0%80", "%20", "x".repeat(3_000), "null", "2026-13-45",
            "%3Cscript%3E", "1.5", "NaN", "%25", "..", ".", ";jsessionid=x", "%5C..%5C");
    private static final List<String> BROKEN_JSON = List.of("{", "{\"a\":", "{'a':1}", "{\"a\":1,,}",
            "{\"a\":1}}", "[", "{\"a\":NaN}", "{\"a\":\"unterminated}", "{\"a\":tru}", "{a:1}",
            "{\"a\":1 \"b\":2}", "{\"a\":\"\\x\"}", "\"", "{\"a\":01}", "{\"a\":\"\u0000\"}", "{]");
    private static final List<String> LANGUAGES = List.of("id", "en", "en-US,en;q=0.9", "xx", "id-ID",
            "*", "en;q=abc", "en;q=1.5", ",,,", "de");

    /** Builds one malformed request for an endpoint; every choice comes from its own seeded random. */
    final class Generator {

        private final Random random;
        private final Endpoint endpoint;
        private final Known known;
        private final Identity identity;

        Generator(Random random, Endpoint endpoint, Known known, Identity identity) {
            this.random = random;
            this.endpoint = endpoint;
            this.known = known;
            this.identity = identity;
        }

        Generated generate() {
            List<String> kinds = new ArrayList<>();
            if (!endpoint.path().isEmpty() || endpoint.pattern().contains("**")) {
                kinds.add("bad-path");
                kinds.add("bad-path");
            }
            kinds.add("method-not-allowed");
            boolean typedQuery = endpoint.query().stream().anyMatch(p -> hardTyped(p.type()));
            if (typedQuery || !endpoint.mutating()) {
                kinds.add("bad-query");
                kinds.add("bad-query");
            }
            if (endpoint.jsonBody() != null) {
                kinds.addAll(List.of("broken-json", "wrong-types", "wrong-top-level", "deep-json",
                        "wrong-content-type"));
                if (softAllowed()) {
                    kinds.addAll(List.of("missing-fields", "extra-fields", "huge-strings", "unicode-strings"));
                }
            }
            if (!endpoint.files().isEmpty()) {
                kinds.addAll(List.of("broken-multipart", "wrong-part-name", "no-boundary"));
                if (softAllowed()) {
                    kinds.addAll(List.of("empty-file", "wrong-file-type"));
                }
            }
            if (!endpoint.form().isEmpty() || (endpoint.jsonBody() == null && endpoint.files().isEmpty()
                    && endpoint.mutating())) {
                if (endpoint.form().stream().anyMatch(p -> hardTyped(p.type()))) {
                    kinds.add("form-wrong-types");
                    kinds.add("form-wrong-types");
                }
                if (softAllowed()) {
                    kinds.addAll(List.of("form-garbage", "form-huge", "form-broken-encoding"));
                }
            }
            String kind = kinds.get(random.nextInt(kinds.size()));
            return build(kind);
        }

        /**
         * Garbage that could still be a valid value (a long name, an emoji) is only sent where something else
         * certainly is wrong or where nothing can be written.
         */
        private boolean softAllowed() {
            return !endpoint.mutating() || endpoint.path().stream().anyMatch(p -> !realEntity(p.name()));
        }

        private boolean realEntity(String pathVariable) {
            return Set.of("mallCode", "counterId", "serviceCode", "agencyCode").contains(pathVariable);
        }

        private Generated build(String kind) {
            String path = switch (kind) {
                case "bad-path" -> path(true);
                default -> path(false);
            };
            StringBuilder query = new StringBuilder();
            endpoint.fixedParams().forEach((name, value) -> appendParam(query, name, value));
            if (kind.equals("bad-query")) {
                for (Param param : endpoint.query()) {
                    if (random.nextInt(4) > 0 || hardTyped(param.type())) {
                        appendParam(query, param.name(), hardTyped(param.type()) ? wrongText(param.type()) : badText());
                    }
                }
                for (int i = random.nextInt(3); i > 0; i--) {
                    appendParam(query, pick(List.of("page", "size", "date", "from", "to", "sort", "q", "lang")),
                            pick(List.of("-1", "999999999999", "2026-13-45", "abc", "😀", "x".repeat(2_000), "%00")));
                }
            } else {
                for (Param param : endpoint.query()) {
                    if (param.required() || random.nextBoolean()) {
                        appendParam(query, param.name(), hardTyped(param.type()) ? wrongText(param.type()) : badText());
                    }
                }
            }
            String target = path + (query.isEmpty() ? "" : "?" + query);
            if (kind.equals("method-not-allowed")) {
                List<String> others = new ArrayList<>(List.of("GET", "POST", "PUT", "DELETE", "PATCH"));
                endpoint.allowedOnPattern().forEach(allowed -> others.remove(allowed.name()));
                others.add("TRACE");
                return request(kind, pick(others), target, null, null);
            }
            String contentType = null;
            byte[] body = null;
            switch (kind) {
                case "broken-json" -> {
                    contentType = "application/json";
                    body = bytes(pick(BROKEN_JSON));
                    if (random.nextInt(6) == 0) {
                        body = new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
                    }
                }
                case "wrong-types" -> {
                    contentType = "application/json";
                    body = bytes(json(endpoint.jsonBody(), "wrong", 0));
                }
                case "wrong-top-level" -> {
                    contentType = "application/json";
                    body = bytes(pick(List.of("[]", "[{}]", "\"text\"", "42", "true", "null", "")));
                }
                case "deep-json" -> {
                    contentType = "application/json";
                    int depth = 2_000 + random.nextInt(3_000);
                    body = bytes("{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
                    if (random.nextBoolean()) {
                        body = bytes("{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
                    }
                }
                case "wrong-content-type" -> {
                    contentType = pick(List.of("text/plain", "application/xml", "application/octet-stream",
                            "application/json; charset=klingon", "multipart/form-data", "application/x-www-form-urlencoded",
                            "text/html; charset=utf-8", "image/png", ";;;", "application/json;charset=utf-16"));
                    body = bytes(pick(List.of("<a>1</a>", "a=1&b=2", "\u0000\u0001", "{\"a\":")));
                }
                case "missing-fields" -> {
                    contentType = "application/json";
                    body = bytes(json(endpoint.jsonBody(), "missing", 0));
                }
                case "extra-fields" -> {
                    contentType = "application/json";
                    body = bytes(json(endpoint.jsonBody(), "extra", 0));
                }
                case "huge-strings" -> {
                    contentType = "application/json";
                    body = bytes(json(endpoint.jsonBody(), "huge", 0));
                }
                case "unicode-strings" -> {
                    contentType = "application/json";
                    body = bytes(json(endpoint.jsonBody(), "unicode", 0));
                }
                case "broken-multipart", "wrong-part-name", "no-boundary", "empty-file", "wrong-file-type" -> {
                    String boundary = "b" + random.nextInt(1_000_000);
                    contentType = kind.equals("no-boundary") ? "multipart/form-data"
                            : "multipart/form-data; boundary=" + boundary;
                    body = multipart(kind, boundary);
                }
                case "form-wrong-types", "form-garbage", "form-huge", "form-broken-encoding" -> {
                    contentType = "application/x-www-form-urlencoded";
                    body = form(kind);
                }
                default -> {
                    if (endpoint.mutating() && random.nextBoolean()) {
                        contentType = "application/json";
                        body = bytes(pick(BROKEN_JSON));
                    }
                }
            }
            return request(kind, endpoint.method().name(), target, contentType, body);
        }

        private Generated request(String kind, String method, String target, String contentType, byte[] body) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
                    .timeout(Duration.ofSeconds(60));
            builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            if (random.nextInt(4) > 0) {
                builder.header("Accept-Language", pick(LANGUAGES));
            }
            if (random.nextInt(8) == 0) {
                builder.header("Accept", pick(List.of("application/json", "text/html", "application/xml",
                        "image/png", "*/*", "text/event-stream", "application/problem+json")));
            }
            if (identity.bearer() != null && endpoint.api()) {
                builder.header("Authorization", "Bearer " + identity.bearer());
            }
            if (!endpoint.api()) {
                builder.header("X-CSRF-TOKEN", identity.csrf());
            }
            if (random.nextInt(10) == 0) {
                builder.header("HX-Request", "true");
            }
            return new Generated(endpoint, identity, kind, builder.build(), method + " " + abbreviate(target));
        }

        private String path(boolean bad) {
            String pattern = endpoint.pattern();
            StringBuilder path = new StringBuilder();
            Matcher variables = Pattern.compile("\\{([^}:]+)(:[^}]*)?}|\\*\\*|\\*").matcher(pattern);
            int last = 0;
            boolean anyBad = false;
            List<String> names = new ArrayList<>();
            while (variables.find()) {
                names.add(variables.group(1) == null ? "*" : variables.group(1));
            }
            int mustBeBad = bad ? random.nextInt(Math.max(1, names.size())) : -1;
            variables.reset();
            int index = 0;
            while (variables.find()) {
                path.append(pattern, last, variables.start());
                String name = variables.group(1) == null ? "*" : variables.group(1);
                boolean badHere = bad && (index == mustBeBad || random.nextInt(3) == 0);
                anyBad |= badHere;
                path.append(badHere ? pick(BAD_SEGMENTS) : realValue(name));
                last = variables.end();
                index++;
            }
            path.append(pattern.substring(last));
            return path.toString();
        }

        private String realValue(String name) {
            return switch (name) {
                case "mallCode" -> known.mallCode();
                case "counterId" -> String.valueOf(pick(known.counters()));
                case "serviceCode" -> pick(known.services());
                case "agencyCode" -> pick(known.agencies());
                case "*" -> "no-such-thing";
                default -> {
                    Class<?> type = endpoint.path().stream().filter(p -> p.name().equals(name)).map(Param::type)
                            .findFirst().orElse(String.class);
                    if (type == UUID.class) {
                        yield UUID.randomUUID().toString();
                    }
                    if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
                        yield String.valueOf(900_000_000 + random.nextInt(1_000_000));
                    }
                    yield "NOSUCH" + random.nextInt(1_000_000);
                }
            };
        }

        private String json(Class<?> type, String mode, int depth) {
            if (type == null || !type.isRecord() || depth > 3) {
                return mode.equals("wrong") ? "[1,{\"x\":[]}]" : "{}";
            }
            List<String> fields = new ArrayList<>();
            RecordComponent[] components = type.getRecordComponents();
            int wrongIndex = components.length == 0 ? -1 : random.nextInt(components.length);
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                String value;
                if (mode.equals("missing") && random.nextInt(3) > 0) {
                    continue;
                }
                if (mode.equals("wrong") && (i == wrongIndex || random.nextBoolean())) {
                    value = wrongJson(component.getType());
                } else {
                    value = validShaped(component.getType(), component.getGenericType(), mode, depth);
                }
                fields.add(quote(component.getName()) + ":" + value);
            }
            if (mode.equals("wrong") && wrongIndex < 0) {
                fields.add("\"unexpected\":{\"x\":");
            }
            if (mode.equals("extra") || random.nextInt(5) == 0) {
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    fields.add(quote(pick(List.of("id", "status", "admin", "__proto__", "mallId", "role", "😀",
                            "x".repeat(1_000)))) + ":" + pick(List.of("1", "true", "\"ISSUED\"", "{\"a\":[1]}", "null")));
                }
            }
            Collections.shuffle(fields, random);
            return "{" + String.join(",", fields) + "}";
        }

        /** A value of the right JSON shape for the type, with garbage content where the mode says so. */
        private String validShaped(Class<?> type, Type generic, String mode, int depth) {
            if (type == String.class || type == CharSequence.class) {
                return quote(switch (mode) {
                    case "huge" -> HUGE;
                    case "unicode" -> pick(List.of("😀🇮🇩", "\u202Eمرحبا", "a\u0000b", "\uD800x", "ﾃｽﾄ", "\uFEFF"));
                    default -> badText();
                });
            }
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                    || type == short.class || type == Short.class) {
                return pick(List.of("-1", "0", "2147483647", "-2147483648", "99999"));
            }
            if (type == double.class || type == Double.class || type == java.math.BigDecimal.class
                    || type == float.class || type == Float.class) {
                return pick(List.of("-1.5", "1e300", "0"));
            }
            if (type == boolean.class || type == Boolean.class) {
                return pick(List.of("true", "false"));
            }
            if (type.isEnum()) {
                Object[] constants = type.getEnumConstants();
                return quote(constants[random.nextInt(constants.length)].toString());
            }
            if (type == UUID.class) {
                return quote(UUID.randomUUID().toString());
            }
            if (type == java.time.LocalDate.class) {
                return quote(pick(List.of("1900-01-01", "2999-12-31", "2026-02-28")));
            }
            if (Temporal.class.isAssignableFrom(type)) {
                return quote(pick(List.of("1900-01-01T00:00:00Z", "2999-12-31T23:59:59+07:00")));
            }
            if (Collection.class.isAssignableFrom(type) || type.isArray()) {
                Class<?> element = elementOf(generic);
                List<String> items = new ArrayList<>();
                for (int i = random.nextInt(mode.equals("huge") ? 2 : 4); i > 0; i--) {
                    items.add(validShaped(element, element, mode, depth + 1));
                }
                return "[" + String.join(",", items) + "]";
            }
            if (Map.class.isAssignableFrom(type)) {
                return "{" + quote(mode.equals("unicode") ? "😀" : "U1") + ":" + pick(List.of("0", "5", "\"x\"")) + "}";
            }
            if (type.isRecord()) {
                return json(type, mode, depth + 1);
            }
            return "null";
        }

        /** A JSON value that no deserializer of the type accepts. */
        private String wrongJson(Class<?> type) {
            if (type == String.class || type == CharSequence.class || type.isEnum() || type == UUID.class
                    || Temporal.class.isAssignableFrom(type) || Number.class.isAssignableFrom(type)
                    || type.isPrimitive()) {
                return pick(List.of("{\"nested\":1}", "[1,2]", "{}"));
            }
            if (Collection.class.isAssignableFrom(type) || type.isArray()) {
                return pick(List.of("{\"x\":1}", "{}"));
            }
            return pick(List.of("[1,2]", "[[]]"));
        }

        private byte[] multipart(String kind, String boundary) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            String used = kind.equals("broken-multipart") ? pick(List.of(boundary + "x", "", boundary.substring(1)))
                    : boundary;
            for (Param field : endpoint.form()) {
                out.writeBytes(bytes("--" + used + "\r\nContent-Disposition: form-data; name=\"" + field.name()
                        + "\"\r\n\r\n" + (hardTyped(field.type()) ? wrongText(field.type()) : badText()) + "\r\n"));
            }
            for (Param file : endpoint.files()) {
                String name = kind.equals("wrong-part-name") ? file.name() + "-not" : file.name();
                String fileName = pick(List.of("a.pdf", "../../etc/passwd", "😀.jpg", "x".repeat(1_000) + ".png",
                        "a\u0000.pdf", "evil.exe", ""));
                String type = pick(List.of("application/pdf", "image/jpeg", "application/x-msdownload", "text/html",
                        "", "invalid/type/here"));
                byte[] content = switch (kind) {
                    case "empty-file" -> new byte[0];
                    case "wrong-file-type" -> pick(List.of(bytes("MZ\u0090\u0000 this is not a document"),
                            bytes("<html><script>alert(1)</script></html>"), bytes("%PDF-broken")));
                    default -> bytes("%PDF-1.4\n%%EOF");
                };
                out.writeBytes(bytes("--" + used + "\r\nContent-Disposition: form-data; name=\"" + name
                        + "\"; filename=\"" + fileName + "\"\r\n" + (type.isEmpty() ? "" : "Content-Type: " + type + "\r\n")
                        + "\r\n"));
                out.writeBytes(content);
                out.writeBytes(bytes("\r\n"));
            }
            if (!kind.equals("broken-multipart") || random.nextBoolean()) {
                out.writeBytes(bytes("--" + used + "--\r\n"));
            }
            return out.toByteArray();
        }

        private byte[] form(String kind) {
            if (kind.equals("form-broken-encoding")) {
                return bytes(pick(List.of("%ZZ=1&a=%", "=&&=", "a=%E0%A4%A", "a=%00&b=%C0%AE", "&&&&",
                        "a" + "&a".repeat(20_000), "%")));
            }
            StringBuilder form = new StringBuilder();
            for (Param field : endpoint.form()) {
                if (kind.equals("form-garbage") && random.nextInt(3) == 0) {
                    continue;
                }
                String value = switch (kind) {
                    case "form-wrong-types" -> hardTyped(field.type()) ? wrongText(field.type()) : badText();
                    case "form-huge" -> HUGE;
                    default -> badText();
                };
                appendParam(form, field.name(), value);
            }
            if (random.nextBoolean()) {
                appendParam(form, pick(List.of("id", "role", "status", "mallId", "😀")), badText());
            }
            return bytes(form.toString());
        }

        private String wrongText(Class<?> type) {
            if (type == java.time.LocalDate.class || Temporal.class.isAssignableFrom(type)) {
                return pick(List.of("2026-13-45", "kemarin", "2026-02-30", "01/12/2026", "😀"));
            }
            return pick(List.of("abc", "😀", "1.5.5", "x".repeat(300), "--1", "0x1G", "99999999999999999999999"));
        }

        private String badText() {
            return pick(BAD_TEXTS);
        }

        private void appendParam(StringBuilder out, String name, String value) {
            out.append(out.isEmpty() ? "" : "&").append(encode(name)).append('=').append(encode(value));
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }

    /** Values of these types fail to convert from text that is not one of them. */
    private static boolean hardTyped(Class<?> type) {
        return (type.isPrimitive() && type != char.class) || Number.class.isAssignableFrom(type) || type.isEnum()
                || type == UUID.class || type == Boolean.class || Temporal.class.isAssignableFrom(type);
    }

    private static Class<?> elementOf(Type generic) {
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        if (generic instanceof Class<?> array && array.isArray()) {
            return array.getComponentType();
        }
        return String.class;
    }

    /** Percent-encodes UTF-8; a lone surrogate becomes the bytes a careless client would send for it. */
    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes(value)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static byte[] bytes(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        text.codePoints().forEach(codePoint -> {
            if (Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF) {
                out.writeBytes(new byte[] {(byte) 0xED, (byte) (0xA0 | ((codePoint >> 6) & 0x0F)),
                        (byte) (0x80 | (codePoint & 0x3F))});
            } else {
                out.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
            }
        });
        return out.toByteArray();
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "...(" + text.length() + ")" : text;
    }

    // ------------------------------------------------------------------ report

    /** What came back, by endpoint and status class, and every answer that breaks the rules. */
    static final class Report {

        private final long seed;
        private final List<Outcome> outcomes;
        private final List<String> failures = new ArrayList<>();

        Report(long seed, List<Outcome> outcomes) {
            this.seed = seed;
            this.outcomes = outcomes;
            for (Outcome outcome : outcomes) {
                check(outcome).ifPresent(failures::add);
            }
        }

        List<String> failures() {
            return failures;
        }

        private static java.util.Optional<String> check(Outcome outcome) {
            Generated request = outcome.request();
            String where = request.identity().name() + " " + request.kind() + " " + request.description()
                    + " (" + request.endpoint().handler() + ")";
            if (outcome.status() >= 500) {
                return java.util.Optional.of(outcome.status() + " for " + where + ": " + abbreviate(outcome.body()));
            }
            for (String marker : STACK_TRACE_MARKERS) {
                if (outcome.body().contains(marker)) {
                    return java.util.Optional.of("stack trace marker '" + marker.strip() + "' in " + outcome.status()
                            + " for " + where + ": " + abbreviate(outcome.body()));
                }
            }
            if (request.endpoint().api() && outcome.status() >= 400 && !outcome.body().isEmpty()
                    && !outcome.refusedByContainer()
                    && !(outcome.contentType().startsWith("application/problem+json")
                            && outcome.body().matches("(?s).*\"code\"\\s*:\\s*\"[A-Z_]+\".*"))) {
                return java.util.Optional.of("not a problem with a code: " + outcome.status() + " "
                        + outcome.contentType() + " for " + where + ": " + abbreviate(outcome.body()));
            }
            return java.util.Optional.empty();
        }

        String summary() {
            Map<String, Map<String, AtomicInteger>> byEndpoint = new TreeMap<>();
            Map<String, AtomicInteger> byClass = new TreeMap<>();
            Map<String, AtomicInteger> byKind = new TreeMap<>();
            Map<String, Long> millis = new TreeMap<>();
            long refused = outcomes.stream().filter(Outcome::refusedByContainer).count();
            for (Outcome outcome : outcomes) {
                String statusClass = outcome.status() == 0 ? "closed" : (outcome.status() / 100) + "xx";
                byEndpoint.computeIfAbsent(outcome.request().endpoint().key(), k -> new TreeMap<>())
                        .computeIfAbsent(statusClass, k -> new AtomicInteger()).incrementAndGet();
                byClass.computeIfAbsent(statusClass, k -> new AtomicInteger()).incrementAndGet();
                byKind.computeIfAbsent(outcome.request().kind(), k -> new AtomicInteger()).incrementAndGet();
                millis.merge(outcome.request().endpoint().key(), outcome.millis(), Long::sum);
            }
            StringBuilder out = new StringBuilder();
            out.append("Malformed requests: seed ").append(seed).append(", ").append(outcomes.size())
                    .append(" requests to ").append(byEndpoint.size()).append(" endpoints\n");
            out.append("By status class: ").append(byClass).append('\n');
            out.append("By malformation: ").append(byKind).append('\n');
            out.append("Refused by the servlet container before the application (bare 400 page): ").append(refused)
                    .append('\n');
            out.append("Slowest endpoints (ms in total): ");
            millis.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                    .forEach(entry -> out.append(entry.getKey()).append('=').append(entry.getValue()).append("; "));
            out.append('\n');
            List<String> accepted = outcomes.stream()
                    .filter(o -> o.request().endpoint().mutating() && o.status() >= 200 && o.status() < 300)
                    .map(o -> o.status() + " " + o.request().identity().name() + " " + o.request().kind() + " "
                            + o.request().description())
                    .toList();
            out.append("Mutating requests answered 2xx (a form shown again with its errors, or accepted): ")
                    .append(accepted.size()).append('\n');
            accepted.stream().limit(20).forEach(line -> out.append("  ").append(line).append('\n'));
            outcomes.stream().filter(o -> o.error() != null).limit(20).forEach(o -> out.append("Connection closed: ")
                    .append(o.request().kind()).append(' ').append(o.request().description()).append(": ")
                    .append(o.error()).append('\n'));
            out.append("Failures: ").append(failures.size()).append('\n');
            failures.stream().limit(200).forEach(failure -> out.append("  ").append(failure).append('\n'));
            out.append("By endpoint:\n");
            byEndpoint.forEach((endpoint, counts) -> out.append("  ").append(endpoint).append(' ').append(counts)
                    .append('\n'));
            return out.toString();
        }
    }
}
