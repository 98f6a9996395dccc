/**
 * Audit: the processing log of personal data required by UU 27/2022 (who read or changed whose data, when and why).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package id.satupintu.audit;
