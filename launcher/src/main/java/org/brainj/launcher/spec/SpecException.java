package org.brainj.launcher.spec;

import org.brainj.api.BrainJException;

/**
 * A spec file that cannot be run as written: the message starts with the file, the line and the
 * key at fault ({@code coba.yaml:12: populations.P.parameters.taum: ...}) and says the fix.
 */
public class SpecException extends BrainJException {
    private static final long serialVersionUID = 1L;
    private final transient Where where;

    public SpecException(Where where, String message) {
        super(where + ": " + message);
        this.where = where;
    }

    public SpecException(Where where, String message, Throwable cause) {
        super(where + ": " + message, cause);
        this.where = where;
    }

    /** The error of a key that {@code owner} needs and lacks. */
    static SpecException missing(Where owner, String key) {
        return new SpecException(owner.child(key, owner.line()), "missing; add '" + key + ":' here");
    }

    public Where where() {
        return where;
    }
}
