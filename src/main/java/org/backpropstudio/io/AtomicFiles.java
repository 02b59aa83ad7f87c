package org.backpropstudio.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that the target is always either the complete old file or the complete new
 * one: the content goes to a temporary file in the target's directory, is flushed to disk, and
 * then replaces the target in one move.
 *
 * <p>What a target may be:
 * <ul>
 *   <li>a regular file: replaced; the new file keeps the old one's permissions;</li>
 *   <li>nothing yet: created with the permissions the process's umask gives new files;</li>
 *   <li>a symbolic link: the file it points to is written (as an editor saving through a link
 *       does), the link itself stays; a link to nothing is refused;</li>
 *   <li>a directory, device, FIFO or socket: refused, never replaced.</li>
 * </ul>
 *
 * <p>A process stopped mid-write (Ctrl+C, SIGTERM) removes its temporary file as it exits; one
 * killed outright (SIGKILL, a power cut) leaves its temporary file ({@code .name.random.tmp}, hidden, never
 * read as data); the next write of the same target removes such files once they are
 * {@link #STALE} old, so a write in progress elsewhere is not disturbed. Every failure is an
 * {@link IOException} whose message names the target, never the temporary file.
 */
public final class AtomicFiles {

    /** Writes the whole content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Temporary files of a target older than this are leftovers of a killed write. */
    static final java.time.Duration STALE = java.time.Duration.ofMinutes(10);

    /** Temporary files being written now: removed if the process is stopped (Ctrl+C, SIGTERM) mid-write. */
    private static final java.util.Set<Path> IN_PROGRESS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : IN_PROGRESS) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // the process is ending; a leftover is removed by a later write once stale
                }
            }
        }, "remove-unfinished-writes"));
    }

    private AtomicFiles() {
    }

    /**
     * Checks, without writing it, that {@code target} can be written: what it is (see the class
     * comment), and that its directory exists and takes a new file (a file is created there and
     * removed again). Commands call this for every output before any work.
     *
     * @throws IOException naming the target and the reason
     */
    public static void checkWritable(Path target) throws IOException {
        Path file = resolve(target);
        Path probe = createTemporary(target, file);
        Files.deleteIfExists(probe);
    }

    /**
     * Writes {@code target} atomically.
     *
     * @throws IOException with a message naming the target when it cannot be written; the old
     *                     file, if any, is then untouched and no temporary file is left behind
     */
    public static void write(Path target, Content content) throws IOException {
        Path file = resolve(target);
        removeStaleTemporaryFiles(file.getParent(), file.getFileName().toString());
        Path temp = createTemporary(target, file);
        IN_PROGRESS.add(temp);
        boolean moved = false;
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            keepPermissions(file, temp);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (FileSystemException e) {
            throw new IOException("cannot write " + target + ": " + reason(e), e);
        } catch (IOException e) {
            // a failed write (a full disk) says what failed, but not where
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
            IN_PROGRESS.remove(temp);
        }
    }

    /** Writes text as UTF-8, atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * The regular file that writing {@code target} replaces or creates: the target itself, or the
     * file its symbolic link points to.
     */
    private static Path resolve(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isSymbolicLink(absolute)) {
            if (!Files.exists(absolute)) {
                throw new IOException("cannot write " + target + ": it is a symbolic link to "
                        + Files.readSymbolicLink(absolute) + ", which does not exist");
            }
            absolute = absolute.toRealPath();
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException(target + " is a directory");
        }
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(absolute)) {
            throw new IOException("cannot write " + target + ": it is not a regular file (a device, FIFO or "
                    + "socket), and only regular files are replaced");
        }
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("cannot write " + target + ": "
                    + (dir != null && Files.exists(dir) ? dir + " is not a directory" : "the directory " + dir + " does not exist"));
        }
        return absolute;
    }

    /**
     * A new empty file beside {@code file}, created with the permissions the umask gives new
     * files ({@code Files.createTempFile} would make it 0600 whatever the umask).
     */
    private static Path createTemporary(Path target, Path file) throws IOException {
        String prefix = "." + file.getFileName() + ".";
        for (int attempt = 0; ; attempt++) {
            Path temp = file.resolveSibling(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw new IOException("cannot write " + target + ": no free temporary name in " + file.getParent());
                }
            } catch (FileSystemException e) {
                throw new IOException("cannot write " + target + ": " + reason(e), e);
            }
        }
    }

    /** The permissions of the file being replaced go to its replacement (a 0664 file stays 0664). */
    private static void keepPermissions(Path file, Path temp) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        PosixFileAttributeView old = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (old != null) {
            Files.setPosixFilePermissions(temp, old.readAttributes().permissions());
        }
    }

    /** Why the file system refused, in words that name no temporary file. */
    private static String reason(FileSystemException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied in " + (e.getFile() == null ? "its directory" : Path.of(e.getFile()).getParent());
        }
        if (e instanceof NoSuchFileException) {
            return "its directory does not exist";
        }
        String reason = e.getReason();
        return reason != null ? reason : e.getClass().getSimpleName();
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
}
