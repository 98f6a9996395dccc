/**
 * Demo: loads the 14 malls of July 2023 with their agencies, services, counters and staff accounts into an empty
 * database, so a new installation shows a working platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "region", "catalogue", "identity", "appointment"})
package id.satupintu.demo;
