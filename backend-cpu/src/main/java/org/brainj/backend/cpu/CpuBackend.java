package org.brainj.backend.cpu;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.brainj.api.BrainJException;
import org.brainj.api.UnknownNameException;
import org.brainj.api.program.Bindings;
import org.brainj.api.program.Kernel;
import org.brainj.api.program.StepProgram;
import org.brainj.api.program.SynapticBindings;
import org.brainj.api.program.SynapticKernel;
import org.brainj.api.program.SynapticProgram;
import org.brainj.api.random.Philox;
import org.brainj.api.random.PoissonSampler;
import org.brainj.api.random.RandomKey;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.BinaryOp;
import org.brainj.api.tensor.CustomOp;
import org.brainj.api.tensor.CustomOpRegistry;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.DTypeMismatchException;
import org.brainj.api.tensor.ForeignTensorException;
import org.brainj.api.tensor.Reduction;
import org.brainj.api.tensor.ShapeMismatchException;
import org.brainj.api.tensor.Shapes;
import org.brainj.api.tensor.Tensor;
import org.brainj.api.tensor.TensorIndexException;
import org.brainj.api.tensor.UnaryOp;
import org.brainj.backend.cpu.codegen.StepCompiler;
import org.brainj.backend.cpu.codegen.SynapticCompiler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The backend on plain Java loops over heap arrays ({@link CpuTensor}). Under OSGi it is a
 * Declarative Services component; on a plain classpath {@link org.brainj.api.tensor.Backends}
 * finds it through {@link java.util.ServiceLoader}.
 *
 * <p>Any {@link CpuTensor} is an operand, whichever instance of this backend made it: they all
 * live on the same heap. Operations run on the calling thread, except that compiled steps and
 * spike delivery split over the backend's {@link StepThreads} where their work pays, with the
 * same results on any number of threads.
 */
@Component(service = Backend.class, property = Backend.NAME_PROPERTY + "=" + CpuBackend.NAME)
public final class CpuBackend implements Backend {
    /** This backend's {@value Backend#NAME_PROPERTY}. */
    public static final String NAME = "cpu";

    private final CustomOpRegistry ops = new CustomOpRegistry(NAME);
    private final StepThreads stepThreads;

    /**
     * For {@link java.util.ServiceLoader} and Declarative Services alike: a step on up to
     * {@value StepThreads#THREADS_PROPERTY} threads, by default the processors.
     */
    public CpuBackend() {
        this(StepThreads.byDefault());
    }

    /** A backend that runs a step on up to {@code threads} threads (1: all on the calling thread). */
    public CpuBackend(int threads) {
        this(StepThreads.measured(threads));
    }

    /** A backend that splits its steps as {@code stepThreads} says (tests split the smallest work). */
    public CpuBackend(StepThreads stepThreads) {
        this.stepThreads = stepThreads;
    }

    /** How this backend splits a step's operations over threads. */
    public StepThreads stepThreads() {
        return stepThreads;
    }

    @Activate
    void activate() {
        ops.managed();
    }

    @Reference(service = CustomOp.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, target = "(" + NAME_PROPERTY + "=" + NAME + ")", unbind = "removeOp")
    void addOp(CustomOp op) {
        ops.bind(op);
    }

    void removeOp(CustomOp op) {
        ops.unbind(op);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "plain Java loops over heap arrays (Java " + Runtime.version().feature() + ", a step on up to "
                + stepThreads.threads() + " threads where its work pays)";
    }

    // ---- creation ------------------------------------------------------------------------

    @Override
    public CpuTensor full(DType dtype, double value, int... shape) {
        CpuTensor t = allocate("full", dtype, shape);
        Object data = t.data();
        switch (dtype) {
            case FLOAT64 -> Arrays.fill((double[]) data, value);
            case FLOAT32 -> Arrays.fill((float[]) data, (float) value);
            case INT32 -> Arrays.fill((int[]) data, (int) value);
            case BOOL -> Arrays.fill((boolean[]) data, value != 0);
        }
        return t;
    }

    @Override
    public CpuTensor zeros(DType dtype, int... shape) {
        return full(dtype, 0, shape);
    }

    @Override
    public CpuTensor ones(DType dtype, int... shape) {
        return full(dtype, 1, shape);
    }

    @Override
    public CpuTensor scalar(DType dtype, double value) {
        return full(dtype, value);
    }

    @Override
    public CpuTensor asTensor(double[] data, int... shape) {
        return wrap(DType.FLOAT64, data.clone(), data.length, shape);
    }

    @Override
    public CpuTensor asTensor(float[] data, int... shape) {
        return wrap(DType.FLOAT32, data.clone(), data.length, shape);
    }

