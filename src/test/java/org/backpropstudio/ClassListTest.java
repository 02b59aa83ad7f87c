package org.backpropstudio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The class list the build turns into class-data-sharing archives (cds/studio.classlist) still
 * describes the studio: the JVM skips a class it cannot find without a word, so a list left behind
 * by renames would quietly stop speeding up the window. Run scripts/cds_classlist.sh to write it
 * again.
 */
class ClassListTest {

    private static List<String> ourClasses() throws IOException {
        return Files.readAllLines(Path.of("cds", "studio.classlist")).stream()
                .filter(l -> l.startsWith("org/backpropstudio/"))
                .toList();
    }

    @Test
    void theListNamesTheStudiosClassesAsTheyAre() throws IOException {
        List<String> ours = ourClasses();
        assertThat(ours).as("the studio's own classes in the list")
                .contains("org/backpropstudio/Launcher", "org/backpropstudio/ui/StudioApp",
                        "org/backpropstudio/ui/StudioView", "org/backpropstudio/training/TrainingService");
        List<String> gone = ours.stream()
                .filter(name -> ClassLoader.getSystemResource(name + ".class") == null)
                .toList();
        assertThat(gone).as("classes of the list that no longer exist (run scripts/cds_classlist.sh)")
                .hasSizeLessThanOrEqualTo(ours.size() / 10);
    }

    @Test
    void theListHoldsJavaFxsClassesForTheRuntimesArchive() throws IOException {
        long javafx = Files.readAllLines(Path.of("cds", "studio.classlist")).stream()
                .filter(l -> l.startsWith("javafx/") || l.startsWith("com/sun/javafx/"))
                .count();
        assertThat(javafx).as("JavaFX classes named").isGreaterThan(1000);
    }
}
