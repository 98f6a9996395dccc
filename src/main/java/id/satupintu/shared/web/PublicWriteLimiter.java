package id.satupintu.shared.web;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Limits public writes (a booking, a cancellation) per client address with a token bucket, so that one script
 * cannot take a whole quota: a burst of {@code capacity} calls, refilled at {@code capacity} per {@code period}.
 * Signed-in staff are not limited; signed-in citizens are. Endpoints opt in with {@link LimitedPublicWrite}. The
 * buckets live in this instance, so a client that spreads its calls over several instances gets one share from each.
 */
@Component
public class PublicWriteLimiter implements HandlerInterceptor {

    private static final String CITIZEN = "ROLE_CITIZEN";

    private final long capacity;
    private final Duration period;
    private final Cache<String, Bucket> buckets;

    PublicWriteLimiter(@Value("${satupintu.rate-limit.public-writes.capacity:10}") long capacity,
            @Value("${satupintu.rate-limit.public-writes.period:1m}") Duration period) {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalStateException("satupintu.rate-limit.public-writes needs a capacity of at least 1 "
                    + "and a positive period");
        }
        this.capacity = capacity;
        this.period = period;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(period.multipliedBy(2)).maximumSize(100_000).build();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(LimitedPublicWrite.class)
                || isStaff()) {
            return true;
        }
        ConsumptionProbe probe = buckets.get(request.getRemoteAddr(), address -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return true;
        }
        long wholeSecondsToWait = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
        throw new RateLimited(Math.max(1, wholeSecondsToWait));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build();
    }

    private static boolean isStaff() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)
                && authentication.getAuthorities().stream().noneMatch(a -> CITIZEN.equals(a.getAuthority()));
    }
}