    @Override
    public CpuTensor asTensor(int[] data, int... shape) {
        return wrap(DType.INT32, data.clone(), data.length, shape);
    }

    @Override
    public CpuTensor asTensor(boolean[] data, int... shape) {
        return wrap(DType.BOOL, data.clone(), data.length, shape);
    }

    /** {@code data} itself, not a copy: a projection's connectivity held once (4 B per synapse, not 8). */
    @Override
    public CpuTensor asReadOnlyTensor(int[] data, int... shape) {
        return wrap(DType.INT32, data, data.length, shape);
    }

    private CpuTensor wrap(DType dtype, Object data, int length, int[] shape) {
        int[] s = shape.length == 0 ? new int[] {length} : shape;
        if (checkedSize("asTensor", s) != length) {
            throw new ShapeMismatchException("asTensor: " + length + " elements do not fill shape "
                    + Shapes.format(s) + " of " + Shapes.size(s) + "; pass a shape of " + length + " elements");
        }
        return new CpuTensor(this, dtype, s, data, 0);
    }

    @Override
    public CpuTensor arange(DType dtype, double start, double stop, double step) {
        if (dtype == DType.BOOL) {
            throw new DTypeMismatchException("arange: dtype bool has no ranges; use float32, float64 or int32");
        }
        int n = Shapes.arangeLength(start, stop, step);
        CpuTensor t = allocate("arange", dtype, n);
        for (int i = 0; i < n; i++) {
            t.set(i, start + i * step);
        }
        return t;
    }

    @Override
    public CpuTensor concatenate(int axis, Tensor... parts) {
        String op = "concatenate";
        if (parts.length == 0) {
            throw new ShapeMismatchException(op + ": no parts given; pass at least one tensor");
        }
        CpuTensor first = own(op, parts[0], "parts[0]");
        if (first.rank() == 0) {
            throw new ShapeMismatchException(op + ": 0-d tensors have no axis to join along; reshape them to (1,)");
        }
        int a = Shapes.axis(axis, first.rank());
        CpuTensor[] ts = new CpuTensor[parts.length];
        int[][] shapes = new int[parts.length][];
        for (int p = 0; p < parts.length; p++) {
            ts[p] = own(op, parts[p], "parts[" + p + "]");
            requireSameDType(op, first, ts[p]);
            shapes[p] = ts[p].shapeRef();
        }
        int[] shape = Shapes.concatenate(op, a, shapes);
        CpuTensor out = allocate(op, first.dtype(), shape);
        int outer = Shapes.size(Arrays.copyOf(shape, a));
        int inner = Shapes.size(Arrays.copyOfRange(shape, a + 1, shape.length));
        int pos = 0;
        for (int o = 0; o < outer; o++) {
            for (CpuTensor t : ts) {
                int chunk = t.shapeRef()[a] * inner;
                System.arraycopy(t.data(), t.offset() + o * chunk, out.data(), pos, chunk);
                pos += chunk;
            }
        }
        return out;
    }

    @Override
    public CpuTensor reshape(Tensor x, int... shape) {
        CpuTensor t = own("reshape", x, "x");
        return new CpuTensor(this, t.dtype(), Shapes.reshape(t.shapeRef(), shape), t.data(), t.offset());
    }

    @Override
    public CpuTensor slice(Tensor x, int from, int to) {
        CpuTensor t = own("slice", x, "x");
        if (t.rank() == 0) {
            throw new TensorIndexException("slice: a 0-d tensor has no rows; reshape it to (1,) first");
        }
        int rows = t.shapeRef()[0];
        if (from < 0 || to > rows || from > to) {
            throw new TensorIndexException("slice: rows [" + from + ", " + to + ") are out of range for shape "
                    + Shapes.format(t.shapeRef()) + "; use 0 <= from <= to <= " + rows);
        }
        int[] s = t.shape();
        s[0] = to - from;
        int rowSize = rows == 0 ? 0 : t.size() / rows;
        return new CpuTensor(this, t.dtype(), s, t.data(), t.offset() + from * rowSize);
    }

    @Override
    public CpuTensor astype(Tensor x, DType dtype, Tensor out) {
        CpuTensor t = own("astype", x, "x");
        CpuTensor o = output("astype", out, dtype, t.shapeRef());
        if (t.dtype() == dtype) {
            System.arraycopy(t.data(), t.offset(), o.data(), o.offset(), t.size());
            return o;
        }
        if (t.data() instanceof double[] d && o.data() instanceof boolean[] b) {
            // spike flags of step kernels, every step: one typed loop rather than a switch per element
            int from = t.offset();
            int to = o.offset();
            for (int i = 0; i < t.size(); i++) {
                b[to + i] = d[from + i] != 0;
            }
            return o;
        }
        for (int i = 0; i < t.size(); i++) {
            switch (dtype) {
                case FLOAT64, FLOAT32 -> o.set(i, t.get(i));
                case INT32 -> o.setInt(i, t.getInt(i));
                case BOOL -> o.setBool(i, t.getBool(i));
            }
        }
        return o;
    }

