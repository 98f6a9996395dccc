/**
 * Workflow: state machines defined as data (states, actions, the roles allowed to take each action, documents
 * required, a service-level deadline per state in working days and what happens when it is missed).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "region"})
package id.satupintu.workflow;
