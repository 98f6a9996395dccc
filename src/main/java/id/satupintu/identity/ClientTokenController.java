package id.satupintu.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth2 token endpoint for integrators (RFC 6749 section 4.4, client credentials). Answers and errors follow
 * the RFC, so that standard OAuth2 client libraries work unchanged.
 */
@RestController
@Tag(name = "Integrator authentication")
class ClientTokenController {

    private final ApiClients clients;
    private final TokenService tokens;
    private final SignInThrottle throttle;

    ClientTokenController(ApiClients clients, TokenService tokens, SignInThrottle throttle) {
        this.clients = clients;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    @PostMapping(path = "/api/v1/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "Client credentials grant for integrators",
            description = "Form body grant_type=client_credentials; the client authenticates with HTTP Basic "
                    + "(client_secret_basic) or client_id and client_secret in the body (client_secret_post). "
                    + "Answers {access_token, token_type, expires_in, scope}; errors as RFC 6749: 400 "
                    + "unsupported_grant_type or invalid_scope, 401 invalid_client; 429 SIGN_IN_THROTTLED (problem, with "
                    + "Retry-After) after too many failures for the client or from the address.")
    ResponseEntity<Map<String, Object>> token(@RequestParam(name = "grant_type", required = false) String grantType,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(name = "client_secret", required = false) String clientSecret,
            @RequestParam(required = false) String scope,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletRequest request) {
        if (!"client_credentials".equals(grantType)) {
            return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type");
        }
        Optional<String[]> basic = basic(authorization);
        String id = basic.map(pair -> pair[0]).orElse(clientId);
        String secret = basic.map(pair -> pair[1]).orElse(clientSecret);
        String address = request.getRemoteAddr();
        throttle.check(SignInThrottle.Door.CLIENT, id, address);
        Optional<IntegratorPrincipal> client = clients.authenticate(id, secret);
        if (client.isEmpty()) {
            throttle.failed(SignInThrottle.Door.CLIENT, id, address);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"satupintu\"")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(Map.of("error", "invalid_client"));
        }
        throttle.succeeded(SignInThrottle.Door.CLIENT, id);
        IntegratorPrincipal granted = client.get();
        if (scope != null && !scope.isBlank()) {
            java.util.Set<String> asked = java.util.Set.of(scope.trim().split("\\s+"));
            if (!granted.scopes().containsAll(asked)) {
                return error(HttpStatus.BAD_REQUEST, "invalid_scope");
            }
            granted = new IntegratorPrincipal(granted.clientId(), granted.name(), asked);
        }
        TokenService.IssuedToken token = tokens.issue(granted);
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(Map.of("access_token", token.accessToken(), "token_type", token.tokenType(),
                        "expires_in", token.expiresIn(), "scope", String.join(" ", granted.scopes())));
    }

    private static Optional<String[]> basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error) {
        return ResponseEntity.status(status).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(Map.of("error", error));
    }
}