    // ---- elementwise ---------------------------------------------------------------------

    @Override
    public CpuTensor unary(UnaryOp op, Tensor x, Tensor out) {
        String name = op.label();
        CpuTensor t = own(name, x, "x");
        boolean accepted = switch (op) {
            case NOT -> t.dtype() == DType.BOOL;
            case NEG, ABS -> t.dtype() != DType.BOOL;
            default -> t.dtype().isFloat();
        };
        if (!accepted) {
            String needs = switch (op) {
                case NOT -> "bool";
                case NEG, ABS -> "float32, float64 or int32";
                default -> "float32 or float64";
            };
            throw new DTypeMismatchException(name + ": dtype " + t.dtype() + " is not accepted; it needs " + needs
                    + " (convert with astype)");
        }
        CpuTensor o = output(name, out, t.dtype(), t.shapeRef());
        Elementwise.unary(op, t, o);
        return o;
    }

    @Override
    public CpuTensor binary(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        String name = op.label();
        CpuTensor x = own(name, a, "a");
        CpuTensor y = own(name, b, "b");
        requireSameDType(name, x, y);
        DType dtype = x.dtype();
        if (op.kind() == BinaryOp.Kind.LOGICAL && dtype != DType.BOOL) {
            throw new DTypeMismatchException(name, DType.BOOL, dtype);
        }
        if (op.kind() == BinaryOp.Kind.ARITHMETIC && dtype == DType.BOOL) {
            throw new DTypeMismatchException(name + ": arithmetic on bool is not defined; convert with astype(int32)"
                    + " or use logical_and / logical_or / logical_xor");
        }
        int[] shape = Shapes.broadcast(name, x.shapeRef(), y.shapeRef());
        CpuTensor o = output(name, out, op.resultType(dtype), shape);
        Elementwise.binary(op, x, y, o);
        return o;
    }

    @Override
    public CpuTensor where(Tensor cond, Tensor a, Tensor b, Tensor out) {
        CpuTensor c = own("where", cond, "cond");
        CpuTensor x = own("where", a, "a");
        CpuTensor y = own("where", b, "b");
        if (c.dtype() != DType.BOOL) {
            throw new DTypeMismatchException("where (cond)", DType.BOOL, c.dtype());
        }
        requireSameDType("where", x, y);
        int[] shape = Shapes.broadcast("where", Shapes.broadcast("where", c.shapeRef(), x.shapeRef()), y.shapeRef());
        CpuTensor o = output("where", out, x.dtype(), shape);
        Elementwise.where(c, x, y, o);
        return o;
    }

    @Override
    public CpuTensor clip(Tensor x, double lo, double hi, Tensor out) {
        CpuTensor t = own("clip", x, "x");
        if (t.dtype() == DType.BOOL) {
            throw new DTypeMismatchException("clip: dtype bool has no range to clip to; use a numeric dtype");
        }
        if (!(lo <= hi)) {
            throw new BrainJException("clip: lower bound " + lo + " is above upper bound " + hi + "; swap them");
        }
        CpuTensor o = output("clip", out, t.dtype(), t.shapeRef());
        Elementwise.clip(t, lo, hi, o);
        return o;
    }

    // ---- reductions ----------------------------------------------------------------------

    @Override
    public CpuTensor reduce(Reduction op, Tensor x, Tensor out) {
        CpuTensor t = own(op.label(), x, "x");
        CpuTensor o = output(op.label(), out, op.resultType(t.dtype()), new int[0]);
        Reducer.reduce(op, t, 1, t.size(), 1, o);
        return o;
    }

    @Override
    public CpuTensor reduce(Reduction op, Tensor x, int axis, Tensor out) {
        CpuTensor t = own(op.label(), x, "x");
        int[] s = t.shapeRef();
        int a = Shapes.axis(axis, s.length);
        int[] shape = new int[s.length - 1];
        System.arraycopy(s, 0, shape, 0, a);
        System.arraycopy(s, a + 1, shape, a, s.length - a - 1);
        CpuTensor o = output(op.label(), out, op.resultType(t.dtype()), shape);
        int outer = Shapes.size(Arrays.copyOf(s, a));
        int inner = Shapes.size(Arrays.copyOfRange(s, a + 1, s.length));
        Reducer.reduce(op, t, outer, s[a], inner, o);
        return o;
    }

