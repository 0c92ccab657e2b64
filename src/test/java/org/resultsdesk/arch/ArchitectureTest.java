package org.resultsdesk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;
import java.util.stream.Stream;

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

    /** The adapters: each translates between the core and one technology, and knows no other adapter. */
    static final List<String> ADAPTERS = List.of("telegram", "slack", "console", "feeds", "store", "cards", "web");

    @ArchTest
    static final ArchRule coreDependsOnNoAdapter = noClasses()
            .that()
            .resideInAPackage("org.resultsdesk.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(Stream.concat(ADAPTERS.stream(), Stream.of("app"))
                    .map(p -> "org.resultsdesk." + p + "..")
                    .toArray(String[]::new))
            .because("adapters depend on core, never the reverse (web included)");

    @ArchTest
    static final ArchRule adaptersDoNotDependOnEachOther = CompositeArchRule.of(ADAPTERS.stream()
                    .map(ArchitectureTest::ignoresTheOtherAdapters)
                    .toList())
            .as("adapters (" + String.join(", ", ADAPTERS) + ") depend on no other adapter and not on app");

    /**
     * One adapter's rule: nothing of another adapter or of app. The HTTP endpoints (Slack's, Telegram's webhook)
     * answer neutral requests (core.port.InboundEndpoint) that web, the transport, translates.
     */
    private static ArchRule ignoresTheOtherAdapters(String adapter) {
        return noClasses()
                .that()
                .resideInAPackage("org.resultsdesk." + adapter + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(Stream.concat(ADAPTERS.stream().filter(a -> !a.equals(adapter)), Stream.of("app"))
                        .map(p -> "org.resultsdesk." + p + "..")
                        .toArray(String[]::new))
                .allowEmptyShould(true)
                .because("app alone wires the adapters together");
    }

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
