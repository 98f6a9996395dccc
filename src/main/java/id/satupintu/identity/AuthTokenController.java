package id.satupintu.identity;

import id.satupintu.shared.DomainException;
import id.satupintu.shared.ErrorCode;
import id.satupintu.shared.ErrorKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Staff authentication")
class AuthTokenController {

    private final AuthenticationManager authenticationManager;
    private final TokenService tokens;

    AuthTokenController(AuthenticationManager authenticationManager, TokenService tokens) {
        this.authenticationManager = authenticationManager;
        this.tokens = tokens;
    }

    @PostMapping("/api/v1/auth/token")
    @Operation(summary = "Exchange a staff username and password for a bearer token")
    @ApiResponse(responseCode = "429", description = "Too many failed sign-ins for this account or from this "
            + "address: SIGN_IN_THROTTLED with Retry-After")
    TokenService.IssuedToken token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        Authentication authentication;
        try {
            UsernamePasswordAuthenticationToken attempt =
                    UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password());
            attempt.setDetails(new WebAuthenticationDetails(http));
            authentication = authenticationManager.authenticate(attempt);
        } catch (ThrottledAuthenticationManager.Locked e) {
            throw e.throttled();
        } catch (AuthenticationException e) {
            throw new InvalidCredentials();
        }
        return tokens.issue(StaffPrincipal.from(authentication).orElseThrow(InvalidCredentials::new));
    }

    record TokenRequest(@NotBlank @Size(max = 80) String username, @NotBlank @Size(max = 200) String password) {
    }

    static class InvalidCredentials extends DomainException {
        enum Code implements ErrorCode {
            INVALID_CREDENTIALS;

            @Override
            public ErrorKind kind() {
                return ErrorKind.UNAUTHENTICATED;
            }
        }

        InvalidCredentials() {
            super(Code.INVALID_CREDENTIALS);
        }
    }

}