    // ---- random ----------------------------------------------------------------------------

    @Override
    public CpuTensor uniform(RandomKey key, double low, double high, Tensor out) {
        if (!(low < high) || !Double.isFinite(high - low)) {
            throw new BrainJException("uniform: needs finite low < high, got [" + low + ", " + high + ")");
        }
        CpuTensor o = randomOut("uniform", out);
        double width = high - low;
        for (int i = 0; i < o.size(); i++) {
            o.set(i, o.dtype() == DType.FLOAT64
                    ? low + width * Philox.uniform(key, i)
                    : low + width * Philox.uniformFloat(key, i));
        }
        return o;
    }

    @Override
    public CpuTensor normal(RandomKey key, double mean, double std, Tensor out) {
        if (!(std >= 0) || !Double.isFinite(std) || !Double.isFinite(mean)) {
            throw new BrainJException("normal: needs a finite mean and std >= 0, got mean " + mean + ", std " + std);
        }
        CpuTensor o = randomOut("normal", out);
        for (int i = 0; i < o.size(); i++) {
            o.set(i, mean + std * Philox.normal(key, i));
        }
        return o;
    }

    @Override
    public CpuTensor bernoulli(RandomKey key, double p, Tensor out) {
        if (!(p >= 0 && p <= 1)) {
            throw new BrainJException("bernoulli: probability " + p + " is outside [0, 1]");
        }
        CpuTensor o = output("bernoulli", requireOut("bernoulli", out), DType.BOOL, out.shape());
        for (int i = 0; i < o.size(); i++) {
            o.setBool(i, Philox.bernoulli(key, i, p));
        }
        return o;
    }

