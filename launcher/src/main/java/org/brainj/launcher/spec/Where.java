package org.brainj.launcher.spec;

/**
 * A place in a spec file: the file as the user named it, the line (from 1) and the key path
 * ({@code populations.P.size}; empty for the whole document).
 */
public record Where(String file, int line, String key) {
    /** The place of a key below this one. */
    Where child(String name, int childLine) {
        return new Where(file, childLine, key.isEmpty() ? name : key + "." + name);
    }

    @Override
    public String toString() {
        return file + ":" + line + (key.isEmpty() ? "" : ": " + key);
    }
}
