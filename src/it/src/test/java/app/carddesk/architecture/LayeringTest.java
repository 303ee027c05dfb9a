package app.carddesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point one way: ui -> use cases -> domain; store implements what use cases own. */
@AnalyzeClasses(packages = "app.carddesk", importOptions = {ImportOption.DoNotIncludeTests.class, LayeringTest.NoTestJars.class})
class LayeringTest {

    /** The other modules' test fixtures arrive as {@code -tests.jar} files, which are tests too. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule domainIsPureJava = noClasses().that().resideInAPackage("app.carddesk.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "org.jdbi..", "org.h2..",
                    "java.net.http..", "com.fasterxml..", "app.carddesk.issuing..", "app.carddesk.store..",
                    "app.carddesk.ui..", "app.carddesk.identity..");

    @ArchTest
    static final ArchRule useCasesKnowNoScreenOrDatabase = noClasses().that()
            .resideInAnyPackage("app.carddesk.issuing..", "app.carddesk.identity..", "app.carddesk.letter..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jdbi..", "org.h2..",
                    "app.carddesk.store..", "app.carddesk.ui..");

    @ArchTest
    static final ArchRule screensDoNotReachIntoTheStore = noClasses().that().resideInAPackage("app.carddesk.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("app.carddesk.store..", "org.jdbi..", "org.h2..");

    @ArchTest
    static final ArchRule viewModelsNeverTouchNodes = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
            .orShould().callMethod(javafx.application.Platform.class, "runLater", Runnable.class);

    /** The desk makes its threads in one place ({@code DeskThreads}): named, daemons, and few. */
    @ArchTest
    static final ArchRule noThreadsOutsideDeskThreads = noClasses().that()
            .resideInAnyPackage("app.carddesk", "app.carddesk.ui..", "app.carddesk.issuing..", "app.carddesk.store..",
                    "app.carddesk.domain..", "app.carddesk.sync..", "app.carddesk.letter..")
            .should().callConstructor(Thread.class, Runnable.class)
            .orShould().callConstructor(Thread.class, Runnable.class, String.class)
            .orShould().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(
                                    java.util.concurrent.Executors.class))));

    /** The desk's packages: nothing in the central register or the shared modules may use them. */
    private static final String[] DESK = {"app.carddesk", "app.carddesk.ui..", "app.carddesk.issuing..",
        "app.carddesk.store..", "app.carddesk.sync..", "app.carddesk.letter..", "app.carddesk.staff..",
        "app.carddesk.text..", "javafx..", "org.controlsfx..", "org.apache.pdfbox.."};

    @ArchTest
    static final ArchRule centralKnowsNoDesk = noClasses().that().resideInAPackage("app.carddesk.central..")
            .should().dependOnClassesThat().resideInAnyPackage(DESK);

    @ArchTest
    static final ArchRule sharedModulesKnowNeitherProduct = noClasses().that()
            .resideInAnyPackage("app.carddesk.domain..", "app.carddesk.api..", "app.carddesk.identity..",
                    "app.carddesk.security..", "app.carddesk.config..")
            .should().dependOnClassesThat().resideInAnyPackage(DESK)
            .orShould().dependOnClassesThat().resideInAnyPackage("app.carddesk.central..", "io.javalin..",
                    "org.eclipse.jetty..", "org.postgresql..", "com.zaxxer..");

    @ArchTest
    static final ArchRule deskKnowsNoCentral = noClasses().that().resideInAnyPackage(DESK)
            .should().dependOnClassesThat().resideInAnyPackage("app.carddesk.central..", "io.javalin..",
                    "org.eclipse.jetty..", "org.postgresql..", "com.zaxxer..");

    /** The wire format is the sync adapter's business: use cases, screens and letters speak the port's values. */
    @ArchTest
    static final ArchRule useCasesDoNotSpeakTheWireFormat = noClasses().that()
            .resideInAnyPackage("app.carddesk.issuing..", "app.carddesk.ui..", "app.carddesk.letter..",
                    "app.carddesk.domain..", "app.carddesk.identity..")
            .should().dependOnClassesThat().resideInAPackage("app.carddesk.api..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("app.carddesk.(**)").should().beFreeOfCycles();
}
