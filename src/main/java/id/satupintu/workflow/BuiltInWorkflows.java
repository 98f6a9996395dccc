package id.satupintu.workflow;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Puts the workflows that ship with SatuPintu into the database at start-up when they are not there yet. A stored
 * definition is never overwritten: the mall may have edited it. Runs before the web server takes requests, so no
 * request finds the default missing.
 */
@Component
class BuiltInWorkflows implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BuiltInWorkflows.class);

    /** The standard flow, and the same flow in which a missed processing deadline means approval (fiktif positif). */
    static final List<String> FILES = List.of("workflow/default.json", "workflow/deemed-approval.json");

    private final Workflows workflows;
    private final WorkflowJson json;

    BuiltInWorkflows(Workflows workflows, WorkflowJson json) {
        this.workflows = workflows;
        this.json = json;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String file : FILES) {
            WorkflowDefinition definition = json.readClasspath(file);
            if (workflows.addIfMissing(definition)) {
                log.info("Added workflow {} version {} from {}", definition.code(), definition.version(), file);
            }
        }
    }
}
