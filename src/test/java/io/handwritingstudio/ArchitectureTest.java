package io.handwritingstudio;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Locations;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of docs/ARCHITECTURE.md, checked on the compiled main classes: the engine knows nothing of JavaFX,
 * the studio knows nothing of Deeplearning4j/ND4J (it goes through engine methods), and packages form no cycles.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        // Read target/classes directly: scanning the classpath for the package would open every DL4J/ND4J jar.
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importLocations(Locations.ofPackage("io.handwritingstudio").stream()
                        .filter(location -> !location.isJar())
                        .toList());
    }

    @Test
    void engineDoesNotUseJavaFx() {
        noClasses().that().resideInAPackage("io.handwritingstudio..")
                .and().resideOutsideOfPackage("io.handwritingstudio.ui..")
                // The launcher is the composition root: it starts either the CLI or the studio.
                .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void studioDoesNotUseDeeplearning4jOrNd4j() {
        noClasses().that().resideInAPackage("io.handwritingstudio.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..")
                .check(classes);
    }

    @Test
    void topLevelPackagesFormNoCycles() {
        slices().matching("io.handwritingstudio.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void studioPackagesFormNoCycles() {
        slices().assignedFrom(STUDIO_PACKAGES).should().beFreeOfCycles().check(classes);
    }

    /** A view reaches shared things through ui.kit and ui.context, never another view's package or the shell. */
    @Test
    void viewsDoNotUseEachOtherOrTheShell() {
        slices().matching("io.handwritingstudio.ui.(datasets|draw|evaluation|network|training)..")
                .should().notDependOnEachOther().check(classes);
        noClasses().that().resideInAnyPackage(VIEWS)
                .should().dependOnClassesThat().resideInAPackage("io.handwritingstudio.ui.shell..")
                .check(classes);
    }

    private static final String[] VIEWS = {"io.handwritingstudio.ui.datasets..", "io.handwritingstudio.ui.draw..",
            "io.handwritingstudio.ui.evaluation..", "io.handwritingstudio.ui.network..", "io.handwritingstudio.ui.training.."};

    /** Slices of the studio: each package below ui (with its subpackages), and ui itself (the application class). */
    private static final SliceAssignment STUDIO_PACKAGES = new SliceAssignment() {
        private static final String UI = "io.handwritingstudio.ui";

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (name.equals(UI)) {
                return SliceIdentifier.of("ui");
            }
            if (!name.startsWith(UI + ".")) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of("ui." + name.substring(UI.length() + 1).split("\\.")[0]);
        }

        @Override
        public String getDescription() {
            return "io.handwritingstudio.ui and each package below it";
        }
    };

    /**
     * Wrapping text is one component (ui.kit.Texts.wrapping): a label that only sets wrapText is laid out one line
     * high when space is short and shows "..." instead of its second line.
     */
    @Test
    void labelsWrapThroughTheKit() {
        noClasses().that().doNotHaveFullyQualifiedName(io.handwritingstudio.ui.kit.Texts.class.getName())
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "a label's setWrapText", call -> call.getName().equals("setWrapText")
                                // owners are named, not resolved (archunit.properties): a text area or tooltip may wrap
                                && call.getTargetOwner().getPackageName().equals("javafx.scene.control")
                                && !List.of("TextArea", "Tooltip").contains(call.getTargetOwner().getSimpleName())))
                .check(classes);
    }

    /**
     * A spinner the user can type into comes from the kit: JavaFX's own converter throws on a word (an exception on
     * the JavaFX thread, and the word stayed in the field).
     */
    @Test
    void spinnersComeFromTheKit() {
        noClasses().that().doNotHaveFullyQualifiedName(io.handwritingstudio.ui.kit.NumberSpinners.class.getName())
                .should().callConstructorWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "a new Spinner or value factory (it brings JavaFX's converter back)",
                        call -> call.getTargetOwner().getFullName().startsWith("javafx.scene.control.Spinner")))
                .check(classes);
    }

    /** Screenshot and tour states are one scripted user (ui.shell.DemoMode), not hooks spread through the views. */
    @Test
    void demoPropertiesAreReadByDemoModeAlone() throws Exception {
        Path main = Path.of("src/main/java");
        try (var files = Files.walk(main)) {
            var readers = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.endsWith(Path.of("ui/shell/DemoMode.java")))
                    .filter(f -> {
                        try {
                            String s = Files.readString(f);
                            return s.contains("\"hws.demo") || s.contains("\"hws.network");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
            assertEquals(List.of(), readers, "demo hooks belong in DemoMode");
        }
    }
}
