package org.haechi.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module rules of the architecture brief: core <- {messaging, map-layers, video} <- console-app. */
@AnalyzeClasses(packages = "org.haechi", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {
    private static final String CORE = "org.haechi.core..";
    private static final String MESSAGING = "org.haechi.messaging..";
    private static final String MAP = "org.haechi.map..";
    private static final String VIDEO = "org.haechi.video..";
    private static final String SIM = "org.haechi.sim..";
    private static final String APP = "org.haechi.app..";

    @ArchTest
    static final ArchRule coreHasNoInfrastructure = noClasses().that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "jakarta.jms..", "java.sql..",
                    "uk.co.caprica..", "org.apache.activemq..", MESSAGING, MAP, VIDEO, SIM, APP)
            .because("console-core holds domain records and ports only");

    @ArchTest
    static final ArchRule messagingKnowsNoUi = noClasses().that().resideInAPackage(MESSAGING)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "uk.co.caprica..", MAP, VIDEO, SIM, APP);

    @ArchTest
    static final ArchRule mapKnowsNothingOfMessagingOrVideo = noClasses().that().resideInAPackage(MAP)
            // Reading a user's GeoPackage file is SQLite through JDBC; it never touches the console's cache.
            .and().doNotHaveFullyQualifiedName("org.haechi.map.importer.GeoPackageReader")
            .should().dependOnClassesThat().resideInAnyPackage(MESSAGING, VIDEO, SIM, APP, "jakarta.jms..",
                    "java.sql..", "uk.co.caprica..");

    @ArchTest
    static final ArchRule videoKnowsNothingOfMessagingOrMap = noClasses().that().resideInAPackage(VIDEO)
            .should().dependOnClassesThat().resideInAnyPackage(MESSAGING, MAP, SIM, APP, "jakarta.jms..",
                    "java.sql..");

    @ArchTest
    static final ArchRule simUsesOnlyCoreAndWireCodecs = noClasses().that().resideInAPackage(SIM)
            .should().dependOnClassesThat().resideInAnyPackage(MAP, VIDEO, APP, "javafx..", "java.sql..",
                    "org.haechi.messaging.cache..", "org.haechi.messaging.broker..")
            .because("field-sim depends on core and messaging's wire codecs only");

    @ArchTest
    static final ArchRule onlyTheAppComposes = noClasses().that().resideOutsideOfPackage(APP)
            .should().dependOnClassesThat().resideInAPackage(APP);
}
