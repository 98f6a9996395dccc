/**
 * Insight: the mall manager's live floor monitor and reports, and the ministry's national view, read from the
 * module's own daily and monthly rollups, which the queue's, appointments' and applications' events feed.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "region",
        "catalogue", "identity", "queue", "appointment", "submission", "workflow", "survey", "complaint"})
package id.satupintu.insight;
