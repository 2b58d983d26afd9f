package org.brainj.launcher.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.brainj.api.BrainJException;

/**
 * Output files appear complete or not at all: each is written under a temporary name in the same
 * folder and renamed to its final name only once fully written.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** What writes a file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path file, byte[] bytes) {
        write(file, out -> out.write(bytes));
    }

    /**
     * Takes {@code bytes} of disk space for a later {@link #write} of {@code file} now: its temporary
     * file is written full of zeros, and the write replaces that content (up to that many bytes, on
     * the space this took) even when other files have filled the disk meanwhile. No space now: the
     * later write reports the full disk itself.
     */
    public static void reserve(Path file, int bytes) {
        try {
            Files.write(temp(file), new byte[bytes]);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp(file));
            } catch (IOException ignored) {
                // the write that follows deletes it or reports why it cannot
            }
        }
    }

    public static void write(Path file, Content content) {
        Path temp = temp(file);
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            String why = Files.isDirectory(file) ? "it is a folder; give a file name" : e.getMessage()
                    + "; check that the folder is writable and the disk has space";
            throw new BrainJException("cannot write " + file + ": " + why, e);
        }
    }

    private static Path temp(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".part");
    }
}
