/**
 * Identity: staff accounts with their role and scope (mall, agency), sign-in for the web and bearer tokens for the
 * API, and the NIK value type of citizens.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package id.satupintu.identity;
