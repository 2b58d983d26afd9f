package org.brainj.backend.aparapi;

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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The backend on an OpenCL device through Aparapi. Every operation is a launch of one kernel
 * ({@link OpKernel}) whose pools hold all tensors of this instance, so tensors stay on the device
 * between operations and only explicit reads ({@code toDoubleArray} ...) copy to the host.
 * Random draws reproduce {@link org.brainj.api.random.Philox} bit for bit, and spike delivery
 * adds in the CPU backend's order, so both backends give the same bits for those.
 *
 * <p>Every launch is checked to have run on the OpenCL device; when it did not (no OpenCL, or
 * Aparapi fell back to Java threads), the operation throws {@link OpenClUnavailableException}.
 */
@Component(service = Backend.class, property = Backend.NAME_PROPERTY + "=" + AparapiBackend.NAME)
public final class AparapiBackend implements Backend {
    /** This backend's {@value Backend#NAME_PROPERTY}. */
    public static final String NAME = "aparapi";

    private final CustomOpRegistry ops = new CustomOpRegistry(NAME);
    /** Chosen on first use: constructing the backend loads no OpenCL runtime. */
    private OpenClLauncher launcher;
    private volatile Device device;

    /**
     * For {@link java.util.ServiceLoader} and Declarative Services alike: the best OpenCL device
     * found when the backend is first used. {@code ServiceLoader} constructs every backend on the
     * classpath to read its name, so probing here would load the OpenCL runtime (PoCL brings
     * LLVM, which replaces the JVM's signal handlers) into runs that use another backend.
     */
    public AparapiBackend() {
    }

    AparapiBackend(OpenClLauncher launcher) {
        this.launcher = launcher;
    }

    private synchronized OpenClLauncher launcher() {
        if (launcher == null) {
            launcher = OpenClLauncher.chosen();
        }
        return launcher;
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
        OpenClLauncher chosen = launcher();
        if (chosen.device() == null) {
            return "no usable OpenCL device: " + chosen.problem();
        }
        String failure = chosen.failure();
        return "Aparapi on OpenCL " + Aparapi.describe(chosen.device())
                + (failure == null ? "" : "; unusable, its kernel failed there: " + failure);
    }

    /** The device context, made on first use so that listing the backend needs no OpenCL. */
    Device device() {
        Device d = device;
        if (d == null) {
            synchronized (this) {
                d = device;
                if (d == null) {
                    OpenClLauncher chosen = launcher();
                    if (chosen.device() == null) {
                        throw new OpenClUnavailableException("the aparapi backend has no OpenCL device: " + chosen.problem());
                    }
                    d = new Device(chosen);
                    device = d;
                }
            }
        }
        return d;
    }

    // ---- creation ------------------------------------------------------------------------

    @Override
    public DeviceTensor full(DType dtype, double value, int... shape) {
        DeviceTensor t = allocate("full", dtype, shape);
        device().elementwise(OpKernel.FILL, 0, t.shapeRef(), t.slot(), Device.Slot.NONE, Device.Slot.NONE,
                Device.Slot.NONE, value, 0);
        return t;
    }

    @Override
    public DeviceTensor zeros(DType dtype, int... shape) {
        return full(dtype, 0, shape);
    }

    @Override
    public DeviceTensor ones(DType dtype, int... shape) {
        return full(dtype, 1, shape);
    }

    @Override
    public DeviceTensor scalar(DType dtype, double value) {
        return full(dtype, value);
    }

    @Override
    public DeviceTensor asTensor(double[] data, int... shape) {
        return upload(DType.FLOAT64, data.clone(), shape);
    }

