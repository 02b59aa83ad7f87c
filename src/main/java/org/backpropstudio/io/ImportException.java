package org.backpropstudio.io;

/**
 * A file could not be read as what it claims to be. The message names the file's problem in a
 * user's words ("layer 2: W has 9 rows, expected 10") and is meant to be shown as it is.
 */
public final class ImportException extends Exception {

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
