package dev.lightningdb.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walls between the layers, checked on the compiled main classes of the engine, the SQL layer
 * and the driver (this module sees all three). docs/architecture.md draws them; a change that
 * needs a new door changes both.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.lightningdb");
    }

    @Test
    void theDriverSeesOnlyTheSessionAndTheResultsOfTheSqlLayer() {
        noClasses().that().resideInAPackage("dev.lightningdb.jdbc..")
                .should().dependOnClassesThat(resideInAPackage("dev.lightningdb.sql..")
                        .and(not(resideInAnyPackage("dev.lightningdb.sql.session..", "dev.lightningdb.sql.result.."))))
                .because("the driver talks to the SQL layer through its facade (session) and reads what it hands back (result)")
                .check(classes);
    }

    @Test
    void theEngineKnowsNothingOfSqlOrJdbc() {
        noClasses().that().resideInAPackage("dev.lightningdb.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lightningdb.sql..", "dev.lightningdb.jdbc..")
                .because("the engine is a key/value store that any layer may use")
                .check(classes);
    }

    @Test
    void executorsNeverCallBackIntoTheSession() {
        noClasses().that().resideInAPackage("dev.lightningdb.sql.exec..")
                .should().dependOnClassesThat().resideInAPackage("dev.lightningdb.sql.session..")
                .because("executors get a StatementContext; the session chooses transactions and calls them, never the reverse")
                .check(classes);
    }

    @Test
    void theSqlLayerBelowTheSessionNeverReachesUp() {
        noClasses().that().resideInAnyPackage("dev.lightningdb.sql.ast..", "dev.lightningdb.sql.parser..", "dev.lightningdb.sql.catalog..",
                        "dev.lightningdb.sql.codec..", "dev.lightningdb.sql.types..", "dev.lightningdb.sql.storage..",
                        "dev.lightningdb.sql.plan..", "dev.lightningdb.sql.result..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lightningdb.sql.exec..", "dev.lightningdb.sql.session..",
                        "dev.lightningdb.jdbc..")
                .because("statements travel down: session, then exec, then planning and storage")
                .check(classes);
    }

    @Test
    void resultsAreALeafEveryLayerMayUse() {
        noClasses().that().resideInAPackage("dev.lightningdb.sql.result..")
                .should().dependOnClassesThat(resideInAPackage("dev.lightningdb..").and(not(resideInAPackage("dev.lightningdb.sql.result.."))))
                .because("the driver reads results, types and errors without pulling in any other part of the SQL layer")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.lightningdb.(**)").should().beFreeOfCycles().check(classes);
    }
}
