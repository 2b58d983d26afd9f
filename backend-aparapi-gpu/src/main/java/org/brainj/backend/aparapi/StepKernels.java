package org.brainj.backend.aparapi;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * The generated subclass of {@link OpKernel} that holds the step programs compiled so far, each
 * as one block of {@code program(index, i)}. Aparapi translates a kernel from its class file,
 * which it reads as a resource of the class's loader, so the class is compiled (Janino, with the
 * local variable tables Aparapi needs) into a loader that also serves its bytes. Every generation
 * gets a new class name: Aparapi and BCEL cache classes by name.
 */
final class StepKernels {
    private static final AtomicInteger GENERATION = new AtomicInteger();
    private static final String PACKAGE = OpKernel.class.getPackageName();

    private final List<StepSource> blocks = new ArrayList<>();

    /** Adds a program's block (its locals prefixed by {@link #prefix}) and returns its index. */
    int add(StepSource block) {
        blocks.add(block);
        return blocks.size() - 1;
    }

    /** The prefix of program {@code index}'s locals. */
    static String prefix(int index) {
        return "p" + index;
    }

    int size() {
        return blocks.size();
    }

    /** A new kernel instance of a class holding every program added so far and {@code next}. */
    OpKernel instantiate(StepSource next) {
        List<StepSource> all = new ArrayList<>(blocks);
        all.add(next);
        String simple = "Steps" + GENERATION.incrementAndGet();
        StringBuilder src = new StringBuilder();
        src.append("package ").append(PACKAGE).append(";\n");
        src.append("public final class ").append(simple).append(" extends ").append(OpKernel.class.getName()).append(" {\n");
        // The programs are inline blocks, not methods: Aparapi orders helper functions with a
        // heuristic that fails when a deep helper (the fdlibm log under normal draws) is reached at
        // more call depths than the operations reach it at. Every local is declared at the top:
        // Janino writes no LocalVariableTable, and the table Aparapi rebuilds from the bytecode
        // only holds for locals that live through the whole method.
        src.append("  protected void program(int index, int i) {\n");
        for (StepSource b : all) {
            for (String local : b.locals()) {
                src.append("    double ").append(local).append(" = 0;\n");
            }
            for (String local : b.ints()) {
                src.append("    int ").append(local).append(" = 0;\n");
            }
        }
        for (int k = 0; k < all.size(); k++) {
            src.append(k == 0 ? "    if" : "    } else if").append(" (index == ").append(k).append(") {\n");
            src.append(all.get(k).text());
        }
        src.append("    }\n  }\n}\n");
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(OpKernel.class.getClassLoader());
        compiler.setDebuggingInformation(true, true, true);
        try {
            compiler.cook(src.toString());
        } catch (CompileException e) {
            throw new IllegalStateException("generated step kernel does not compile: " + e.getMessage() + "\n" + src, e);
        }
        String name = PACKAGE + "." + simple;
        ClassLoader loader = new BytesLoader(OpKernel.class.getClassLoader(), compiler.getBytecodes());
        try {
            return (OpKernel) loader.loadClass(name).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("generated step kernel " + name + " cannot be instantiated", e);
        }
    }

    /** Defines the generated classes and serves their class files, which Aparapi parses. */
    private static final class BytesLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        BytesLoader(ClassLoader parent, Map<String, byte[]> classes) {
            super(parent);
            this.classes = Map.copyOf(classes);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        @Override
        public InputStream getResourceAsStream(String resource) {
            if (resource.endsWith(".class")) {
                byte[] bytes = classes.get(resource.substring(0, resource.length() - 6).replace('/', '.'));
                if (bytes != null) {
                    return new ByteArrayInputStream(bytes);
                }
            }
            return super.getResourceAsStream(resource);
        }
    }
}
