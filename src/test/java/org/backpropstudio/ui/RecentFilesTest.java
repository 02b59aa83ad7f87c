package org.backpropstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesTest {

    @TempDir
    Path dir;

    @Test
    void newestFirstOnceEachAtMostEightAndOnlyExistingFiles() throws Exception {
        RecentFiles recent = new RecentFiles(dir.resolve("state/recent-files.txt"));
        assertThat(recent.list()).isEmpty();
        for (int i = 0; i < 10; i++) {
            recent.add(Files.createFile(dir.resolve("e" + i + ".bps.json")));
        }
        recent.add(dir.resolve("e3.bps.json"));
        assertThat(recent.list()).hasSize(RecentFiles.MAX).first().isEqualTo(dir.resolve("e3.bps.json"));
        assertThat(recent.list().get(1)).isEqualTo(dir.resolve("e9.bps.json"));
        Files.delete(dir.resolve("e9.bps.json"));
        assertThat(recent.list()).doesNotContain(dir.resolve("e9.bps.json"));
    }

    @Test
    void anUnreadableListIsEmpty() throws Exception {
        Path storage = Files.createDirectories(dir.resolve("a-directory-not-a-file"));
        assertThat(new RecentFiles(storage).list()).isEmpty();
    }
}
