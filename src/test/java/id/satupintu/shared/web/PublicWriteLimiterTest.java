package id.satupintu.shared.web;

import java.lang.reflect.Method;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicWriteLimiterTest {

    static class Endpoints {
        @LimitedPublicWrite
        void book() {
        }

        void read() {
        }
    }

    final PublicWriteLimiter limiter = new PublicWriteLimiter(3, Duration.ofMinutes(1));

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static HandlerMethod handler(String name) throws NoSuchMethodException {
        Method method = Endpoints.class.getDeclaredMethod(name);
        return new HandlerMethod(new Endpoints(), method);
    }

    static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/appointments");
        request.setRemoteAddr(address);
        return request;
    }

    @Test
    void aClientGetsItsBurstThenATooManyRequestsWithWhenToRetry() throws Exception {
        HandlerMethod book = handler("book");
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.preHandle(from("10.0.0.1"), new MockHttpServletResponse(), book)).isTrue();
        }
        assertThatThrownBy(() -> limiter.preHandle(from("10.0.0.1"), new MockHttpServletResponse(), book))
                .isInstanceOfSatisfying(RateLimited.class, e -> {
                    assertThat(e.retryAfterSeconds()).isBetween(1L, 20L);
                    assertThat(e.code().name()).isEqualTo("RATE_LIMITED");
                    assertThat(e.code().kind().name()).isEqualTo("TOO_MANY_REQUESTS");
                });
        assertThat(limiter.preHandle(from("10.0.0.2"), new MockHttpServletResponse(), book))
                .as("another client has its own share").isTrue();
    }

    @Test
    void unmarkedEndpointsAndSignedInStaffAreNotLimited() throws Exception {
        HandlerMethod read = handler("read");
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.preHandle(from("10.0.0.3"), new MockHttpServletResponse(), read)).isTrue();
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "manager-3671", null, AuthorityUtils.createAuthorityList("ROLE_MALL_MANAGER")));
        HandlerMethod book = handler("book");
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.preHandle(from("10.0.0.3"), new MockHttpServletResponse(), book)).isTrue();
        }
    }
}
