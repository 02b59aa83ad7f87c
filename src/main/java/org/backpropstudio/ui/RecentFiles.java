package org.backpropstudio.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backpropstudio.io.AtomicFiles;

/**
 * The experiments and weights files opened or saved last, newest first, kept in a small text file
 * (one path a line). Call from the file thread: it reads and writes the disk.
 */
public final class RecentFiles {

    /** Files remembered at most. */
    public static final int MAX = 8;

    private final Path storage;

    /** @param storage the text file that keeps the list (created when first written) */
    public RecentFiles(Path storage) {
        this.storage = storage;
    }

    /** The default place: {@code ~/.backprop-studio/recent-files.txt}. */
    public static RecentFiles inHomeDirectory() {
        return new RecentFiles(Path.of(System.getProperty("user.home"), ".backprop-studio", "recent-files.txt"));
    }

    /** The text file that keeps the list. */
    Path storage() {
        return storage;
    }

    /** The remembered files that still exist, newest first; empty if there is no list yet. */
    public List<Path> list() {
        List<Path> files = new ArrayList<>();
        try {
            if (Files.isRegularFile(storage)) {
                for (String line : Files.readAllLines(storage, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && Files.exists(Path.of(line))) {
                        files.add(Path.of(line));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable list is an empty one: it is a convenience, never worth an error
        }
        return files;
    }

    /** Puts a file first (once) and keeps the newest {@link #MAX}. */
    public void add(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> files = list();
        files.remove(absolute);
        files.add(0, absolute);
        StringBuilder text = new StringBuilder();
        for (Path p : files.subList(0, Math.min(MAX, files.size()))) {
            text.append(p).append('\n');
        }
        Files.createDirectories(storage.getParent());
        AtomicFiles.writeString(storage, text.toString());
    }
}
