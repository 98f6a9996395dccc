/**
 * Region: Indonesia's provinces, regencies/cities and districts by Kemendagri code, the malls with their time zone,
 * weekly opening hours, national holidays and each mall's own days off.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity"})
package id.satupintu.region;
