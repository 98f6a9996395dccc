/**
 * Demo: loads the 14 malls of July 2023 with their agencies, services, counters and staff accounts into an empty
 * database, and made-up survey answers for one of them, so a new installation shows a working platform; on request
 * it makes up a history of activity for them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "region", "catalogue", "identity",
        "appointment", "survey", "insight"})
package id.satupintu.demo;
