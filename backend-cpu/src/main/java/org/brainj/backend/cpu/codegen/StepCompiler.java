package org.brainj.backend.cpu.codegen;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.brainj.api.program.BindingException;
import org.brainj.api.program.Bindings;
import org.brainj.api.program.Kernel;
import org.brainj.api.program.StepProgram;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Shapes;
import org.brainj.api.tensor.Tensor;
import org.brainj.backend.cpu.CpuBackend;
import org.brainj.backend.cpu.CpuTensor;

/**
 * Compiles a step program into JVM bytecode: Java source generated from the IR (one class, one
 * fused loop over the population), compiled with Janino (or its class files from the
 * {@link KernelCache}, when an earlier run compiled the same source). Per run, 0-d parameters are read once
 * and per-element tensors indexed in the loop; each element reads its state into locals, runs
 * the body in order (a state variable assigned twice is seen updated by what follows, as
 * threshold and reset need), draws its noise with Philox under {@code (seed, stream, step)} at
 * its index, and writes the assigned state back in its tensor's dtype. Arithmetic is in double.
 *
 * <p>The generated class depends on the program and on the tensors' dtypes, ranks and whether
 * each starts its array (see {@link KernelSource#element}), not on their values, so a program
 * compiled once is reused for new bindings of the same kinds; tensors are read through on every
 * run, so writing a parameter changes the result without recompiling.
 */
public final class StepCompiler {
    private static final String CLASS_NAME = "org.brainj.backend.cpu.codegen.GeneratedStep";

    /**
     * The system property that puts step kernels in the Vector API's lanes at any size
     * ({@code true}) or never ({@code false}, to compare); by default from
     * {@link #LANES_MIN_ELEMENTS}, wherever the JVM has {@code jdk.incubator.vector}
     * ({@code --add-modules jdk.incubator.vector}).
     */
    public static final String LANES_PROPERTY = "brainj.cpu.lanes";
    /**
     * The smallest population whose steps run in lanes by default. Until C2 has compiled a kernel
     * the Vector API allocates every vector it computes, so lanes code starts many times slower
     * than scalar code: in a fresh JVM CUBA at 10^4 took 1.3-1.5 s of process CPU for its first
     * simulated second in lanes against 0.8-1.0 scalar (C2 done after about 2 s of wall time under
     * a load of 20), and 0.16-0.20 against 0.29-0.35 s for each later second. Lanes save about
     * 1.5 ns per element and step, so from about 50,000 elements they repay that within a
     * simulated second; below, only long runs would.
     */
    static final int LANES_MIN_ELEMENTS = 50_000;
    private static final Boolean LANES = lanesProperty();
    private static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private final CpuBackend backend;
    /** Lanes always, never, or (null) from {@link #LANES_MIN_ELEMENTS}. */
    private final Boolean lanes;

    public StepCompiler(CpuBackend backend) {
        this(backend, LANES);
    }

    /** A compiler that puts elements in lanes always, never or (null) by size, where the program allows (tests force them). */
    StepCompiler(CpuBackend backend, Boolean lanes) {
        this.backend = backend;
        this.lanes = lanes;
    }

