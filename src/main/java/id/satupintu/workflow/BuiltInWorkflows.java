package id.satupintu.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Puts the workflows that ship with SatuPintu (every {@code workflow/*.json} on the classpath, such as the standard
 * application flow, the deemed-approval flow and the complaint flow) into the database at start-up when they are not
 * there yet. A stored definition is never overwritten: the mall may have edited it. Runs before the web server takes
 * requests, so no request finds the default missing.
 */
@Component
class BuiltInWorkflows implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BuiltInWorkflows.class);

    static final String FILES = "classpath*:workflow/*.json";

    private final Workflows workflows;
    private final WorkflowJson json;

    BuiltInWorkflows(Workflows workflows, WorkflowJson json) {
        this.workflows = workflows;
        this.json = json;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String file : files()) {
            WorkflowDefinition definition = json.readClasspath(file);
            if (workflows.addIfMissing(definition)) {
                log.info("Added workflow {} version {} from {}", definition.code(), definition.version(), file);
            }
        }
    }

    /** The shipped definitions by their path on the classpath, in the order of their names. */
    static List<String> files() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources(FILES);
            return Arrays.stream(found).map(Resource::getFilename).distinct().sorted(Comparator.naturalOrder())
                    .map(name -> "workflow/" + name).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the shipped workflow definitions", e);
        }
    }
}
