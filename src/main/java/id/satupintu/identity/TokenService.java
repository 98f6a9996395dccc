package id.satupintu.identity;

import java.time.Duration;
import java.time.Instant;

import id.satupintu.shared.AgencyId;
import id.satupintu.shared.MallId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/** Issues bearer tokens for staff and reads the staff member back out of one. */
@Service
class TokenService {

    static final String ISSUER = "satupintu";
    static final String CLIENT_ID_CLAIM = "client_id";
    /** Integrators ask again when it runs out; a short life limits what a leaked token can do. */
    static final Duration CLIENT_TOKEN_LIFETIME = Duration.ofHours(1);

    private final JwtEncoder encoder;
    private final Duration lifetime;

    TokenService(JwtEncoder encoder, @Value("${satupintu.security.token-lifetime:8h}") Duration lifetime) {
        this.encoder = encoder;
        this.lifetime = lifetime;
    }

    IssuedToken issue(StaffPrincipal staff) {
        // Real time, not the application clock: token expiry is checked against real time by every verifier.
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(staff.username())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim("aid", staff.accountId())
                .claim("name", staff.displayName())
                .claim("role", staff.role().name());
        if (staff.mallId() != null) {
            claims.claim("mall", staff.mallId().value());
        }
        if (staff.agencyId() != null) {
            claims.claim("agency", staff.agencyId().value());
        }
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new IssuedToken(token, "Bearer", lifetime.toSeconds());
    }

    /** A token for an integrator: its client id and scopes, no staff claims. */
    IssuedToken issue(IntegratorPrincipal client) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject("client:" + client.clientId())
                .issuedAt(now)
                .expiresAt(now.plus(CLIENT_TOKEN_LIFETIME))
                .claim(CLIENT_ID_CLAIM, client.clientId())
                .claim("name", client.name())
                .claim("scope", String.join(" ", client.scopes()))
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(token, "Bearer", CLIENT_TOKEN_LIFETIME.toSeconds());
    }

    static boolean isClientToken(Jwt jwt) {
        return jwt.hasClaim(CLIENT_ID_CLAIM);
    }

    static IntegratorPrincipal integratorOf(Jwt jwt) {
        String scopes = jwt.getClaimAsString("scope");
        return new IntegratorPrincipal(jwt.getClaimAsString(CLIENT_ID_CLAIM), jwt.getClaimAsString("name"),
                scopes == null || scopes.isBlank() ? java.util.Set.of()
                        : new java.util.LinkedHashSet<>(java.util.List.of(scopes.split(" "))));
    }

    static StaffPrincipal principalOf(Jwt jwt) {
        Number mall = jwt.getClaim("mall");
        Number agency = jwt.getClaim("agency");
        Number accountId = jwt.getClaim("aid");
        return new StaffPrincipal(accountId.longValue(), jwt.getSubject(), jwt.getClaimAsString("name"),
                StaffRole.valueOf(jwt.getClaimAsString("role")),
                mall == null ? null : new MallId(mall.longValue()),
                agency == null ? null : new AgencyId(agency.longValue()));
    }

    record IssuedToken(String accessToken, String tokenType, long expiresIn) {
    }
}