    private static Boolean lanesProperty() {
        String value = System.getProperty(LANES_PROPERTY);
        if (value == null) {
            return null;
        } else if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("-D" + LANES_PROPERTY + "=" + value + " is neither true nor false;"
                    + " leave it out to use lanes from " + LANES_MIN_ELEMENTS + " elements");
        }
        return Boolean.valueOf(value);
    }

    /** Whether the generated code can use the Vector API: the JVM was started with its module. */
    static boolean vectorApi() {
        return VECTOR_API;
    }

    /**
     * The loader the generated classes see: this bundle's, except that the Vector API's packages
     * and the JDK-internal ones its classes extend (which Janino loads to resolve their members)
     * come from the JDK's own loaders, as {@code java.*} does under OSGi. Without it, Felix
     * delegates neither to the JDK and the lanes do not compile inside the launcher.
     */
    private static final ClassLoader KERNEL_LOADER = new ClassLoader(StepCompiler.class.getClassLoader()) {
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("jdk.incubator.vector.") || name.startsWith("jdk.internal.vm.vector.")) {
                return Class.forName(name, false, ClassLoader.getPlatformClassLoader());
            }
            return super.loadClass(name, resolve);
        }
    };

    public Kernel compile(StepProgram program, Bindings bindings) {
        Layout layout = new Layout(program);
        CpuTensor[] tensors = bind(layout, bindings);
        // state tensor 0 has the population's shape, which every per-element tensor shares
        int size = tensors[0].size();
        boolean inLanes = VECTOR_API && (lanes != null ? lanes : size >= LANES_MIN_ELEMENTS);
        KernelSource kernelSource = new KernelSource(program, layout, tensors, inLanes);
        String source = kernelSource.text(CLASS_NAME);
        try {
            ElementRange range = (ElementRange) compiled(source)
                    .getConstructor(CpuTensor[].class, long.class)
                    .newInstance(tensors, bindings.seed());
            return new SplitKernel(range, size, events(program, bindings, size), kernelSource.elementNs(),
                    backend.stepThreads());
        } catch (InstantiationException | IllegalAccessException | NoSuchMethodException | InvocationTargetException e) {
            throw new IllegalStateException("the generated step class cannot be instantiated", e);
        }
    }

    private static Class<?> compiled(String source) {
        // under OSGi the generated code must see the API and this bundle through this bundle's loader
        return KernelClasses.loadOnce("step", CLASS_NAME, source, KERNEL_LOADER);
    }

    /** The events ring of a program that lists its events, checked against the population; else null. */
    private CpuTensor[] events(StepProgram program, Bindings bindings, int size) {
        if (program.events() == null) {
            return null;
        }
        List<Tensor> ring = bindings.events();
        if (ring == null || ring.isEmpty()) {
            throw new BindingException("the step program lists the events of '" + program.events()
                    + "' but the bindings have no events ring; bind int32 rows of " + (size + 1) + " elements");
        }
        CpuTensor[] rows = new CpuTensor[ring.size()];
        for (int r = 0; r < rows.length; r++) {
            Tensor t = ring.get(r);
            if (!(t instanceof CpuTensor cpu) || t.backend() != backend) {
                throw new BindingException("row " + r + " of the events ring is a tensor of backend '" + t.backend().name()
                        + "', not of this '" + backend.name() + "' backend; transfer it with " + backend.name() + ".transfer");
            }
            if (t.dtype() != DType.INT32 || t.rank() != 1 || t.size() != size + 1) {
                throw new BindingException("row " + r + " of the events ring has dtype " + t.dtype() + " and shape "
                        + Shapes.format(t.shape()) + " but must be 1-d int32 of " + (size + 1)
                        + " elements (the count, then one index per element)");
            }
            rows[r] = cpu;
        }
        return rows;
    }

    /** The tensors in layout order, after checking each against its variable. */
    private CpuTensor[] bind(Layout layout, Bindings bindings) {
        CpuTensor[] tensors = new CpuTensor[layout.tensorNames.size()];
        int[] population = null;
        String populationFrom = null;
        for (int k = 0; k < tensors.length; k++) {
            String name = layout.tensorNames.get(k);
            Tensor t = bindings.tensors().get(name);
            boolean isState = k < layout.stateCount;
            String role = (isState ? "state variable '" : "parameter '") + name + "'";
            if (t == null) {
                throw new BindingException("the step program's " + role + " has no tensor in the bindings; bound: "
                        + new TreeSet<>(bindings.tensors().keySet()));
            }
            if (!(t instanceof CpuTensor cpu) || t.backend() != backend) {
                throw new BindingException(role + " is a tensor of backend '" + t.backend().name()
                        + "', not of this '" + backend.name() + "' backend; transfer it with " + backend.name() + ".transfer");
            }
            if (!t.dtype().isFloat()) {
                throw new BindingException(role + " has dtype " + t.dtype() + "; step programs compute on float32 or "
                        + "float64 tensors, convert it with astype");
            }
            int[] shape = t.shape();
            if (isState || shape.length > 0) {
                if (population == null) {
                    population = shape;
                    populationFrom = role;
                } else if (!Arrays.equals(population, shape)) {
                    throw new BindingException(role + " has shape " + Shapes.format(shape) + " but " + populationFrom
                            + " has shape " + Shapes.format(population) + "; per-element tensors share the population's"
                            + " shape, a value shared by all is a 0-d tensor");
                }
            }
            tensors[k] = cpu;
        }
        return tensors;
    }
}

