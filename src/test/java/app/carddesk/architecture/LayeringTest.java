package app.carddesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point one way: ui -> use cases -> domain; store implements what use cases own. */
@AnalyzeClasses(packages = "app.carddesk", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

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

    @ArchTest
    static final ArchRule noThreadsOutsideTheBackgroundWork = noClasses().that()
            .resideInAnyPackage("app.carddesk.ui..", "app.carddesk.issuing..", "app.carddesk.store..",
                    "app.carddesk.domain..", "app.carddesk.sync..")
            .and().resideOutsideOfPackage("app.carddesk.ui.background..")
            .should().callConstructor(Thread.class, Runnable.class)
            .orShould().callConstructor(Thread.class, Runnable.class, String.class);
}
