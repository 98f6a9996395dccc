/**
 * Complaint (pengaduan): anyone complains about a mall, an agency or a service, with attachments and a tracking
 * code; the mall manager verifies and forwards, the agency answers, the complainant replies, reopens once and rates,
 * all through the complaint workflow with its deadlines; complaints can be passed on to SP4N-LAPOR!.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "region", "catalogue", "identity",
        "workflow", "document", "audit"})
package id.satupintu.complaint;
