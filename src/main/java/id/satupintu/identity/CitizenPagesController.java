package id.satupintu.identity;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import id.satupintu.shared.DomainException;
import id.satupintu.shared.MessageDelivery;
import id.satupintu.shared.NotFoundException;
import id.satupintu.shared.web.LimitedPublicWrite;
import id.satupintu.shared.web.ProblemFactory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Citizens sign up (NIK checked with the population registry, consent to processing) and sign in (NIK and the
 * contact on the account) with a one-time code, and sign out. A correct code puts a {@link CitizenPrincipal} with
 * {@code ROLE_CITIZEN} into the session under a new session id.
 */
@Controller
class CitizenPagesController {

    static final String SIGN_IN = "/citizen/sign-in";
    static final String HOME = "/citizen";
    /** The citizen pages open to visitors who are not signed in. */
    static final String[] PUBLIC = {"/citizen/sign-up", SIGN_IN, "/citizen/code", "/citizen/code/resend",
            "/citizen/sign-out"};

    private static final String PENDING = CitizenPagesController.class.getName() + ".pending";

    private final CitizenCodes codes;
    private final Citizens citizens;
    private final MessageDelivery delivery;
    private final ProblemFactory problems;
    private final Clock clock;
    private final SignInThrottle throttle;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final RequestCache savedRequests = new HttpSessionRequestCache();

    CitizenPagesController(CitizenCodes codes, Citizens citizens, MessageDelivery delivery, ProblemFactory problems,
            Clock clock, SignInThrottle throttle) {
        this.throttle = throttle;
        this.codes = codes;
        this.citizens = citizens;
        this.delivery = delivery;
        this.problems = problems;
        this.clock = clock;
    }

    /** What the sign-up form holds between tries, so that an error keeps what the citizen typed. */
    record SignUpForm(String nik, @NotBlank @Size(max = 200) String fullName, @NotBlank String birthDate,
            @Size(max = 254) String email, @Size(max = 20) String phone, @NotNull @AssertTrue Boolean consent) {
    }

    record SignInForm(String nik, @NotBlank @Size(max = 254) String contact) {
    }

    /** Kept in the session between asking for a code and entering it; the code itself only in a demo. */
    record Pending(UUID codeId, CitizenCodes.Purpose purpose, List<String> sentTo, String demoCode)
            implements Serializable {
    }

    @GetMapping(HOME)
    String home(Model model) {
        CitizenPrincipal principal = CitizenPrincipal.requireCurrent();
        model.addAttribute("citizen", citizens.find(principal.id())
                .orElseThrow(() -> new NotFoundException(NotFoundException.Code.ACCOUNT_NOT_FOUND)));
        return "identity/citizen-home";
    }

    @GetMapping("/citizen/sign-up")
    String signUpForm(Model model) {
        model.addAttribute("form", new SignUpForm(null, null, null, null, null, null));
        return "identity/citizen-sign-up";
    }

