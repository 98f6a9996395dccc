/**
 * Catalogue: the agencies present in each mall, the services they offer with their published service standard and
 * the mall's settings for each service (ticket prefix, daily quota, online), and the counters that serve them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "region", "identity"})
package id.satupintu.catalogue;
