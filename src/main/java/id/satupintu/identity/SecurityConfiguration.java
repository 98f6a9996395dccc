package id.satupintu.identity;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import id.satupintu.shared.web.ProblemFactory;
import id.satupintu.shared.web.RequestSizeLimit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two ways in: the web UI signs staff in with a form and citizens with a one-time code, both into a session kept in
 * PostgreSQL; the API takes signed bearer tokens (JWT). Public pages and the public API need no sign-in. Staff pages
 * are for staff roles only, citizens' pages for citizens only.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String SUBMISSIONS_AUTHORITY = "SCOPE_" + IntegratorPrincipal.SUBMISSIONS_SCOPE;

    /** Scripts and styles only from files of this application: no inline code, no eval. */
    static final String WEB_CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
    /** API answers are data, never a document to render. */
    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /** Nothing here needs a camera, a microphone, the position or payments; sound and speech need no permission. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
    static final java.time.Duration HSTS_MAX_AGE = java.time.Duration.ofDays(365);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(StaffAccounts accounts) {
        return username -> accounts.findByUsername(username)
                .map(stored -> new StaffUser(stored.staff(), stored.passwordHash(), stored.enabled()))
                .orElseThrow(() -> new UsernameNotFoundException("No such staff account"));
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwordEncoder,
            SignInThrottle throttle) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        return new ThrottledAuthenticationManager(new ProviderManager(provider), throttle);
    }

    @Bean
    JwtDecoder jwtDecoder(TokenSigningKey key) {
        return token -> NimbusJwtDecoder.withSecretKey(key.get()).macAlgorithm(MacAlgorithm.HS256).build()
                .decode(token);
    }

    @Bean
    JwtEncoder jwtEncoder(TokenSigningKey key) {
        return parameters -> new NimbusJwtEncoder(new ImmutableSecret<>(key.get())).encode(parameters);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemFactory problems, JsonMapper json,
            LocaleResolver locales, RequestSizeLimit sizeLimit) throws Exception {
        http.securityMatcher("/api/**")
                .addFilterAfter(sizeLimit, HeaderWriterFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/oauth2/token",
                                "/api/v1/malls/*/tickets").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/tickets/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/appointments", "/api/v1/appointments/*/check-in")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/appointments/*",
                                "/api/v1/malls/*/services/*/slots").permitAll()
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/appointments/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/complaints", "/api/v1/complaints/*/attachments",
                                "/api/v1/complaints/*/replies", "/api/v1/complaints/*/close",
                                "/api/v1/complaints/*/reopen", "/api/v1/complaints/*/rating").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/complaints/*", "/api/v1/complaint-categories")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/surveys").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/malls/*/ikm", "/api/v1/ikm").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/malls", "/api/v1/malls/*",
                                "/api/v1/malls/*/services", "/api/v1/malls/*/services/*", "/api/v1/regions",
                                "/api/v1/regions/*", "/api/v1/services", "/api/v1/documents/*/verification",
                                "/api/v1/tracking/*")
                        .permitAll()
                        .requestMatchers("/api/v1/insight/national", "/api/v1/insight/national/**")
                        .hasRole(StaffRole.NATIONAL_ADMIN.name())
                        .requestMatchers("/api/v1/submissions", "/api/v1/submissions/**")
                        .hasAnyAuthority(SUBMISSIONS_AUTHORITY, StaffRole.OFFICER.authority(),
                                StaffRole.MALL_MANAGER.authority(), StaffRole.NATIONAL_ADMIN.authority())
                        // An integrator's token opens the applications API only; the rest is for staff.
                        .anyRequest().hasAnyRole(staffRoles()))
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfiguration::principalFromToken))
                        .authenticationEntryPoint((request, response, e) ->
                                writeProblem(request, response, locales, problems, json, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED"))
                        .accessDeniedHandler((request, response, e) ->
                                writeProblem(request, response, locales, problems, json, HttpStatus.FORBIDDEN, "OUT_OF_SCOPE")))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) ->
                                writeProblem(request, response, locales, problems, json, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED"))
                        .accessDeniedHandler((request, response, e) ->
                                writeProblem(request, response, locales, problems, json, HttpStatus.FORBIDDEN, "OUT_OF_SCOPE")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer tokens are not sent by a browser on its own, so a forged cross-site request carries none.
                .csrf(csrf -> csrf.disable())
                .headers(headers -> commonHeaders(headers)
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, AuthenticationManager staffPasswords,
            RequestSizeLimit sizeLimit) throws Exception {
        // Before the CSRF check, which would read a form of any size to find its token.
        http.addFilterAfter(sizeLimit, HeaderWriterFilter.class)
                .authenticationManager(staffPasswords).authorizeHttpRequests(requests -> requests
                        .requestMatchers("/manage/outbox", "/manage/national").hasRole("NATIONAL_ADMIN")
                        .requestMatchers("/manage/**").hasAnyRole("NATIONAL_ADMIN", "MALL_MANAGER")
                        .requestMatchers("/staff/**", "/counter/**").hasAnyRole(staffRoles())
                        .requestMatchers(CitizenPagesController.PUBLIC).permitAll()
                        .requestMatchers("/citizen/**").hasRole("CITIZEN")
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole("NATIONAL_ADMIN")
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/staff", true).permitAll()
                        .failureHandler(SecurityConfiguration::signInFailed))
                // Citizens sign in with a one-time code on pages of their own; staff with the form.
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(
                        new DelegatingAuthenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"),
                                new RequestMatcherEntry<>(PathPatternRequestMatcher.pathPattern("/citizen/**"),
                                        new LoginUrlAuthenticationEntryPoint(CitizenPagesController.SIGN_IN)))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut"))
                .headers(headers -> commonHeaders(headers)
                        .contentSecurityPolicy(csp -> csp.policyDirectives(WEB_CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    /**
     * Headers on every answer, pages and API alike. HSTS goes out on every answer, not only on those that came over
     * TLS: the application usually sits behind a proxy that ends TLS, and browsers ignore the header on plain HTTP
     * (RFC 6797 section 8.1), so sending it always costs nothing and needs no trust in forwarded headers.
     */
    private static HeadersConfigurer<HttpSecurity> commonHeaders(HeadersConfigurer<HttpSecurity> headers) {
        return headers
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_MAX_AGE.toSeconds())
                        .includeSubDomains(true).requestMatcher(AnyRequestMatcher.INSTANCE))
                .contentTypeOptions(Customizer.withDefaults())
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer
                        .policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY));
    }

    /** A wrong password goes back to the form with a notice; a locked sign-in says how many minutes to wait. */
    private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.core.AuthenticationException e) throws IOException {
        String query = e instanceof ThrottledAuthenticationManager.Locked locked
                ? "locked=" + locked.throttled().minutes() : "error";
        response.sendRedirect(request.getContextPath() + "/login?" + query);
    }

    private static String[] staffRoles() {
        return Arrays.stream(StaffRole.values()).map(StaffRole::name).toArray(String[]::new);
    }

    /** A staff member's token carries their role; an integrator's its client id and scopes. */
    private static AbstractAuthenticationToken principalFromToken(Jwt jwt) {
        Object principal;
        List<SimpleGrantedAuthority> authorities;
        if (TokenService.isClientToken(jwt)) {
            IntegratorPrincipal client = TokenService.integratorOf(jwt);
            principal = client;
            authorities = client.scopes().stream().map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope))
                    .toList();
        } else {
            StaffPrincipal staff = TokenService.principalOf(jwt);
            principal = staff;
            authorities = List.of(new SimpleGrantedAuthority(staff.role().authority()));
        }
        AbstractAuthenticationToken authentication = new AbstractAuthenticationToken(authorities) {
            @Override
            public Object getCredentials() {
                return jwt;
            }

            @Override
            public Object getPrincipal() {
                return principal;
            }
        };
        authentication.setAuthenticated(true);
        return authentication;
    }

    /** Security answers before the dispatcher has resolved the language, so it resolves it here. */
    private static void writeProblem(HttpServletRequest request, HttpServletResponse response, LocaleResolver locales,
            ProblemFactory problems, JsonMapper json, HttpStatus status, String code) throws IOException {
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = problems.of(status, code, locale);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
