package id.satupintu.catalogue;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a manager writes when creating or changing a service. Requirements and procedure steps are one per line.
 */
public record ServiceDraft(
        @NotBlank @Size(max = 20) String agencyCode,
        @NotBlank @Size(max = 40) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "{validation.code}") String code,
        @NotBlank @Size(max = 200) String nameId,
        @NotBlank @Size(max = 200) String nameEn,
        @NotBlank @Size(max = 4000) String requirements,
        @NotBlank @Size(max = 4000) String procedure,
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

    public static ServiceDraft of(MallService service, String agencyCode) {
        return new ServiceDraft(agencyCode, service.code(), service.name().id(), service.name().en(),
                String.join("\n", service.requirements()), String.join("\n", service.procedure()),
                service.completionTime(), service.fee(), service.feeLegalBasis(), service.product(),
                service.complaintChannel(), service.legalBasis(), service.ticketPrefix(), service.dailyQuota(),
                service.online(), service.active());
    }

    /** A new service of the agency: not online, active. */
    public static ServiceDraft blank(String agencyCode) {
        return new ServiceDraft(agencyCode, null, null, null, null, null, null, null, null, null, null, null, null,
                null, false, true);
    }

    List<String> requirementList() {
        return lines(requirements);
    }

    List<String> procedureList() {
        return lines(procedure);
    }

    static List<String> lines(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    boolean isOnline() {
        return Boolean.TRUE.equals(online);
    }

    boolean isActive() {
        return active == null || active;
    }
}