    @PostMapping("/citizen/sign-up")
    @LimitedPublicWrite
    String signUp(@Valid @ModelAttribute("form") SignUpForm form, BindingResult binding, HttpSession session,
            Locale locale) {
        if (binding.getTarget() == null) {
            // A value that no field of the form sends (a consent that is neither yes nor no): not our form.
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        Nik nik = parse(form.nik(), binding);
        LocalDate birthDate = birthDate(form.birthDate(), binding);
        if (binding.hasErrors()) {
            return "identity/citizen-sign-up";
        }
        try {
            remember(session, codes.requestSignUp(nik, form.fullName(), birthDate, form.email(),
                    form.phone(), locale));
            return "redirect:/citizen/code";
        } catch (CitizenError | RegistryUnavailable e) {
            reject(binding, e);
            return "identity/citizen-sign-up";
        }
    }

    @GetMapping(SIGN_IN)
    String signInForm(Model model) {
        model.addAttribute("form", new SignInForm(null, null));
        return "identity/citizen-sign-in";
    }

    @PostMapping(SIGN_IN)
    @LimitedPublicWrite
    String signIn(@Valid @ModelAttribute("form") SignInForm form, BindingResult binding, HttpSession session,
            Locale locale) {
        if (binding.getTarget() == null) {
            // A value that no field of the form sends (a consent that is neither yes nor no): not our form.
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        Nik nik = parse(form.nik(), binding);
        if (binding.hasErrors()) {
            return "identity/citizen-sign-in";
        }
        try {
            remember(session, codes.requestSignIn(nik, form.contact(), locale));
            return "redirect:/citizen/code";
        } catch (CitizenError e) {
            binding.rejectValue("contact", e.messageKey());
            return "identity/citizen-sign-in";
        }
    }

    @GetMapping("/citizen/code")
    String codeForm(HttpSession session, Model model) {
        Pending pending = (Pending) session.getAttribute(PENDING);
        if (pending == null) {
            return "redirect:" + SIGN_IN;
        }
        model.addAttribute("pending", pending);
        return "identity/citizen-code";
    }

    @PostMapping("/citizen/code")
    @LimitedPublicWrite
    String enterCode(@RequestParam(required = false) String code, HttpServletRequest request,
            HttpServletResponse response, Model model, Locale locale) {
        Pending pending = (Pending) request.getSession().getAttribute(PENDING);
        if (pending == null) {
            return "redirect:" + SIGN_IN;
        }
        String account = codes.accountOf(pending.codeId());
        String address = request.getRemoteAddr();
        try {
            throttle.check(SignInThrottle.Door.CITIZEN, account, address);
            Citizen citizen;
            try {
                citizen = codes.confirm(pending.codeId(), code);
            } catch (CitizenError e) {
                if (e.citizenCode() == CitizenError.Code.SIGN_IN_CODE_WRONG
                        || e.citizenCode() == CitizenError.Code.SIGN_IN_CODE_LOCKED) {
                    throttle.failed(SignInThrottle.Door.CITIZEN, account, address);
                }
                throw e;
            }
            throttle.succeeded(SignInThrottle.Door.CITIZEN, account);
            request.getSession().removeAttribute(PENDING);
            signIn(citizen, request, response);
            return "redirect:" + afterSignIn(request, response);
        } catch (CitizenError e) {
            return codePageWith(e, e.citizenCode().name(), pending, model, locale);
        } catch (SignInThrottle.Throttled e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            return codePageWith(e, e.code().name(), pending, model, locale);
        }
    }

    private String codePageWith(DomainException e, String code, Pending pending, Model model, Locale locale) {
        model.addAttribute("pending", pending);
        model.addAttribute("error", problems.detail(e, locale));
        model.addAttribute("errorCode", code);
        return "identity/citizen-code";
    }

    @PostMapping("/citizen/code/resend")
    @LimitedPublicWrite
    String resend(HttpSession session, Model model, Locale locale) {
        Pending pending = (Pending) session.getAttribute(PENDING);
        if (pending == null) {
            return "redirect:" + SIGN_IN;
        }
        try {
            remember(session, codes.resend(pending.codeId(), locale));
            return "redirect:/citizen/code?resent";
        } catch (CitizenError e) {
            if (e.citizenCode() == CitizenError.Code.SIGN_IN_CODE_EXPIRED) {
                session.removeAttribute(PENDING);
                return "redirect:" + (pending.purpose() == CitizenCodes.Purpose.SIGN_UP ? "/citizen/sign-up"
                        : SIGN_IN);
            }
            model.addAttribute("pending", pending);
            model.addAttribute("error", problems.detail(e, locale));
            return "identity/citizen-code";
        }
    }

    @PostMapping("/citizen/sign-out")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        new SecurityContextLogoutHandler().logout(request, response,
                SecurityContextHolder.getContext().getAuthentication());
        return "redirect:" + SIGN_IN + "?signedOut";
    }

    private static Nik parse(String nik, BindingResult binding) {
        try {
            return Nik.parse(nik);
        } catch (InvalidNikException e) {
            binding.rejectValue("nik", e.messageKey());
            return null;
        }
    }

    /** A date of birth as a date field sends it (ISO), before today. */
    private LocalDate birthDate(String text, BindingResult binding) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (!date.isBefore(LocalDate.now(clock))) {
                binding.rejectValue("birthDate", "Past");
            }
            return date;
        } catch (DateTimeParseException e) {
            binding.rejectValue("birthDate", "typeMismatch");
            return null;
        }
    }

    /** A malformed contact goes with its field; everything else is about the form as a whole. */
    private static void reject(BindingResult binding, DomainException e) {
        if (e.properties().get("field") instanceof String field && !field.equals("contact")) {
            binding.rejectValue(field, e.messageKey());
        } else {
            binding.reject(e.messageKey());
        }
    }

    private void remember(HttpSession session, CitizenCodes.Issued issued) {
        session.setAttribute(PENDING, new Pending(issued.codeId(), issued.purpose(), issued.sentTo(),
                delivery.simulated() ? issued.code() : null));
    }

    /** Signs the citizen in, under a new session id so that one planted before cannot ride along. */
    private void signIn(Citizen citizen, HttpServletRequest request, HttpServletResponse response) {
        request.changeSessionId();
        CitizenPrincipal principal = new CitizenPrincipal(citizen.id(), citizen.fullName(), citizen.nikMasked());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(CitizenPrincipal.AUTHORITY))));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    /** The citizen page asked for before signing in, else the citizen's home. */
    private String afterSignIn(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = savedRequests.getRequest(request, response);
        savedRequests.removeRequest(request, response);
        if (saved != null) {
            // Without the marker Spring Security adds to find the saved request again; it is no longer saved.
            UriComponents uri = UriComponentsBuilder.fromUriString(saved.getRedirectUrl())
                    .replaceQueryParam("continue").build();
            String home = request.getContextPath() + HOME;
            if (uri.getPath() != null && (uri.getPath().equals(home) || uri.getPath().startsWith(home + "/"))) {
                return uri.getPath().substring(request.getContextPath().length())
                        + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
            }
        }
        return HOME;
    }
}
