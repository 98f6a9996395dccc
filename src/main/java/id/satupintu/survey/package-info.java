/**
 * Survey: the citizens' satisfaction survey (SKM) after a finished ticket or an issued application, online, on a
 * counter-side tablet or from paper, and the satisfaction index (IKM) computed from it per service, agency, mall and
 * nation, published on each mall's page and exported as a report.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "region", "catalogue", "identity",
        "queue", "submission"})
package id.satupintu.survey;
