package id.satupintu.identity;

import java.io.IOException;
import java.net.HttpCookie;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import id.satupintu.ApiClient;
import id.satupintu.SatuPintuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser-facing defences over real HTTP: security headers on pages and API answers, a content security policy
 * that no template breaks, CSRF tokens on every state-changing form, a new session id at every sign-in, and a
 * session gone from the database at sign-out.
 */
@SatuPintuTest
class WebSecurityTests {

    static final String PASSWORD = "mpp-demo-2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Citizens citizens;

    @Test
    void pagesAndApiAnswersCarryTheSecurityHeaders() {
        ApiClient web = new ApiClient(port);
        List<ApiClient.Response> pages = List.of(web.get("/"), web.get("/login"), web.get("/citizen/sign-in"),
                web.get("/no-such-page"), web.get("/malls/32.73"));
        ApiClient api = new ApiClient(port);
        List<ApiClient.Response> apiAnswers = List.of(api.get("/api/v1/malls"), api.get("/api/v1/counters"),
                api.get("/api/v1/no-such-thing"), api.postJson("/api/v1/auth/token", "{}"));
        for (ApiClient.Response answer : Stream.concat(pages.stream(), apiAnswers.stream()).toList()) {
            String what = answer.raw().request().uri() + " " + answer.status();
            assertThat(answer.header("Strict-Transport-Security")).as(what).isNotNull();
            Matcher maxAge = Pattern.compile("max-age=(\\d+)").matcher(answer.header("Strict-Transport-Security"));
            assertThat(maxAge.find()).as(what).isTrue();
            assertThat(Long.parseLong(maxAge.group(1))).as(what).isGreaterThanOrEqualTo(365L * 24 * 3600);
            assertThat(answer.header("Strict-Transport-Security")).as(what).contains("includeSubDomains");
            assertThat(answer.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).as(what).isEqualTo("DENY");
            assertThat(answer.header("Referrer-Policy")).as(what).isEqualTo("strict-origin-when-cross-origin");
            assertThat(answer.header("Permissions-Policy")).as(what).contains("camera=()").contains("geolocation=()");
            Map<String, List<String>> csp = csp(answer.header("Content-Security-Policy"));
            assertThat(csp.get("frame-ancestors")).as(what).containsExactly("'none'");
            List<String> scripts = csp.getOrDefault("script-src", csp.get("default-src"));
            assertThat(scripts).as(what).isNotEmpty().doesNotContain("'unsafe-inline'", "'unsafe-eval'", "*", "data:");
        }
        for (ApiClient.Response page : pages) {
            Map<String, List<String>> csp = csp(page.header("Content-Security-Policy"));
            assertThat(csp.get("script-src")).containsExactly("'self'");
            assertThat(csp.get("style-src")).containsExactly("'self'");
            assertThat(csp.get("object-src")).containsExactly("'none'");
        }
        for (ApiClient.Response answer : apiAnswers) {
            assertThat(csp(answer.header("Content-Security-Policy")))
                    .isEqualTo(Map.of("default-src", List.of("'none'"), "frame-ancestors", List.of("'none'")));
        }
    }

