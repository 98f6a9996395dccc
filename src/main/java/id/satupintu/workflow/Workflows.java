package id.satupintu.workflow;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import id.satupintu.shared.NotFoundException;
import id.satupintu.shared.ServiceId;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The workflow definitions, and which one each service's online applications follow. */
@Service
public class Workflows {

    /** The workflow of every service that has not been given another. */
    public static final String DEFAULT = "PERMOHONAN_STANDAR";

    private final JdbcClient jdbc;
    private final WorkflowJson json;
    private final Clock clock;

    // Parsed definitions by code. Every read first asks the database for the current version (one row by primary
    // key, which a read needs anyway to find the service's workflow), so a definition another instance has saved
    // is used at once; the cache spares parsing and validating the JSON, not that one query.
    private final Map<String, WorkflowDefinition> parsed = new ConcurrentHashMap<>();

    Workflows(JdbcClient jdbc, WorkflowJson json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The workflow the service's applications follow: its own, or the default. */
    public WorkflowDefinition definitionFor(ServiceId service) {
        StoredVersion stored = jdbc.sql("""
                SELECT code, version FROM workflow_definition
                WHERE code = COALESCE((SELECT workflow_code FROM service_workflow WHERE service_id = :service),
                                      :default)
                """)
                .param("service", service.value()).param("default", DEFAULT)
                .query(StoredVersion.class).optional()
                .orElseThrow(() -> new WorkflowError(WorkflowError.Code.WORKFLOW_NOT_FOUND, DEFAULT));
        return current(stored);
    }

    /** The definition with this code, or {@code WORKFLOW_NOT_FOUND}. */
    public WorkflowDefinition byCode(String code) {
        return find(code).orElseThrow(() -> new WorkflowError(WorkflowError.Code.WORKFLOW_NOT_FOUND, code));
    }

    /** Lets the service's applications follow this workflow from now on. */
    public void assign(ServiceId service, String workflowCode) {
        byCode(workflowCode);
        try {
            jdbc.sql("""
                    INSERT INTO service_workflow (service_id, workflow_code) VALUES (:service, :code)
                    ON CONFLICT (service_id) DO UPDATE SET workflow_code = EXCLUDED.workflow_code
                    """)
                    .param("service", service.value()).param("code", workflowCode).update();
        } catch (DataIntegrityViolationException e) {
            throw new NotFoundException(NotFoundException.Code.SERVICE_NOT_FOUND, service);
        }
    }

    /**
     * Stores the definition under its code, as version 1 when the code is new, else as the stored version plus one
     * (the version it carries is ignored). Returns it as stored.
     */
    public WorkflowDefinition save(WorkflowDefinition definition) {
        int version = jdbc.sql("""
                INSERT INTO workflow_definition (code, version, definition, updated_at)
                VALUES (:code, 1, jsonb_set(CAST(:definition AS jsonb), '{version}', '1'), :now)
                ON CONFLICT (code) DO UPDATE SET version = workflow_definition.version + 1,
                    definition = jsonb_set(EXCLUDED.definition, '{version}',
                                           to_jsonb(workflow_definition.version + 1)),
                    updated_at = EXCLUDED.updated_at
                RETURNING version
                """)
                .param("code", definition.code()).param("definition", json.write(definition))
                .param("now", Timestamp.from(clock.instant()))
                .query(Integer.class).single();
        WorkflowDefinition saved = definition.withVersion(version);
        parsed.put(saved.code(), saved);
        return saved;
    }

    /** Stores the definition as it is unless one with its code exists; safe when instances start together. */
    boolean addIfMissing(WorkflowDefinition definition) {
        return jdbc.sql("""
                INSERT INTO workflow_definition (code, version, definition, updated_at)
                VALUES (:code, :version, CAST(:definition AS jsonb), :now)
                ON CONFLICT (code) DO NOTHING
                """)
                .param("code", definition.code()).param("version", definition.version())
                .param("definition", json.write(definition)).param("now", Timestamp.from(clock.instant()))
                .update() == 1;
    }

    private Optional<WorkflowDefinition> find(String code) {
        return jdbc.sql("SELECT code, version FROM workflow_definition WHERE code = :code")
                .param("code", code == null ? "" : code)
                .query(StoredVersion.class).optional()
                .map(this::current);
    }

    private WorkflowDefinition current(StoredVersion stored) {
        WorkflowDefinition cached = parsed.get(stored.code());
        if (cached != null && cached.version() == stored.version()) {
            return cached;
        }
        String text = jdbc.sql("SELECT definition::text FROM workflow_definition WHERE code = :code")
                .param("code", stored.code()).query(String.class).single();
        WorkflowDefinition loaded = json.read(text);
        parsed.put(loaded.code(), loaded);
        return loaded;
    }

    private record StoredVersion(String code, int version) {
    }
}
