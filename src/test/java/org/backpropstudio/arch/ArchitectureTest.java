package org.backpropstudio.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN.md, enforced. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.backpropstudio");

    @Test
    void engineIsPureJavaAndEjml() {
        noClasses().that().resideInAPackage("org.backpropstudio.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.io..", "java.nio.file..",
                        "java.awt..", "javax.swing..", "org.backpropstudio.io..", "org.backpropstudio.cli..",
                        "org.backpropstudio.ui..", "org.backpropstudio.training..", "com.fasterxml..", "picocli..")
                .because("the engine imports nothing but EJML (exp4j for typed targets, the Vector API for fast products): no JavaFX, no file I/O, no other layer")
                .check(MAIN);
    }

    @Test
    void cliNeverReachesIntoTheUi() {
        noClasses().that().resideInAPackage("org.backpropstudio.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.backpropstudio.ui..", "javafx..")
                .because("the command line runs headless")
                .check(MAIN);
    }

    @Test
    void uiNeverTouchesEngineInternals() {
        noClasses().that().resideInAPackage("org.backpropstudio.ui..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.backpropstudio.engine.Trainer")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.backpropstudio.engine.Network")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.backpropstudio.engine.DenseLayer")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.backpropstudio.engine.Optimizer")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.backpropstudio.engine.Parameter")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.backpropstudio.engine.MatrixKernels")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.backpropstudio.engine.BatchLoader")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.ejml..", "org.backpropstudio.cli..")
                .because("the UI reads snapshots and sends commands; only the training service runs the engine")
                .check(MAIN);
    }

    @Test
    void trainingServiceAndViewModelsAreToolkitFree() {
        noClasses().that().resideInAPackage("org.backpropstudio.training..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.backpropstudio.ui..")
                .because("the service runs under tests and the CLI without a display")
                .check(MAIN);
        noClasses().that().haveSimpleNameEndingWith("ViewModel").or().haveSimpleName("EditorModel")
                .or().haveSimpleName("ValidatedField")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..")
                .because("view models use javafx.beans only and are tested without the toolkit")
                .check(MAIN);
    }

    @Test
    void fileFormatsKnowNothingOfTheCliOrUi() {
        noClasses().that().resideInAPackage("org.backpropstudio.io..")
                .should().dependOnClassesThat().resideInAnyPackage("org.backpropstudio.cli..",
                        "org.backpropstudio.ui..", "javafx..")
                .check(MAIN);
    }

    /**
     * Each task's views are a package of their own (the curve's, the plane's, the digits'): they
     * use the shell's shared parts (the view model, the palette, the words) but never one another,
     * so a new task is a new package, not edits across the others.
     */
    @Test
    void eachTasksViewsStandAlone() {
        String[] tasks = {"org.backpropstudio.ui.curve..", "org.backpropstudio.ui.plane..", "org.backpropstudio.ui.digits.."};
        for (String task : tasks) {
            String[] others = java.util.Arrays.stream(tasks).filter(t -> !t.equals(task)).toArray(String[]::new);
            noClasses().that().resideInAPackage(task)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .orShould().dependOnClassesThat().haveSimpleName("StudioView")
                    .check(MAIN);
        }
    }
}
