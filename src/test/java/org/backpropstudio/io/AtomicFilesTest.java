package org.backpropstudio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private long filesIn(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }

    @Test
    void replacesTheTargetWhenComplete() throws IOException {
        Path target = dir.resolve("a.txt");
        Files.writeString(target, "old");
        AtomicFiles.writeString(target, "new");
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("a.txt");
        Files.writeString(target, "old content");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).hasMessageContaining("No space left on device");
        assertThat(Files.readString(target)).isEqualTo("old content");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void aDirectoryOrAMissingDirectoryIsRefusedClearly() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertThatThrownBy(() -> AtomicFiles.writeString(sub, "x")).hasMessageContaining("is a directory");
        assertThatThrownBy(() -> AtomicFiles.writeString(dir.resolve("nope/a.txt"), "x"))
                .hasMessageContaining("does not exist");
    }

    static Path fifo(Path at) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", at.toString()).start();
        assertThat(p.waitFor()).isZero();
        return at;
    }

    @Test
    void aFifoOrDeviceIsNeverReplacedByARegularFile() throws Exception {
        Path fifo = fifo(dir.resolve("pipe"));
        assertThatThrownBy(() -> AtomicFiles.writeString(fifo, "x")).hasMessageContaining("not a regular file");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.exists(fifo)).isTrue();
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void writingThroughASymbolicLinkReplacesTheFileItPointsToAndKeepsTheLink() throws IOException {
        Path real = dir.resolve("real.txt");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), real.getFileName());
        AtomicFiles.writeString(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.txt"), dir.resolve("nowhere.txt"));
        assertThatThrownBy(() -> AtomicFiles.writeString(dangling, "x")).hasMessageContaining("which does not exist");
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
    }

    @Test
    void newFilesFollowTheUmaskAndReplacedFilesKeepTheirMode() throws IOException {
        // a file made the plain way shows what the process's umask gives new files
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path created = dir.resolve("created.txt");
        AtomicFiles.writeString(created, "new");
        assertThat(Files.getPosixFilePermissions(created)).isEqualTo(Files.getPosixFilePermissions(plain));

        Path shared = dir.resolve("shared.txt");
        Files.writeString(shared, "old");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.writeString(shared, "new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rw-rw-r--");
    }

    @Test
    void theCheckBeforeWorkRefusesWhatTheWriteWouldAndWritesNothing() throws Exception {
        assertThatThrownBy(() -> AtomicFiles.checkWritable(Path.of("/dev/null"))).hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> AtomicFiles.checkWritable(fifo(dir.resolve("pipe")))).hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> AtomicFiles.checkWritable(dir.resolve("nope/a.txt"))).hasMessageContaining("does not exist");
        AtomicFiles.checkWritable(dir.resolve("fine.txt"));
        assertThat(filesIn(dir)).isEqualTo(1); // the FIFO: the probe file is gone again
    }

    @Test
    void everyFailureNamesTheTargetNeverATemporaryFile() throws IOException {
        Path target = dir.resolve("a.txt");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            throw new IOException("No space left on device");
        })).hasMessageContaining("cannot write " + target).hasMessageContaining("No space left on device")
                .hasMessageNotContaining(".tmp");
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> AtomicFiles.writeString(file.resolve("a.txt"), "x"))
                .hasMessageContaining("is not a directory").hasMessageNotContaining(".tmp");
        assertThat(filesIn(dir)).isEqualTo(1);
    }
}
