package id.satupintu.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.satupintu.identity.StaffPrincipal;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import id.satupintu.shared.AgencyId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Malls and services")
class ServiceApiController {

    private final Malls malls;
    private final Catalogue catalogue;

    ServiceApiController(Malls malls, Catalogue catalogue) {
        this.malls = malls;
        this.catalogue = catalogue;
    }

    @GetMapping("/api/v1/malls/{mallCode}/services")
    @Operation(summary = "The services a mall offers, with their public service standard")
    List<ServiceView> services(@PathVariable String mallCode, Locale locale) {
        Mall mall = malls.getByCode(mallCode);
        Map<AgencyId, Agency> agencies = agencies(mall);
        return catalogue.activeServices(mall.id()).stream()
                .map(s -> ServiceView.of(s, agencies.get(s.agencyId()), locale))
                .toList();
    }

    @GetMapping("/api/v1/malls/{mallCode}/services/{serviceCode}")
    @Operation(summary = "One service of a mall")
    ServiceView service(@PathVariable String mallCode, @PathVariable String serviceCode, Locale locale) {
        Mall mall = malls.getByCode(mallCode);
        MallService service = catalogue.service(mall.id(), serviceCode);
        return ServiceView.of(service, agencies(mall).get(service.agencyId()), locale);
    }

    @PostMapping("/api/v1/malls/{mallCode}/services")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a service to a mall (manager of that mall)", security = @SecurityRequirement(name = "bearer"))
    ServiceView create(@PathVariable String mallCode, @Valid @RequestBody ServiceRequest request, Locale locale) {
        Mall mall = managedMall(mallCode);
        catalogue.createService(mall.id(), request.toDraft(request.code()));
        return service(mallCode, request.code(), locale);
    }

    @PutMapping("/api/v1/malls/{mallCode}/services/{serviceCode}")
    @Operation(summary = "Change a service of a mall (manager of that mall)", security = @SecurityRequirement(name = "bearer"))
    ServiceView update(@PathVariable String mallCode, @PathVariable String serviceCode,
            @Valid @RequestBody ServiceRequest request, Locale locale) {
        Mall mall = managedMall(mallCode);
        MallService updated = catalogue.updateService(mall.id(), serviceCode, request.toDraft(serviceCode), null);
        return ServiceView.of(updated, agencies(mall).get(updated.agencyId()), locale);
    }

    private Mall managedMall(String mallCode) {
        Mall mall = malls.getByCode(mallCode);
        StaffPrincipal.requireCurrent().requireManagerOf(mall.id());
        return mall;
    }

    private Map<AgencyId, Agency> agencies(Mall mall) {
        return catalogue.agencies(mall.id()).stream().collect(Collectors.toMap(Agency::id, Function.identity()));
    }

    record AgencyRef(String code, String name) {
    }

    /**
     * A service as the integration contract (API v1) describes it. {@code procedure} is the steps as one text; {@code procedureSteps} gives
     * them one by one.
     */
    record ServiceView(String code, String name, AgencyRef agency, String ticketPrefix, List<String> requirements,
            String procedure, List<String> procedureSteps, String completionTime, String fee, String feeLegalBasis, String product,
            String complaintChannel, boolean online, Integer dailyQuota, boolean active) {

        static ServiceView of(MallService s, Agency agency, Locale locale) {
            return new ServiceView(s.code(), s.name().in(locale),
                    new AgencyRef(agency.code(), agency.name().in(locale)), s.ticketPrefix(), s.requirements(),
                    String.join(" → ", s.procedure()), s.procedure(), s.completionTime(), s.fee(), s.feeLegalBasis(), s.product(),
                    s.complaintChannel(), s.online(), s.dailyQuota(), s.active());
        }
    }

    record ServiceRequest(
            @NotBlank @Size(max = 20) String agencyCode,
            @Size(max = 40) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "{validation.code}") String code,
            @NotBlank @Size(max = 200) String nameId,
            @NotBlank @Size(max = 200) String nameEn,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 500) String> requirements,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 500) String> procedure,
            @NotBlank @Size(max = 300) String completionTime,
            @NotBlank @Size(max = 500) String fee,
            @NotBlank @Size(max = 300) String feeLegalBasis,
            @NotBlank @Size(max = 300) String product,
            @NotBlank @Size(max = 500) String complaintChannel,
            @Size(max = 500) String legalBasis,
            @NotBlank @Pattern(regexp = "[A-Z]{1,2}", message = "{validation.ticketPrefix}") String ticketPrefix,
            @Min(1) @Max(100000) Integer dailyQuota,
            Boolean online,
            Boolean active) {

        ServiceDraft toDraft(String serviceCode) {
            if (serviceCode == null || serviceCode.isBlank()) {
                throw new CatalogueError(CatalogueError.Code.CODE_REQUIRED);
            }
            return new ServiceDraft(agencyCode, serviceCode, nameId, nameEn, String.join("\n", requirements),
                    String.join("\n", procedure), completionTime, fee, feeLegalBasis, product, complaintChannel,
                    legalBasis, ticketPrefix, dailyQuota, online, active);
        }
    }
}