    @Override
    public DeviceTensor asTensor(float[] data, int... shape) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i];
        }
        return upload(DType.FLOAT32, d, shape);
    }

    @Override
    public DeviceTensor asTensor(int[] data, int... shape) {
        return upload(DType.INT32, Arrays.stream(data).asDoubleStream().toArray(), shape);
    }

    @Override
    public DeviceTensor asTensor(boolean[] data, int... shape) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i] ? 1 : 0;
        }
        return upload(DType.BOOL, d, shape);
    }

    /** Host values (exact in double for every dtype) into a new tensor. */
    private DeviceTensor upload(DType dtype, double[] values, int[] shape) {
        int[] s = shape.length == 0 ? new int[] {values.length} : shape;
        if (checkedSize("asTensor", s) != values.length) {
            throw new ShapeMismatchException("asTensor: " + values.length + " elements do not fill shape "
                    + Shapes.format(s) + " of " + Shapes.size(s) + "; pass a shape of " + values.length + " elements");
        }
        DeviceTensor t = allocate("asTensor", dtype, s);
        device().write(t.block().dtype, t.offset(), values);
        return t;
    }

    @Override
    public DeviceTensor arange(DType dtype, double start, double stop, double step) {
        if (dtype == DType.BOOL) {
            throw new DTypeMismatchException("arange: dtype bool has no ranges; use float32, float64 or int32");
        }
        DeviceTensor t = allocate("arange", dtype, Shapes.arangeLength(start, stop, step));
        device().elementwise(OpKernel.ARANGE, 0, t.shapeRef(), t.slot(), Device.Slot.NONE, Device.Slot.NONE,
                Device.Slot.NONE, start, step);
        return t;
    }

    @Override
    public DeviceTensor concatenate(int axis, Tensor... parts) {
        String op = "concatenate";
        if (parts.length == 0) {
            throw new ShapeMismatchException(op + ": no parts given; pass at least one tensor");
        }
        DeviceTensor first = own(op, parts[0], "parts[0]");
        if (first.rank() == 0) {
            throw new ShapeMismatchException(op + ": 0-d tensors have no axis to join along; reshape them to (1,)");
        }
        int a = Shapes.axis(axis, first.rank());
        DeviceTensor[] ts = new DeviceTensor[parts.length];
        int[][] shapes = new int[parts.length][];
        for (int p = 0; p < parts.length; p++) {
            ts[p] = own(op, parts[p], "parts[" + p + "]");
            requireSameDType(op, first, ts[p]);
            shapes[p] = ts[p].shapeRef();
        }
        int[] shape = Shapes.concatenate(op, a, shapes);
        DeviceTensor out = allocate(op, first.dtype(), shape);
        int[] outStrides = Device.contiguous(shape);
        int along = 0;
        for (DeviceTensor t : ts) {
            Device.Slot target = new Device.Slot(out.block().dtype, out.offset() + along * outStrides[a], outStrides);
            device().elementwise(OpKernel.COPY, 0, t.shapeRef(), target, t.slot(), Device.Slot.NONE, Device.Slot.NONE, 0, 0);
            along += t.shapeRef()[a];
        }
        return out;
    }

    @Override
    public DeviceTensor reshape(Tensor x, int... shape) {
        DeviceTensor t = own("reshape", x, "x");
        int[] s = Shapes.reshape(t.shapeRef(), shape);
        return new DeviceTensor(this, t.dtype(), s, t.block(), t.offset());
    }

    @Override
    public DeviceTensor slice(Tensor x, int from, int to) {
        DeviceTensor t = own("slice", x, "x");
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
        return new DeviceTensor(this, t.dtype(), s, t.block(), t.offset() + from * rowSize);
    }

    @Override
    public DeviceTensor astype(Tensor x, DType dtype, Tensor out) {
        DeviceTensor t = own("astype", x, "x");
        DeviceTensor o = output("astype", out, dtype, t.shapeRef());
        device().elementwise(OpKernel.COPY, 0, t.shapeRef(), o.slot(), t.slot(), Device.Slot.NONE, Device.Slot.NONE, 0, 0);
        return o;
    }

    // ---- elementwise ---------------------------------------------------------------------

    @Override
    public DeviceTensor unary(UnaryOp op, Tensor x, Tensor out) {
        String name = op.label();
        DeviceTensor t = own(name, x, "x");
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
        DeviceTensor o = output(name, out, t.dtype(), t.shapeRef());
        // UnaryOp's order is the kernel's function numbering.
        device().elementwise(OpKernel.UNARY, op.ordinal(), t.shapeRef(), o.slot(), t.slot(), Device.Slot.NONE,
                Device.Slot.NONE, 0, 0);
        return o;
    }

    @Override
    public DeviceTensor binary(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        String name = op.label();
        DeviceTensor x = own(name, a, "a");
        DeviceTensor y = own(name, b, "b");
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
        DeviceTensor o = output(name, out, op.resultType(dtype), shape);
        // BinaryOp's order is the kernel's function numbering.
        int bad = device().elementwise(OpKernel.BINARY, op.ordinal(), shape, o.slot(), x.slot(shape), y.slot(shape),
                Device.Slot.NONE, 0, 0);
        if (bad != 0) {
            throw new BrainJException(op == BinaryOp.DIV
                    ? "div: int32 division by zero; convert to a float dtype with astype for inf/nan"
                    : "pow: negative int32 exponent has no int32 result; convert to a float dtype with astype");
        }
        return o;
    }

    @Override
    public DeviceTensor where(Tensor cond, Tensor a, Tensor b, Tensor out) {
        DeviceTensor c = own("where", cond, "cond");
        DeviceTensor x = own("where", a, "a");
        DeviceTensor y = own("where", b, "b");
        if (c.dtype() != DType.BOOL) {
            throw new DTypeMismatchException("where (cond)", DType.BOOL, c.dtype());
        }
        requireSameDType("where", x, y);
        int[] shape = Shapes.broadcast("where", Shapes.broadcast("where", c.shapeRef(), x.shapeRef()), y.shapeRef());
        DeviceTensor o = output("where", out, x.dtype(), shape);
        device().elementwise(OpKernel.WHERE, 0, shape, o.slot(), x.slot(shape), y.slot(shape), c.slot(shape), 0, 0);
        return o;
    }

    @Override
    public DeviceTensor clip(Tensor x, double lo, double hi, Tensor out) {
        DeviceTensor t = own("clip", x, "x");
        if (t.dtype() == DType.BOOL) {
            throw new DTypeMismatchException("clip: dtype bool has no range to clip to; use a numeric dtype");
        }
        if (!(lo <= hi)) {
            throw new BrainJException("clip: lower bound " + lo + " is above upper bound " + hi + "; swap them");
        }
        DeviceTensor o = output("clip", out, t.dtype(), t.shapeRef());
        device().elementwise(OpKernel.CLIP, 0, t.shapeRef(), o.slot(), t.slot(), Device.Slot.NONE, Device.Slot.NONE, lo, hi);
        return o;
    }

    // ---- reductions ----------------------------------------------------------------------

    @Override
    public DeviceTensor reduce(Reduction op, Tensor x, Tensor out) {
        DeviceTensor t = own(op.label(), x, "x");
        DeviceTensor o = output(op.label(), out, op.resultType(t.dtype()), new int[0]);
        reduceAlong(op, t, 1, t.size(), 1, o);
        return o;
    }

    @Override
    public DeviceTensor reduce(Reduction op, Tensor x, int axis, Tensor out) {
        DeviceTensor t = own(op.label(), x, "x");
        int[] s = t.shapeRef();
        int a = Shapes.axis(axis, s.length);
        int[] shape = new int[s.length - 1];
        System.arraycopy(s, 0, shape, 0, a);
        System.arraycopy(s, a + 1, shape, a, s.length - a - 1);
        DeviceTensor o = output(op.label(), out, op.resultType(t.dtype()), shape);
        int outer = Shapes.size(Arrays.copyOf(s, a));
        int inner = Shapes.size(Arrays.copyOfRange(s, a + 1, s.length));
        reduceAlong(op, t, outer, s[a], inner, o);
        return o;
    }

    private void reduceAlong(Reduction op, DeviceTensor x, int outer, int length, int inner, DeviceTensor out) {
        if (length == 0 && (op == Reduction.MAX || op == Reduction.MIN)) {
            throw new ShapeMismatchException(op.label() + ": an empty axis of a tensor of shape "
                    + Shapes.format(x.shapeRef()) + " has no " + op.label() + "; reduce a non-empty tensor");
        }
        // Reduction's order is the kernel's function numbering.
        device().reduce(op.ordinal(), out.slot(), x.slot(), outer, length, inner);
    }

    // ---- random ----------------------------------------------------------------------------

    @Override
    public DeviceTensor uniform(RandomKey key, double low, double high, Tensor out) {
        if (!(low < high) || !Double.isFinite(high - low)) {
            throw new BrainJException("uniform: needs finite low < high, got [" + low + ", " + high + ")");
        }
        DeviceTensor o = randomOut("uniform", out);
        device().random(OpKernel.UNIFORM, o.slot(), o.size(), key, low, high - low);
        return o;
    }

    @Override
    public DeviceTensor normal(RandomKey key, double mean, double std, Tensor out) {
        if (!(std >= 0) || !Double.isFinite(std) || !Double.isFinite(mean)) {
            throw new BrainJException("normal: needs a finite mean and std >= 0, got mean " + mean + ", std " + std);
        }
        DeviceTensor o = randomOut("normal", out);
        device().random(OpKernel.NORMAL, o.slot(), o.size(), key, mean, std);
        return o;
    }

    @Override
    public DeviceTensor bernoulli(RandomKey key, double p, Tensor out) {
        if (!(p >= 0 && p <= 1)) {
            throw new BrainJException("bernoulli: probability " + p + " is outside [0, 1]");
        }
        DeviceTensor o = output("bernoulli", requireOut("bernoulli", out), DType.BOOL, out.shape());
        device().random(OpKernel.BERNOULLI, o.slot(), o.size(), key, p);
        return o;
    }

    /** The sampler's constants are computed on the host, exactly as the specification computes them. */
    @Override
    public DeviceTensor poisson(RandomKey key, double lambda, Tensor out) {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new BrainJException("poisson: mean " + lambda + " must be finite and >= 0");
        }
        DeviceTensor o = output("poisson", requireOut("poisson", out), DType.INT32, out.shape());
        device().random(OpKernel.POISSON, o.slot(), o.size(), key, new PoissonSampler(lambda).constants());
        return o;
    }

    private DeviceTensor randomOut(String op, Tensor out) {
        DeviceTensor o = own(op, requireOut(op, out), "out");
        o.block().written();
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
        new SpikeDelivery(this, "csrEventAdd", "indptr", "indices", own("csrEventAdd", spikes, "spikes"),
                own("csrEventAdd", indptr, "indptr"), own("csrEventAdd", indices, "indices"),
                own("csrEventAdd", weights, "weights"), own("csrEventAdd", post, "post")).flagged(null);
    }

    /** STP's delivery on the device: the same per-post gather as {@link #csrEventAdd}, each term scaled by its row's factor. */
    @Override
    public void csrEventAddScaled(Tensor spikes, Tensor scale, Tensor indptr, Tensor indices, Tensor weights,
            Tensor post) {
        String op = "csrEventAddScaled";
        new SpikeDelivery(this, op, "indptr", "indices", own(op, spikes, "spikes"), own(op, indptr, "indptr"),
                own(op, indices, "indices"), own(op, weights, "weights"), own(op, post, "post"))
                .flagged(own(op, scale, "scale"));
    }

    @Override
    public void cscEventGather(Tensor spikes, Tensor colptr, Tensor rows, Tensor weights, Tensor post) {
        new SpikeDelivery(this, "cscEventGather", "colptr", "rows", own("cscEventGather", spikes, "spikes"),
                own("cscEventGather", colptr, "colptr"), own("cscEventGather", rows, "rows"),
                own("cscEventGather", weights, "weights"), own("cscEventGather", post, "post")).gather();
    }

    @Override
    public void csrListAdd(Tensor list, int first, Tensor indptr, Tensor indices, Tensor weights, Tensor post) {
        String op = "csrListAdd";
        new SpikeDelivery(this, op, "indptr", "indices", own(op, list, "list"), own(op, indptr, "indptr"),
                own(op, indices, "indices"), own(op, weights, "weights"), own(op, post, "post")).listed(first);
    }

    @Override
    public void eventList(Tensor flags, Tensor list) {
        String op = "eventList";
        DeviceTensor f = own(op, flags, "flags");
        DeviceTensor l = requireList(op, own(op, list, "list"));
        requireVector(op, "flags", f);
        if (l.size() != f.size() + 1) {
            throw new ShapeMismatchException(op + ": list has shape " + Shapes.format(l.shapeRef()) + " but needs "
                    + (f.size() + 1) + " elements (the count, then one per flag)");
        }
        l.block().written();
        device().eventList(l.slot(), f.slot(), zeros(DType.INT32, Device.eventBlocks(f.size())).slot(), f.size());
    }

    @Override
    public void eventFlags(Tensor list, int first, Tensor flags) {
        String op = "eventFlags";
        DeviceTensor l = requireList(op, own(op, list, "list"));
        DeviceTensor f = own(op, flags, "flags");
        requireVector(op, "flags", f);
        f.block().written();
        device().eventFlags(first, f.size(), f.slot(), l.slot());
    }

    /** One work item: the list's length is on the device, and the log's length must be read and then written once. */
    @Override
    public void eventAppend(Tensor list, Tensor log) {
        String op = "eventAppend";
        DeviceTensor l = requireList(op, own(op, list, "list"));
        DeviceTensor g = own(op, log, "log");
        if (g.dtype() != DType.INT32 || g.rank() != 1 || g.size() == 0) {
            throw new DTypeMismatchException(op + ": the log must be a non-empty 1-d int32 tensor, not "
                    + g.dtype().name().toLowerCase(java.util.Locale.ROOT) + " of shape " + Shapes.format(g.shapeRef()));
        }
        g.block().written();
        device().eventAppend(g.slot(), g.size(), l.slot());
    }

    private static DeviceTensor requireList(String op, DeviceTensor list) {
        if (list.dtype() != DType.INT32) {
            throw new DTypeMismatchException(op + ": list has dtype " + list.dtype()
                    + " but must be int32; make it with eventList");
        }
        requireVector(op, "list", list);
        return list;
    }

    private static void requireVector(String op, String role, DeviceTensor t) {
        if (t.rank() != 1) {
            throw new ShapeMismatchException(op + ": " + role + " has shape " + Shapes.format(t.shapeRef())
                    + " but must be 1-d; reshape it");
        }
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

    /**
     * The program becomes Java source generated from its IR (StepSource), a method of a new
     * subclass of the operation kernel that Aparapi translates to OpenCL; the pools move to the new
     * kernel. Each run is one launch, state read and written in place on the device.
     */
    @Override
    public Kernel compile(StepProgram program, Bindings bindings) {
        return new CompiledStep(this, program, bindings);
    }

    /** A block of the same generated kernel that loops over the synapse list in one work item (CompiledSynaptic). */
    @Override
    public SynapticKernel compileSynaptic(SynapticProgram program, SynapticBindings bindings) {
        return new CompiledSynaptic(this, program, bindings);
    }

    // ---- moving data -----------------------------------------------------------------------------

    @Override
    public DeviceTensor transfer(Tensor source) {
        if (source == null) {
            throw new BrainJException("transfer: source is null; pass a tensor");
        }
        DeviceTensor t = allocate("transfer", source.dtype(), source.shape());
        copy(source, t);
        return t;
    }

    /** Within one device a launch copies; from anywhere else (or onto itself, shifted) the elements come through the host. */
    @Override
    public void copy(Tensor source, Tensor target) {
        DeviceTensor t = own("copy", target, "target");
        t.block().written();
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
        if (source instanceof DeviceTensor s && s.backend() == this && !overlapShifted(s, t)) {
            int[] flat = {t.size()};
            device().elementwise(OpKernel.COPY, 0, flat, new Device.Slot(t.block().dtype, t.offset(), new int[] {1}),
                    new Device.Slot(s.block().dtype, s.offset(), new int[] {1}), Device.Slot.NONE, Device.Slot.NONE, 0, 0);
            return;
        }
        device().write(t.block().dtype, t.offset(), source.toDoubleArray());
    }

    /**
     * Whether two ranges of one pool overlap at different offsets: work items copying in parallel
     * would read elements others already wrote, so such a copy goes through the host (as memmove).
     */
    private static boolean overlapShifted(DeviceTensor s, DeviceTensor t) {
        return s.block().dtype == t.block().dtype && s.offset() != t.offset()
                && s.offset() < t.offset() + t.size() && t.offset() < s.offset() + s.size();
    }

    // ---- checks shared by the operations ----------------------------------------------------------

    /** {@code x} as a tensor of this backend instance, or an error that says how to bring it here. */
    DeviceTensor own(String op, Tensor x, String role) {
        if (x == null) {
            throw new BrainJException(op + ": " + role + " is null; pass a tensor");
        }
        if (x instanceof DeviceTensor t && t.backend() == this) {
            return t;
        }
        throw new ForeignTensorException(op, role, x, this);
    }

    private static void requireSameDType(String op, DeviceTensor a, DeviceTensor b) {
        if (a.dtype() != b.dtype()) {
            throw new DTypeMismatchException(op + ": operands have dtypes " + a.dtype() + " and " + b.dtype()
                    + "; convert one with astype(" + a.dtype() + ") so they match");
        }
    }

    /** The caller's {@code out} after checking it fits the result, or a new tensor when it is null. */
    private DeviceTensor output(String op, Tensor out, DType dtype, int[] shape) {
        if (out == null) {
            return allocate(op, dtype, shape);
        }
        DeviceTensor o = own(op, out, "out");
        o.block().written();
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

    private DeviceTensor allocate(String op, DType dtype, int... shape) {
        int size = checkedSize(op, shape);
        Device.Block block = device().allocate(dtype, size);
        return new DeviceTensor(this, dtype, shape, block, block.offset);
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
