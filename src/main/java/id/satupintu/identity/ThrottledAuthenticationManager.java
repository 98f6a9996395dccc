package id.satupintu.identity;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Staff passwords, checked behind the {@link SignInThrottle}: the sign-in form and the API's token endpoint both go
 * through here, with the client address in the authentication's details.
 */
final class ThrottledAuthenticationManager implements AuthenticationManager {

    /** The sign-in was refused unchecked, or this failure locked the account or the address. */
    static final class Locked extends AuthenticationException {

        private final transient SignInThrottle.Throttled throttled;

        Locked(SignInThrottle.Throttled throttled) {
            super("Too many failed sign-ins", throttled);
            this.throttled = throttled;
        }

        SignInThrottle.Throttled throttled() {
            return throttled;
        }
    }

    private final AuthenticationManager passwords;
    private final SignInThrottle throttle;

    ThrottledAuthenticationManager(AuthenticationManager passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String account = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "";
        try {
            throttle.check(SignInThrottle.Door.STAFF, account, address);
        } catch (SignInThrottle.Throttled e) {
            throw new Locked(e);
        }
        try {
            Authentication result = passwords.authenticate(attempt);
            throttle.succeeded(SignInThrottle.Door.STAFF, account);
            return result;
        } catch (AuthenticationServiceException e) {
            throw e;
        } catch (AuthenticationException e) {
            try {
                throttle.failed(SignInThrottle.Door.STAFF, account, address);
            } catch (SignInThrottle.Throttled locked) {
                throw new Locked(locked);
            }
            throw e;
        }
    }
}
