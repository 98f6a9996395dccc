/**
 * Audit: the processing log of personal data required by UU 27/2022 (who read or changed whose data, when and why),
 * and the log of security events such as sign-ins locked after too many failures.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package id.satupintu.audit;
