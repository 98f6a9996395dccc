/**
 * Privacy: the data subject's rights and retention (UU 27/2022). A citizen downloads everything SatuPintu holds about
 * them with its processing trail, gathered from each module's part; a scheduled job applies each module's retention
 * rules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "audit"})
package id.satupintu.privacy;
