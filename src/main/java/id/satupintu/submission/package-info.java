/**
 * Submission (MPP Digital): online applications with their documents, moved through the service's workflow by the
 * agency, tracked by number, and ended by a signed output document anyone can verify.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "region", "catalogue", "identity",
        "workflow", "document", "audit"})
package id.satupintu.submission;