    @Override
    public CpuTensor poisson(RandomKey key, double lambda, Tensor out) {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new BrainJException("poisson: mean " + lambda + " must be finite and >= 0");
        }
        CpuTensor o = output("poisson", requireOut("poisson", out), DType.INT32, out.shape());
        PoissonSampler sampler = new PoissonSampler(lambda);
        for (int i = 0; i < o.size(); i++) {
            o.setInt(i, sampler.draw(key, i));
        }
        return o;
    }

    private CpuTensor randomOut(String op, Tensor out) {
        CpuTensor o = own(op, requireOut(op, out), "out");
        if (!o.dtype().isFloat()) {
            throw new DTypeMismatchException(op + ": out has dtype " + o.dtype() + " but must be float32 or float64");
        }
        return o;
    }

    private static Tensor requireOut(String op, Tensor out) {
        if (out == null) {
            throw new BrainJException(op + ": out is null; pass the tensor to fill (its shape sets the draws)");
        }
        return out;
    }

    // ---- event-driven sparse ops -------------------------------------------------------------

    @Override
    public void csrEventAdd(Tensor spikes, Tensor indptr, Tensor indices, Tensor weights, Tensor post) {
        String op = "csrEventAdd";
        EventOps.csrEventAdd(own(op, spikes, "spikes"), own(op, indptr, "indptr"), own(op, indices, "indices"),
                own(op, weights, "weights"), own(op, post, "post"));
    }

    @Override
    public void csrEventAddScaled(Tensor spikes, Tensor scale, Tensor indptr, Tensor indices, Tensor weights, Tensor post) {
        String op = "csrEventAddScaled";
        EventOps.csrEventAddScaled(own(op, spikes, "spikes"), own(op, scale, "scale"), own(op, indptr, "indptr"),
                own(op, indices, "indices"), own(op, weights, "weights"), own(op, post, "post"));
    }

    @Override
    public void cscEventGather(Tensor spikes, Tensor colptr, Tensor rows, Tensor weights, Tensor post) {
        String op = "cscEventGather";
        EventOps.cscEventGather(own(op, spikes, "spikes"), own(op, colptr, "colptr"), own(op, rows, "rows"),
                own(op, weights, "weights"), own(op, post, "post"));
    }

    @Override
    public void csrListAdd(Tensor list, int first, Tensor indptr, Tensor indices, Tensor weights, Tensor post) {
        String op = "csrListAdd";
        EventOps.csrListAdd(own(op, list, "list"), first, own(op, indptr, "indptr"), own(op, indices, "indices"),
                own(op, weights, "weights"), own(op, post, "post"), stepThreads);
    }

    @Override
    public void eventList(Tensor flags, Tensor list) {
        EventOps.eventList(own("eventList", flags, "flags"), own("eventList", list, "list"));
    }

    @Override
    public void eventAppend(Tensor list, Tensor log) {
        EventOps.eventAppend(own("eventAppend", list, "list"), own("eventAppend", log, "log"));
    }

    @Override
    public void eventFlags(Tensor list, int first, Tensor flags) {
        EventOps.eventFlags(own("eventFlags", list, "list"), first, own("eventFlags", flags, "flags"));
    }

    // ---- custom operations -------------------------------------------------------------------

    @Override
    public CustomOp op(String name) {
        CustomOp op = ops.current().get(name);
        if (op == null) {
            throw new UnknownNameException("custom operation of backend " + NAME, name, opNames());
        }
        return op;
    }

    @Override
    public Set<String> opNames() {
        return new TreeSet<>(ops.current().keySet());
    }

    // ---- step programs -------------------------------------------------------------------------

    @Override
    public Kernel compile(StepProgram program, Bindings bindings) {
        return new StepCompiler(this).compile(program, bindings);
    }

    @Override
    public SynapticKernel compileSynaptic(SynapticProgram program, SynapticBindings bindings) {
        return new SynapticCompiler(this).compile(program, bindings);
    }

    // ---- moving data -----------------------------------------------------------------------------

    @Override
    public CpuTensor transfer(Tensor source) {
        if (source == null) {
            throw new BrainJException("transfer: source is null; pass a tensor");
        }
        CpuTensor t = allocate("transfer", source.dtype(), source.shape());
        copy(source, t);
        return t;
    }

    @Override
    public void copy(Tensor source, Tensor target) {
        CpuTensor t = own("copy", target, "target");
        if (source == null) {
            throw new BrainJException("copy: source is null; pass a tensor");
        }
        if (source.dtype() != t.dtype()) {
            throw new DTypeMismatchException("copy", t.dtype(), source.dtype());
        }
        if (source.size() != t.size()) {
            throw new ShapeMismatchException("copy: source shape " + Shapes.format(source.shape())
                    + " and target shape " + Shapes.format(t.shapeRef()) + " differ in size; they must hold as many elements");
        }
        if (source instanceof CpuTensor s) {
            System.arraycopy(s.data(), s.offset(), t.data(), t.offset(), t.size());
            return;
        }
        Object host = switch (t.dtype()) {
            case FLOAT64 -> source.toDoubleArray();
            case FLOAT32 -> source.toFloatArray();
            case INT32 -> source.toIntArray();
            case BOOL -> source.toBooleanArray();
        };
        System.arraycopy(host, 0, t.data(), t.offset(), t.size());
    }

    // ---- checks shared by the operations ----------------------------------------------------------

    /** {@code x} as a tensor of this backend, or an error that says how to bring it here. */
    private CpuTensor own(String op, Tensor x, String role) {
        if (x == null) {
            throw new BrainJException(op + ": " + role + " is null; pass a tensor");
        }
        if (x instanceof CpuTensor t) {
            return t;
        }
        throw new ForeignTensorException(op, role, x, this);
    }

    private static void requireSameDType(String op, CpuTensor a, CpuTensor b) {
        if (a.dtype() != b.dtype()) {
            throw new DTypeMismatchException(op + ": operands have dtypes " + a.dtype() + " and " + b.dtype()
                    + "; convert one with astype(" + a.dtype() + ") so they match");
        }
    }

    /** The caller's {@code out} after checking it fits the result, or a new tensor when it is null. */
    private CpuTensor output(String op, Tensor out, DType dtype, int[] shape) {
        if (out == null) {
            return allocate(op, dtype, shape);
        }
        CpuTensor o = own(op, out, "out");
        if (o.dtype() != dtype) {
            throw new DTypeMismatchException(op + ": out has dtype " + o.dtype() + " but the result is " + dtype
                    + "; pass an out of dtype " + dtype + " or null");
        }
        if (!Arrays.equals(o.shapeRef(), shape)) {
            throw new ShapeMismatchException(op + ": out has shape " + Shapes.format(o.shapeRef())
                    + " but the result has shape " + Shapes.format(shape) + "; pass an out of that shape or null");
        }
        return o;
    }

    private CpuTensor allocate(String op, DType dtype, int... shape) {
        int size = checkedSize(op, shape);
        return new CpuTensor(this, dtype, shape, CpuTensor.allocate(dtype, size), 0);
    }

    private static int checkedSize(String op, int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new ShapeMismatchException(op + ": shape " + Shapes.format(shape)
                        + " has a negative dimension; dimensions are >= 0");
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new ShapeMismatchException(op + ": shape " + Shapes.format(shape)
                        + " holds more than 2^31 - 1 elements; split it");
            }
        }
        return (int) n;
    }
}
