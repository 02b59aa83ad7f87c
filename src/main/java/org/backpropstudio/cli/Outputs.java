package org.backpropstudio.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.backpropstudio.io.AtomicFiles;

/**
 * The files a command will write, checked together before it does any work, so a long training
 * run never ends in "cannot write": an existing file without {@code --force}, two options naming
 * the same file, a missing or read-only directory, a target that is a directory, device or FIFO.
 */
final class Outputs {

    /** Option name → file, in the order given; options not given are left out. */
    private final Map<String, Path> files = new LinkedHashMap<>();

    /** Adds an output; a null file (the option was not given) is skipped. */
    Outputs add(String option, Path file) {
        if (file != null) {
            files.put(option, file);
        }
        return this;
    }

    /**
     * Refuses the outputs unless every one can be written.
     *
     * @throws Cli.UserException for an existing file without force, or a file named twice
     * @throws IOException       naming the file that cannot be written and why
     */
    void check(boolean force) throws IOException {
        Map<Path, String> seen = new HashMap<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            Path file = e.getValue();
            String other = seen.putIfAbsent(identity(file), e.getKey());
            if (other != null) {
                throw new Cli.UserException(other + " and " + e.getKey() + " both name " + file
                        + "; give each output a file of its own");
            }
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !force) {
                throw new Cli.UserException(file + " exists; give --force to overwrite it");
            }
            AtomicFiles.checkWritable(file);
        }
    }

    /** The file a path denotes, however it is spelt (./a, dir/../a, through a link). */
    private static Path identity(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            return absolute.toRealPath();
        }
        Path dir = absolute.getParent();
        return dir != null && Files.isDirectory(dir) ? dir.toRealPath().resolve(absolute.getFileName()) : absolute;
    }
}
