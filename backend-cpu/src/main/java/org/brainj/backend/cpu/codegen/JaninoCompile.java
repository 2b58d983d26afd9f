package org.brainj.backend.cpu.codegen;

import java.util.Map;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * Janino's part of {@link KernelClasses}: source in, class files out. Its own class, and one that
 * lets no Janino type escape, so that a run whose kernels all come from the {@link KernelCache}
 * never loads Janino (its classes and warm-up cost a few hundred ms of a run's start).
 */
final class JaninoCompile {
    private JaninoCompile() {
    }

    /**
     * The class files of {@code source}, by binary class name, compiled against {@code parent}.
     *
     * @param kind what the source is ("step", "synaptic"), for the message when it does not compile
     */
    static Map<String, byte[]> bytecodes(String kind, String source, ClassLoader parent) {
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(parent);
        try {
            compiler.cook(source);
        } catch (CompileException e) {
            throw new IllegalStateException("generated " + kind + " code does not compile: " + e.getMessage() + "\n" + source, e);
        }
        return compiler.getBytecodes();
    }
}
