package id.satupintu.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.satupintu.SatuPintuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write that a visitor who is not signed in may call is counted by {@link PublicWriteLimiter}, apart from a
 * short list with reasons. Which writes are open to visitors is asked of the security configuration itself. That a
 * counted write answers 429 with Retry-After and a problem is shown by {@code PublicWriteLimiterTest} and
 * {@code RateLimitTests}.
 */
@SatuPintuTest
class PublicWritesAreLimitedTests {

    /** Open writes that are not counted per address, and why. */
    static final Map<String, String> NOT_COUNTED = Map.of(
            "POST /api/v1/auth/token", "sign-in: locked after failures by the sign-in throttle",
            "POST /api/v1/oauth2/token", "sign-in: locked after failures by the sign-in throttle",
            "POST /citizen/sign-out", "ends the visitor's own session and writes nothing",
            "POST /kiosk/{mallCode}/tickets", "the mall's kiosks, many behind one address; quotas bound them",
            "POST /kiosk/{mallCode}/check-in", "the mall's kiosks, many behind one address; a booking checks in once");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    WebInvocationPrivilegeEvaluator privileges;

    @Test
    void everyWriteOpenToVisitorsIsCounted() {
        AnonymousAuthenticationToken visitor = new AnonymousAuthenticationToken("test", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        List<String> open = new ArrayList<>();
        List<String> uncounted = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (RequestMethod method : methods) {
                if (method == RequestMethod.GET || method == RequestMethod.HEAD || method == RequestMethod.OPTIONS) {
                    continue;
                }
                for (String pattern : entry.getKey().getPatternValues()) {
                    String path = pattern.replaceAll("\\{(\\w+)(:[^}]*)?}", "x1");
                    if (!privileges.isAllowed("", path, method.name(), visitor)) {
                        continue;
                    }
                    String endpoint = method + " " + pattern;
                    open.add(endpoint);
                    if (!entry.getValue().hasMethodAnnotation(LimitedPublicWrite.class)
                            && !NOT_COUNTED.containsKey(endpoint)) {
                        uncounted.add(endpoint + " (" + entry.getValue().getShortLogMessage() + ")");
                    }
                }
            }
        }
        assertThat(open).as("the open writes found").contains("POST /api/v1/appointments", "POST /api/v1/complaints",
                "POST /api/v1/surveys", "POST /api/v1/malls/{mallCode}/tickets", "POST /citizen/sign-up",
                "POST /citizen/code", "POST /complaints", "POST /survey/ticket/{id}")
                .doesNotContain("POST /api/v1/counters/{counterId}/call-next", "POST /manage/{mallCode}/hours");
        assertThat(open).containsAll(NOT_COUNTED.keySet());
        assertThat(uncounted).as("open writes not counted by the public write limiter").isEmpty();
    }
}
