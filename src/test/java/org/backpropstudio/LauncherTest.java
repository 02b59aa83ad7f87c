package org.backpropstudio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studio's own options, from a JVM of their own with no display: one line, never a stack trace. */
class LauncherTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run launch(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.backpropstudio.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().remove("DISPLAY");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("still running after 60 s");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** What JavaFX itself prints when it starts (a warning about the class path) is not ours. */
    private static List<String> ourLines(String err) {
        return err.lines().filter(l -> !l.contains("com.sun.javafx.application.PlatformImpl startup")
                && !l.startsWith("WARNING: Unsupported JavaFX configuration")).toList();
    }

    @Test
    void studioHelpNeedsNoDisplay() throws Exception {
        Run r = launch("studio", "--help");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("--preset=NAME").contains("classic-sigmoid");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void anUnknownPresetOrOptionIsOneLineBeforeAnyWindow() throws Exception {
        Run preset = launch("studio", "--preset=nope");
        assertThat(preset.exit()).isEqualTo(2);
        assertThat(ourLines(preset.err())).containsExactly(
                "error: unknown preset 'nope' (known: classic-sigmoid, relu-mae, deep-momentum, linear-neuron, "
                        + "spiral-relu, circle-relu, xor-tanh, digits-softmax)");
        Run option = launch("--measure=soon");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(ourLines(option.err())).hasSize(1).first().asString().startsWith("error: --measure needs seconds");
    }

    @Test
    void noDisplayIsSaidInOneLine() throws Exception {
        Run r = launch("studio");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(ourLines(r.err())).hasSize(1).first().asString()
                .startsWith("error: the studio needs a display");
    }
}
