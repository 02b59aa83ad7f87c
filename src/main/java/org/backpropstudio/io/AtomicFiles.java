package org.backpropstudio.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that the target is always either the complete old file or the complete new
 * one: the content goes to a temporary file in the target's directory, is flushed to disk, and
 * then replaces the target in one move.
 *
 * <p>A process killed mid-write leaves its temporary file ({@code .name.random.tmp}, hidden, never
 * read as data); the next write of the same target removes such files once they are
 * {@link #STALE} old, so a write in progress elsewhere is not disturbed.
 */
public final class AtomicFiles {

    /** Writes the whole content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Temporary files of a target older than this are leftovers of a killed write. */
    static final java.time.Duration STALE = java.time.Duration.ofMinutes(10);

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} atomically.
     *
     * @throws IOException with a message naming the target when it cannot be written; the old
     *                     file, if any, is then untouched and no temporary file is left behind
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new IOException(absolute + " is a directory");
        }
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("cannot write " + absolute + ": the directory " + dir + " does not exist");
        }
        removeStaleTemporaryFiles(dir, absolute.getFileName().toString());
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Deletes what killed writes of {@code name} left in {@code dir}; what cannot be deleted is left alone. */
    private static void removeStaleTemporaryFiles(Path dir, String name) {
        String prefix = "." + name + ".";
        java.time.Instant cutoff = java.time.Instant.now().minus(STALE);
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String f = p.getFileName().toString();
                if (f.startsWith(prefix) && f.endsWith(".tmp")
                        && Files.getLastModifiedTime(p).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // tidying up is not worth failing a save for
        }
    }

    /** Writes text as UTF-8, atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
