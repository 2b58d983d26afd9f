package org.brainj.models.files;

import java.util.function.Supplier;

/**
 * A model file's compilation, done when a run first asks for it and then kept: a run uses a few
 * of the catalog's files, and compiling all of them at start-up cost most of it (issue 11). Safe
 * to ask from any thread; a compilation that fails is not kept, so each use reports the fault.
 */
final class OnFirstUse<T> implements Supplier<T> {
    private final Supplier<T> compile;
    private volatile T value;

    OnFirstUse(Supplier<T> compile) {
        this.compile = compile;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = compile.get();
                    value = v;
                }
            }
        }
        return v;
    }
}
