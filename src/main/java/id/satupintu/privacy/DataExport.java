package id.satupintu.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import id.satupintu.audit.ProcessingLog;
import id.satupintu.identity.CitizenPrincipal;
import id.satupintu.identity.StaffAccounts;
import id.satupintu.identity.StaffRole;
import id.satupintu.shared.CitizenId;
import id.satupintu.shared.PersonalData;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data subject's access request answered at once (UU 27/2022 gives 3 x 24 hours): everything SatuPintu holds
 * about the signed-in citizen, each module's part, and the processing trail, with the download itself in it.
 */
@Service
class DataExport {

    static final String JSON = "satupintu-data.json";
    static final String README = "BACA-SAYA_README.txt";

    private final List<PersonalData.Source> sources;
    private final ProcessingLog processingLog;
    private final StaffAccounts staffAccounts;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    DataExport(List<PersonalData.Source> sources, ProcessingLog processingLog, StaffAccounts staffAccounts,
            MessageSource messages, JsonMapper json, Clock clock) {
        this.sources = List.copyOf(sources);
        this.processingLog = processingLog;
        this.staffAccounts = staffAccounts;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    /** One line of the processing trail: who processed the data (and in what role, for staff), what, why, when. */
    record TrailEntry(Instant at, ProcessingLog.ActorKind actorKind, String actor, String actorName, StaffRole role,
            ProcessingLog.Purpose purpose, String subject) {
    }

    /** What the download holds, gathered in one transaction; the files are read when the download is written. */
    record Export(Instant at, Map<String, Object> data, List<PersonalData.File> files) {
    }

    /** Gathers the citizen's data after recording the download in the processing log, so that the trail shows it. */
    @Transactional
    Export of(CitizenPrincipal citizen) {
        CitizenId id = citizen.id();
        processingLog.record(new ProcessingLog.Processing(new ProcessingLog.Actor(ProcessingLog.ActorKind.CITIZEN,
                id.toString(), citizen.fullName()), id.value(), ProcessingLog.Purpose.OWN_ACCESS,
                "download of all personal data (data subject access request)"));
        Instant now = clock.instant();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("generatedAt", now);
        data.put("citizenId", id.value());
        List<PersonalData.Part> parts = sources.stream().map(source -> source.partFor(id))
                .sorted(Comparator.comparingInt(PersonalData.Part::order)).toList();
        parts.forEach(part -> data.put(part.name(), part.data()));
        data.put("processingTrail", trail(id));
        return new Export(now, data, parts.stream().flatMap(part -> part.files().stream()).toList());
    }

    private List<TrailEntry> trail(CitizenId id) {
        List<ProcessingLog.Entry> entries = processingLog.trailOf(id.value());
        Set<String> staff = entries.stream().filter(e -> e.actor().kind() == ProcessingLog.ActorKind.STAFF)
                .map(e -> e.actor().reference()).collect(Collectors.toSet());
        Map<String, StaffRole> roles = staffAccounts.rolesOf(staff);
        return entries.stream().map(e -> new TrailEntry(e.at(), e.actor().kind(), e.actor().reference(),
                e.actor().name(), e.actor().kind() == ProcessingLog.ActorKind.STAFF ? roles.get(e.actor().reference())
                        : null, e.purpose(), e.subject())).toList();
    }

    /** Writes the download: a ZIP with the JSON, a short explanation in the citizen's language and the files. */
    void write(Export export, Locale locale, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(README));
            zip.write(messages.getMessage("privacy.export.readme", new Object[] {JSON}, locale)
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(JSON));
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(export.data()));
            zip.closeEntry();
            for (PersonalData.File file : export.files()) {
                zip.putNextEntry(new ZipEntry(file.path()));
                zip.write(file.content().get());
                zip.closeEntry();
            }
        }
    }
}
