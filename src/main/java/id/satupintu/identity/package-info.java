/**
 * Identity: staff accounts with their role and scope (mall, agency), sign-in for the web and bearer tokens for the
 * API; citizens' accounts, confirmed by the population registry and signed into with one-time codes; the NIK value
 * type.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit"})
package id.satupintu.identity;