    @Test
    void behindATlsProxyTheSchemeAndAddressComeFromForwardedHeaders() {
        ApiClient web = new ApiClient(port);
        // A redirect is written with the scheme the proxy says the browser used.
        ApiClient.Response redirect = web.get("/citizen", "X-Forwarded-Proto", "https", "X-Forwarded-Host",
                "mpp.example.go.id");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).startsWith("https://mpp.example.go.id/");
        assertThat(redirect.header("Strict-Transport-Security")).contains("max-age=31536000");
    }

    /** No template has inline script, event handler attributes or style attributes, which the policy blocks. */
    @Test
    void noTemplateNeedsInlineScriptOrStyle() throws IOException {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\b(th:)?src=)[^>]*>");
        Pattern handler = Pattern.compile("\\s(th:|data-th-)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern style = Pattern.compile("\\s(th:)?style(append)?\\s*=|<style[\\s>]", Pattern.CASE_INSENSITIVE);
        Path templates = Path.of("src/main/resources/templates");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(templates)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                // Mail bodies are read in a mail client, not under this policy.
                if (file.startsWith(templates.resolve("mail"))) {
                    continue;
                }
                String html = Files.readString(file);
                for (Pattern pattern : List.of(inlineScript, handler, style)) {
                    Matcher matcher = pattern.matcher(html);
                    while (matcher.find()) {
                        found.add(templates.relativize(file) + ": " + matcher.group());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /** Every state-changing form outside the API refuses a post without the session's token, and changes nothing. */
    @Test
    void everyWebFormRefusesAPostWithoutItsCsrfToken() {
        List<String> paths = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, ?> entry : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            boolean writes = methods.isEmpty() || methods.stream().anyMatch(method -> method != RequestMethod.GET
                    && method != RequestMethod.HEAD && method != RequestMethod.OPTIONS);
            for (String pattern : entry.getKey().getPatternValues()) {
                if (writes && !pattern.startsWith("/api/") && !pattern.equals("/error")) {
                    paths.add(sample(pattern));
                }
            }
        }
        paths.add("/login");
        paths.add("/logout");
        assertThat(paths).as("the forms found").hasSizeGreaterThan(40).contains("/citizen/sign-in", "/complaints");

        ApiClient manager = new ApiClient(port);
        assertThat(manager.signIn("manager-3671", PASSWORD).status()).isEqualTo(302);
        long codes = count("citizen_code");
        long complaints = count("complaint");
        for (String path : paths) {
            ApiClient.Response refused = manager.postForm(path, ApiClient.form("nik", "3671011708850002",
                    "contact", "budi.santoso@example.org", "text", "Tanpa token"));
            assertThat(refused.status()).as("POST " + path + " without a token").isEqualTo(403);
            ApiClient.Response forged = manager.postForm(path, ApiClient.form("_csrf", "forged-token"));
            assertThat(forged.status()).as("POST " + path + " with a forged token").isEqualTo(403);
        }
        assertThat(count("citizen_code")).isEqualTo(codes);
        assertThat(count("complaint")).isEqualTo(complaints);
        assertThat(manager.get("/staff/inbox").status()).as("still signed in: the refusals did not sign out").isEqualTo(200);

        ApiClient visitor = new ApiClient(port);
        String page = visitor.get("/citizen/sign-in").body();
        ApiClient.Response accepted = visitor.postForm("/citizen/sign-in", ApiClient.form("_csrf",
                visitor.csrfFrom(page), "nik", "3671011708850002", "contact", "nobody@example.org"));
        assertThat(accepted.status()).isEqualTo(302);
        assertThat(accepted.header("Location")).endsWith("/citizen/code");
        assertThat(count("citizen_code")).isEqualTo(codes + 1);
        ApiClient staff = new ApiClient(port);
        assertThat(staff.signIn("manager-3671", PASSWORD).header("Location")).endsWith("/staff");
    }

    @Test
    void signedInPagesGiveHtmxTheTokenForItsOwnRequests() {
        ApiClient manager = new ApiClient(port);
        manager.signIn("manager-3671", PASSWORD);
        String page = manager.get("/staff/inbox").body();
        assertThat(page).containsPattern("<meta name=\"csrf-token\" content=\"[^\"]+\">")
                .contains("<meta name=\"csrf-header\" content=\"X-CSRF-TOKEN\">").contains("/js/csrf.js");
        Matcher token = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">").matcher(page);
        assertThat(token.find()).isTrue();
        ApiClient.Response withHeader = manager.postForm("/logout", "", "X-CSRF-TOKEN", token.group(1));
        assertThat(withHeader.status()).as("the header passes the CSRF check").isEqualTo(302);
        assertThat(withHeader.header("Location")).endsWith("/?signedOut");
    }

    @Test
    void staffSignInGivesANewSessionIdAndSignOutRemovesTheSessionFromTheDatabase() {
        ApiClient web = new ApiClient(port);
        ApiClient.Response form = web.get("/login");
        String before = sessionCookie(form);
        assertThat(before).as("the form's session, which carries its CSRF token").isNotNull();
        assertThat(stored(before)).isTrue();

        ApiClient.Response signedIn = web.postForm("/login", ApiClient.form("username", "manager-3671",
                "password", PASSWORD, "_csrf", web.csrfFrom(form.body())));
        String after = sessionCookie(signedIn);
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(stored(before)).as("the old id is no longer a session").isFalse();
        assertThat(stored(after)).isTrue();

        String page = web.get("/staff/inbox").body();
        ApiClient.Response signedOut = web.postForm("/logout", ApiClient.form("_csrf", web.csrfFrom(page)));
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(stored(after)).as("sign-out deletes the session row").isFalse();
        assertThat(web.get("/manage").status()).isEqualTo(302);
    }

    @Test
    void citizenSignInWithACodeGivesANewSessionId() throws Exception {
        citizens.registerVerified(CitizenAccountTests.BUDI_NIK, "Budi Santoso", java.time.LocalDate.of(1985, 8, 17),
                CitizenAccountTests.BUDI_EMAIL, "0812-3456-7890");
        int mails = (int) id.satupintu.TestMailServer.count(CitizenAccountTests.BUDI_EMAIL, TestCitizens.SUBJECT);
        ApiClient web = new ApiClient(port);
        TestCitizens.signIn(web, CitizenAccountTests.BUDI_NIK, CitizenAccountTests.BUDI_EMAIL);
        ApiClient.Response codePage = web.get("/citizen/code");
        String csrf = web.csrfFrom(codePage.body());
        String before = web.cookie("SESSION");
        assertThat(stored(before)).isTrue();

        ApiClient.Response signedIn = web.postForm("/citizen/code", ApiClient.form("_csrf", csrf, "code",
                TestCitizens.awaitCode(CitizenAccountTests.BUDI_EMAIL, mails + 1)));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
        String after = sessionCookie(signedIn);
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(stored(before)).isFalse();
        assertThat(web.get("/citizen").status()).isEqualTo(200);

        ApiClient.Response signedOut = web.postForm("/citizen/sign-out",
                ApiClient.form("_csrf", web.csrfFrom(web.get("/citizen").body())));
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(stored(after)).isFalse();
    }

    /** A concrete path for a mapping's pattern: the first choice of a restricted variable, else a plain word. */
    static String sample(String pattern) {
        Matcher variable = Pattern.compile("\\{(\\w+)(?::([^}]*))?}").matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String value = variable.group(2) == null ? "x1" : variable.group(2).split("\\|")[0];
            variable.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variable.appendTail(path);
        return path.toString().replace("/**", "/x");
    }

    static Map<String, List<String>> csp(String header) {
        assertThat(header).isNotBlank();
        Map<String, List<String>> directives = new LinkedHashMap<>();
        for (String directive : header.split(";")) {
            List<String> parts = Arrays.stream(directive.trim().split("\\s+")).filter(p -> !p.isEmpty()).toList();
            if (!parts.isEmpty()) {
                directives.put(parts.getFirst().toLowerCase(), parts.subList(1, parts.size()));
            }
        }
        return directives;
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private boolean stored(String cookieValue) {
        String id = new String(Base64.getDecoder().decode(cookieValue));
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = :id").param("id", id)
                .query(Long.class).single() == 1;
    }

    private static String sessionCookie(ApiClient.Response response) {
        return response.raw().headers().allValues("Set-Cookie").stream()
                .flatMap(header -> HttpCookie.parse(header).stream())
                .filter(cookie -> cookie.getName().equals("SESSION") && !cookie.getValue().isEmpty())
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }
}
