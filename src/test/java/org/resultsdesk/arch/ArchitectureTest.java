package org.resultsdesk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of DESIGN.md §1: core knows no platform, wire format or database; adapters not each other. */
@AnalyzeClasses(packages = "org.resultsdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreImportsNoSdkHttpSqlOrJson = noClasses()
            .that()
            .resideInAPackage("org.resultsdesk.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.telegram..",
                    "com.slack..",
                    "okhttp3..",
                    "java.net.http..",
                    "com.sun.net.httpserver..",
                    "java.sql..",
                    "javax.sql..",
                    "org.jdbi..",
                    "org.flywaydb..",
                    "com.zaxxer..",
                    "com.fasterxml.jackson..",
                    "picocli..",
                    "java.awt..",
                    "javax.imageio..",
                    "org.knowm..")
            .because("core is the domain and its use cases; adapters translate for it (cards draw its models)");

    @ArchTest
    static final ArchRule coreDependsOnNoAdapter = noClasses()
            .that()
            .resideInAPackage("org.resultsdesk.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.resultsdesk.feeds..",
                    "org.resultsdesk.store..",
                    "org.resultsdesk.telegram..",
                    "org.resultsdesk.slack..",
                    "org.resultsdesk.console..",
                    "org.resultsdesk.app..",
                    "org.resultsdesk.cards..");

    @ArchTest
    static final ArchRule adaptersDoNotDependOnEachOther = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.resultsdesk.telegram..",
                    "org.resultsdesk.slack..",
                    "org.resultsdesk.console..",
                    "org.resultsdesk.feeds..",
                    "org.resultsdesk.store..",
                    "org.resultsdesk.cards..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.resultsdesk.app..")
            .because("app alone wires the adapters together");

    @ArchTest
    static final ArchRule telegramIgnoresOtherAdapters = noClasses()
            .that()
            .resideInAPackage("org.resultsdesk.telegram..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.resultsdesk.slack..",
                    "org.resultsdesk.console..",
                    "org.resultsdesk.store..",
                    "org.resultsdesk.feeds..",
                    "org.resultsdesk.cards..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule slackIgnoresOtherAdapters = noClasses()
            .that()
            .resideInAPackage("org.resultsdesk.slack..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.resultsdesk.telegram..",
                    "org.resultsdesk.console..",
                    "org.resultsdesk.store..",
                    "org.resultsdesk.feeds..",
                    "org.resultsdesk.cards..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noCyclesAmongCorePackages = slices().matching("org.resultsdesk.core.(*)..")
            .should()
            .beFreeOfCycles()
            .because("ports name model types only, so use cases can depend on ports without a cycle");

    @ArchTest
    static final ArchRule noCyclesAmongTopLevelPackages =
            slices().matching("org.resultsdesk.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule portsNameOnlyModelTypes = noClasses()
            .that()
            .resideInAPackage("org.resultsdesk.core.port..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.resultsdesk.core.alerts..",
                    "org.resultsdesk.core.announce..",
                    "org.resultsdesk.core.calc..",
                    "org.resultsdesk.core.cards..",
                    "org.resultsdesk.core.command..",
                    "org.resultsdesk.core.delivery..",
                    "org.resultsdesk.core.night..",
                    "org.resultsdesk.core.quotes..",
                    "org.resultsdesk.core.rights..",
                    "org.resultsdesk.core.seats..");
}
