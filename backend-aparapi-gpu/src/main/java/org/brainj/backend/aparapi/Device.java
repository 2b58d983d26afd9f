package org.brainj.backend.aparapi;

import java.lang.ref.Cleaner;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.brainj.api.BrainJException;
import org.brainj.api.random.RandomKey;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.ShapeMismatchException;
import org.brainj.api.tensor.Shapes;

/**
 * One OpenCL context: the operation kernel, its pools (the device memory every tensor of a
 * backend instance lives in) and the launches. Launches are serialised: the kernel's arguments
 * are its fields.
 *
 * <p>Pools start at {@value #MIN_POOL_BYTES} bytes. Aparapi recreates a device buffer from the
 * Java array when the garbage collector moves that array; arrays this large are "humongous" in
 * G1 and never move, so data that lives only on the device is not overwritten by a stale host copy.
 */
final class Device {
    static final int MIN_POOL_BYTES = 16 << 20;
    private static final Cleaner CLEANER = Cleaner.create();

    /** One operand of a launch: its dtype code, element offset and strides over the launch's shape. */
    record Slot(int dtype, int offset, int[] strides) {
        static final Slot NONE = new Slot(OpKernel.F64, 0, new int[0]);
    }

    /** A range of a pool; it goes back to the pool when no tensor refers to it. */
    static final class Block {
        final int dtype;
        final int offset;
        final int length;
        /** Counts the backend operations that wrote into this range, so what was derived from it knows when it is stale. */
        private int writes;
        /** What a delivery derived from this range (the checked CSR whose indices live here, Columns), or null. */
        private Object derived;

        Block(Pool pool, int dtype, int offset, int length) {
            this.dtype = dtype;
            this.offset = offset;
            this.length = length;
            if (length > 0) {
                CLEANER.register(this, () -> pool.release(offset, length));
            }
        }

        /** An operation is about to write into this range. */
        void written() {
            writes++;
        }

        int writes() {
            return writes;
        }

        Object derived() {
            return derived;
        }

        void derive(Object value) {
            derived = value;
        }
    }

    private final OpenClLauncher launcher;
    private final Pool[] pools = new Pool[4];
    private final StepKernels programs = new StepKernels();
    /** The kernel: the plain one, then a generated subclass holding the step programs compiled so far. */
    private OpKernel kernel = new OpKernel();
    private boolean launched;
    /** Kernel launches so far, and those of them that staged a read to the host: what a step costs on a device. */
    private long launches;
    private long reads;
    /** Buffer transfers between host and device (uploads and read-backs of whole kernel arrays). */
    private long transfers;
    /** The geometry blocks in the kernel's table, and where its used part ends. */
    private final Map<Geometry, Integer> geometries = new HashMap<>();
    private int geometryEnd;
    /**
     * How a CSR's delivery is cut into work items: one per post-synaptic neuron (GATHER, for
     * devices of many narrow cores: GPUs), or one range of posts per compute unit (SCATTER, for
     * CPU devices such as PoCL, where the gathers' per-post searches cost more than they save).
     * Both give the CPU backend's bits.
     */
    enum Spread { GATHER, SCATTER }

    private Spread spread;
    /** Work items of a SCATTER: the device's compute units. */
    private final int units;
    /** One float64 element that launches may write to no purpose (a new kernel's first launch). */
    private final Block scratch;

    Device(OpenClLauncher launcher) {
        this.launcher = launcher;
        com.aparapi.device.OpenCLDevice device = launcher.device();
        boolean cpu = device != null && device.getType() == com.aparapi.device.Device.TYPE.CPU;
        this.spread = cpu ? Spread.SCATTER : Spread.GATHER;
        this.units = device == null ? 1 : Math.max(1, device.getMaxComputeUnits());
        launcher.adopt(kernel);
        kernel.setExplicit(true);
        kernel.f64 = new double[MIN_POOL_BYTES / 8];
        kernel.f32 = new float[MIN_POOL_BYTES / 4];
        kernel.i32 = new int[MIN_POOL_BYTES / 4];
        kernel.b8 = new byte[MIN_POOL_BYTES];
        pools[OpKernel.F64] = new Pool(kernel.f64.length);
        pools[OpKernel.F32] = new Pool(kernel.f32.length);
        pools[OpKernel.I32] = new Pool(kernel.i32.length);
        pools[OpKernel.BOOL] = new Pool(kernel.b8.length);
        scratch = allocate(DType.FLOAT64, 1);
        for (int n = 1; n <= kernel.npio2hw.length; n++) {
            // fdlibm's table of the high words of n * pi / 2
            kernel.npio2hw[n - 1] = (int) (Double.doubleToRawLongBits(n * (Math.PI / 2)) >>> 32);
        }
    }

    OpenClLauncher launcher() {
        return launcher;
    }

    static int code(DType dtype) {
        return switch (dtype) {
            case FLOAT64 -> OpKernel.F64;
            case FLOAT32 -> OpKernel.F32;
            case INT32 -> OpKernel.I32;
            case BOOL -> OpKernel.BOOL;
        };
    }

    // ---- memory ------------------------------------------------------------------------------

    synchronized Block allocate(DType dtype, int length) {
        int code = code(dtype);
        if (length == 0) {
            return new Block(pools[code], code, 0, 0);
        }
        int offset = pools[code].take(length);
        if (offset < 0) {
            grow(code, length);
            offset = pools[code].take(length);
        }
        return new Block(pools[code], code, offset, length);
    }

    /** A pool too small for a request: the device copy comes to the host, into a larger array, and back. */
    private void grow(int code, int length) {
        long wanted = Math.max(2L * pools[code].capacity(), (long) pools[code].capacity() + length);
        if (wanted > Integer.MAX_VALUE - 8) {
            throw new BrainJException("the aparapi backend's " + label(code) + " pool cannot grow beyond 2^31 elements;"
                    + " release tensors or use the cpu backend for this size");
        }
        int capacity = (int) wanted;
        switch (code) {
            case OpKernel.F64 -> {
                kernel.get(kernel.f64);
                kernel.f64 = Arrays.copyOf(kernel.f64, capacity);
                kernel.put(kernel.f64);
            }
            case OpKernel.F32 -> {
                kernel.get(kernel.f32);
                kernel.f32 = Arrays.copyOf(kernel.f32, capacity);
                kernel.put(kernel.f32);
            }
            case OpKernel.I32 -> {
                kernel.get(kernel.i32);
                kernel.i32 = Arrays.copyOf(kernel.i32, capacity);
                kernel.put(kernel.i32);
            }
            default -> {
                kernel.get(kernel.b8);
                kernel.b8 = Arrays.copyOf(kernel.b8, capacity);
                kernel.put(kernel.b8);
            }
        }
        transfers += 2;
        pools[code].grown(capacity);
    }

    private static String label(int code) {
        return switch (code) {
            case OpKernel.F64 -> "float64";
            case OpKernel.F32 -> "float32";
            case OpKernel.I32 -> "int32";
            default -> "bool";
        };
    }

    private void ensureStage(int length) {
        if (kernel.stage.length < length) {
            kernel.stage = new double[Integer.highestOneBit(length - 1) << 1];
        }
    }

    /** Writes host values (as doubles, exact for every dtype) into a contiguous range on the device. */
    synchronized void write(int dtype, int offset, double[] values) {
        if (values.length == 0) {
            return;
        }
        ensureStage(values.length);
        System.arraycopy(values, 0, kernel.stage, 0, values.length);
        kernel.put(kernel.stage);
        transfers++;
        copy(values.length, new int[] {values.length}, new Slot(dtype, offset, new int[] {1}),
                new Slot(OpKernel.STAGE, 0, new int[] {1}));
    }

    /** Reads a contiguous range of the device to the host, as doubles. */
    synchronized double[] read(int dtype, int offset, int length) {
        if (length == 0) {
            return new double[0];
        }
        ensureStage(length);
        reads++;
        copy(length, new int[] {length}, new Slot(OpKernel.STAGE, 0, new int[] {1}), new Slot(dtype, offset, new int[] {1}));
        kernel.get(kernel.stage);
        transfers++;
        return Arrays.copyOf(kernel.stage, length);
    }

    private void copy(int items, int[] shape, Slot out, Slot in) {
        launch(OpKernel.COPY, 0, items, shape, out, in, Slot.NONE, Slot.NONE);
    }

    // ---- launches ----------------------------------------------------------------------------

    /** An elementwise operation over {@code shape} (FILL, ARANGE, COPY, UNARY, BINARY, WHERE, CLIP). */
    synchronized int elementwise(int op, int fn, int[] shape, Slot out, Slot a, Slot b, Slot c, double s0, double s1) {
        kernel.s0 = s0;
        kernel.s1 = s1;
        Slot[] slots = {out, a, b, c};
        int[] merged = coalesce(shape, slots);
        return launch(op, fn, Shapes.size(shape), merged, slots[0], slots[1], slots[2], slots[3]);
    }

    /**
     * Merges axes that every operand walks as one (numpy's iterator coalescing): a contiguous
     * operation becomes 1-d, so work items do one division per axis left, and any rank works.
     * Rewrites {@code slots} in place and returns the merged shape.
     */
    static int[] coalesce(int[] shape, Slot[] slots) {
        int[] dims = new int[shape.length];
        int[][] strides = new int[slots.length][shape.length];
        int rank = 0;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 1) {
                continue;
            }
            boolean joins = rank > 0;
            for (int s = 0; joins && s < slots.length; s++) {
                int[] st = slots[s].strides();
                joins = st.length == 0 || strides[s][rank - 1] == st[d] * shape[d];
            }
            for (int s = 0; s < slots.length; s++) {
                int[] st = slots[s].strides();
                if (st.length > 0) {
                    strides[s][joins ? rank - 1 : rank] = st[d];
                }
            }
            if (joins) {
                dims[rank - 1] *= shape[d];
            } else {
                dims[rank++] = shape[d];
            }
        }
        for (int s = 0; s < slots.length; s++) {
            if (slots[s].strides().length > 0) {
                slots[s] = new Slot(slots[s].dtype(), slots[s].offset(), Arrays.copyOf(strides[s], rank));
            }
        }
        return Arrays.copyOf(dims, rank);
    }

    /** Reduces x seen as (outer, len, inner) along len into out's outer * inner elements. */
    synchronized void reduce(int fn, Slot out, Slot x, int outer, int len, int inner) {
        kernel.len = len;
        kernel.inner = inner;
        launch(OpKernel.REDUCE, fn, outer * inner, new int[0], out, x, Slot.NONE, Slot.NONE);
    }

    /** A random operation over out's elements under key; s holds the operation's scalars. */
    synchronized void random(int op, Slot out, int size, RandomKey key, double... s) {
        kernel.key0 = (int) key.seed();
        kernel.key1 = (int) (key.seed() >>> 32);
        kernel.counter = (int) key.counter();
        kernel.stream = key.stream();
        double[] v = Arrays.copyOf(s, 8);
        kernel.s0 = v[0];
        kernel.s1 = v[1];
        kernel.s2 = v[2];
        kernel.s3 = v[3];
        kernel.s4 = v[4];
        kernel.s5 = v[5];
        kernel.s6 = v[6];
        kernel.s7 = v[7];
        launch(op, 0, size, new int[0], out, Slot.NONE, Slot.NONE, Slot.NONE);
    }

    /**
     * The gather over a caller's CSC (CSC_GATHER), one work item per post element; returns the
     * device's status: which checks failed.
     */
    synchronized int[] events(int op, Slot post, Slot spikes, Slot ptr, Slot idx, Slot weights, boolean scalarWeight,
            int lines, int nnz, int bound, int postSize) {
        kernel.len = nnz;
        kernel.inner = bound;
        kernel.offW = weights.offset();
        kernel.strideW = scalarWeight ? 0 : 1;
        return launch(op, 0, postSize, new int[] {lines}, post, spikes, ptr, idx) == 0 ? new int[3] : kernel.status.clone();
    }

    Spread spread() {
        return spread;
    }

    /** Sets how deliveries are cut (tests run both on one device). */
    void spread(Spread spread) {
        this.spread = spread;
    }

    /**
     * A CSR's delivery gathered over its {@code columns} (FLAG_GATHER over flags, LIST_GATHER over
     * an event list whose elements from {@code first} on are the CSR's {@code rows}), one work item
     * per post element, in one launch; {@code scale} is the offset of per-row factors in post's
     * pool, or negative for none.
     */
    synchronized void gather(int op, int first, int rows, Slot post, Slot events, Columns columns, Slot weights,
            boolean scalarWeight, int scale) {
        kernel.first = first;
        kernel.offW = weights.offset();
        kernel.strideW = scalarWeight ? 0 : 1;
        kernel.offS = columns.positions().offset();
        kernel.offF = scale;
        launch(op, 0, columns.colptr().size() - 1, new int[] {rows}, post, events, columns.colptr().slot(),
                columns.rows().slot());
    }

    /**
     * A CSR's delivery (FLAG_SCATTER, LIST_SCATTER) scattered by ranges of its {@code posts}, one
     * work item per compute unit, in one launch; arguments as {@link #gather}.
     */
    synchronized void scatter(int op, int first, int rows, int posts, Slot post, Slot events, Slot ptr, Slot idx,
            Slot weights, boolean scalarWeight, int scale) {
        kernel.first = first;
        kernel.inner = posts;
        kernel.offW = weights.offset();
        kernel.strideW = scalarWeight ? 0 : 1;
        kernel.offF = scale;
        launch(op, 0, Math.min(units, posts), new int[] {rows}, post, events, ptr, idx);
    }

    /**
     * Lists the set flags of {@code size} elements into {@code list} (count, then ascending
     * indices) by the three launches of the kernel's compaction, with one int per block of
     * {@link OpKernel#EVENT_BLOCK} flags in {@code blocks}.
     */
    synchronized void eventList(Slot list, Slot flags, Slot blocks, int size) {
        int count = (size + OpKernel.EVENT_BLOCK - 1) / OpKernel.EVENT_BLOCK;
        int[] shape = {size};
        launch(OpKernel.EVENT_COUNT, 0, count, shape, Slot.NONE, flags, blocks, Slot.NONE);
        launch(OpKernel.EVENT_SCAN, 0, 1, shape, list, Slot.NONE, blocks, Slot.NONE);
        launch(OpKernel.EVENT_WRITE, 0, count, shape, list, flags, blocks, Slot.NONE);
    }

    /** The ints {@link #eventList} needs for {@code size} flags. */
    static int eventBlocks(int size) {
        return Math.max(1, (size + OpKernel.EVENT_BLOCK - 1) / OpKernel.EVENT_BLOCK);
    }

    /** Appends an event list to a log of {@code size} elements (EVENT_APPEND) in one work item. */
    synchronized void eventAppend(Slot log, int size, Slot list) {
        kernel.len = size;
        launch(OpKernel.EVENT_APPEND, 0, 1, new int[0], log, list, Slot.NONE, Slot.NONE);
    }

    /** The flags of an event list (EVENT_FLAGS) in one work item: {@code size} flags from element {@code first}. */
    synchronized void eventFlags(int first, int size, Slot flags, Slot list) {
        kernel.first = first;
        launch(OpKernel.EVENT_FLAGS, 0, 1, new int[] {size}, flags, list, Slot.NONE, Slot.NONE);
    }

    /**
     * Adds a step program, whose block {@code source} writes for its index, and moves the pools to
     * a new kernel that holds it and every earlier program: the device copies come to the host and
     * go to the new kernel's OpenCL context. The new kernel is launched once here, so one that does
     * not build fails this compile and the previous kernel stays. Returns the program's index.
     */
    synchronized int addProgram(IntFunction<StepSource> source) {
        StepSource block = source.apply(programs.size());
        OpKernel next = programs.instantiate(block);
        OpKernel previous = kernel;
        if (launched) {
            previous.get(previous.f64);
            previous.get(previous.f32);
            previous.get(previous.i32);
            previous.get(previous.b8);
            transfers += 4;
        }
        move(previous, next);
        try {
            elementwise(OpKernel.FILL, 0, new int[] {1}, new Slot(OpKernel.F64, scratch.offset, new int[] {1}),
                    Slot.NONE, Slot.NONE, Slot.NONE, 0, 0);
        } catch (OpenClUnavailableException e) {
            move(next, previous);
            next.dispose();
            launcher.forgetFailure();
            throw new BrainJException("compile: the kernel generated for this step program does not run on OpenCL; "
                    + e.getMessage(), e);
        }
        previous.dispose();
        return programs.add(block);
    }

    /** Makes {@code to} the kernel, on the pools of {@code from}, which it writes to its device before its next launch. */
    private void move(OpKernel from, OpKernel to) {
        to.f64 = from.f64;
        to.f32 = from.f32;
        to.i32 = from.i32;
        to.b8 = from.b8;
        to.npio2hw = from.npio2hw;
        to.geom = from.geom;
        launcher.adopt(to);
        to.setExplicit(true);
        to.put(to.f64);
        to.put(to.f32);
        to.put(to.i32);
        to.put(to.b8);
        to.put(to.geom);
        transfers += 5;
        kernel = to;
    }

    synchronized long launches() {
        return launches;
    }

    synchronized long reads() {
        return reads;
    }

    synchronized long transfers() {
        return transfers;
    }

    /** One step of compiled program {@code index} over a population of {@code size} elements. */
    synchronized void step(int index, int size, double t, double dt, long seed, long step) {
        kernel.s0 = t;
        kernel.s1 = dt;
        kernel.key0 = (int) seed;
        kernel.key1 = (int) (seed >>> 32);
        kernel.counter = (int) step;
        launch(OpKernel.STEP, index, size, new int[0], Slot.NONE, Slot.NONE, Slot.NONE, Slot.NONE);
    }

    /**
     * Synaptic program {@code index} over {@code count} synapses: those listed from {@code list}
     * in the int32 pool, or all in index order when {@code list} is negative; {@code pre} and
     * {@code post} are the int32 offsets of each synapse's neuron indices; the draws are keyed by
     * {@code seed} and {@code step}. The list is cut into {@code items} parts, one work item each:
     * at the {@code items + 1} starts from {@code segments} in the int32 pool, or when that is
     * negative into runs of {@code count / items} (rounded up) positions. When {@code flags} is
     * not negative, a listed synapse runs only if the int32 flag there of its pre-synaptic neuron
     * (post-synaptic when {@code flagPost}) is set.
     */
    synchronized void synapses(int index, int count, int list, int pre, int post, int items, int segments, int flags,
            boolean flagPost, double t, double dt, long seed, long step) {
        kernel.s0 = t;
        kernel.s1 = dt;
        kernel.key0 = (int) seed;
        kernel.key1 = (int) (seed >>> 32);
        kernel.counter = (int) step;
        kernel.offSeg = segments;
        kernel.offFlag = flags;
        kernel.flagPost = flagPost ? 1 : 0;
        kernel.len = count;
        kernel.inner = (count + items - 1) / items;
        launch(OpKernel.STEP, index, items, new int[0], Slot.NONE, new Slot(OpKernel.I32, list, new int[0]),
                new Slot(OpKernel.I32, pre, new int[0]), new Slot(OpKernel.I32, post, new int[0]));
    }

    /** Launches and returns non-zero when the device flagged an invalid operand. */
    private int launch(int op, int fn, int items, int[] shape, Slot o, Slot a, Slot b, Slot c) {
        if (items == 0) {
            return 0;
        }
        if (shape.length > OpKernel.MAX_RANK) {
            throw new ShapeMismatchException("the aparapi backend handles tensors of rank up to " + OpKernel.MAX_RANK
                    + ", not shape " + Shapes.format(shape) + "; reshape it");
        }
        kernel.op = op;
        kernel.fn = fn;
        kernel.n = items;
        kernel.rank = shape.length;
        if (shape.length > 0) {
            kernel.geo = geometry(shape, o, a, b, c);
        }
        kernel.dtO = o.dtype();
        kernel.dtA = a.dtype();
        kernel.dtB = b.dtype();
        kernel.dtC = c.dtype();
        kernel.offO = o.offset();
        kernel.offA = a.offset();
        kernel.offB = b.offset();
        kernel.offC = c.offset();
        boolean checked = checked(op, fn, a.dtype());
        if (checked) {
            Arrays.fill(kernel.status, 0);
            kernel.put(kernel.status);
            transfers++;
        }
        launcher.execute(kernel, items);
        launched = true;
        launches++;
        if (!checked) {
            return 0;
        }
        kernel.get(kernel.status);
        transfers++;
        return kernel.status[0] | kernel.status[1] | kernel.status[2];
    }

    /**
     * Where the geometry block of {@code shape} and the slots' strides starts in the kernel's
     * table: found by content, or appended and the table uploaded (from its start once it is full).
     */
    private int geometry(int[] shape, Slot... slots) {
        int rank = shape.length;
        int[] block = new int[(1 + slots.length) * rank];
        System.arraycopy(shape, 0, block, 0, rank);
        for (int s = 0; s < slots.length; s++) {
            int[] strides = slots[s].strides();
            System.arraycopy(strides, 0, block, (s + 1) * rank, Math.min(strides.length, rank));
        }
        Geometry key = new Geometry(block);
        Integer known = geometries.get(key);
        if (known != null) {
            return known;
        }
        if (geometryEnd + block.length > kernel.geom.length) {
            geometries.clear();
            geometryEnd = 0;
        }
        int at = geometryEnd;
        System.arraycopy(block, 0, kernel.geom, at, block.length);
        geometryEnd += block.length;
        geometries.put(key, at);
        kernel.put(kernel.geom);
        transfers++;
        return at;
    }

    /** A geometry block's ints, compared by content. */
    private record Geometry(int[] ints) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Geometry g && Arrays.equals(ints, g.ints);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ints);
        }
    }

    /** Operations whose operands the device validates (connectivity, int32 division and powers). */
    private static boolean checked(int op, int fn, int dtA) {
        return op == OpKernel.CSC_GATHER || (op == OpKernel.BINARY && dtA == OpKernel.I32 && (fn == OpKernel.DIV || fn == OpKernel.POW));
    }

    /** Contiguous row-major strides of a shape. */
    static int[] contiguous(int[] shape) {
        int[] s = new int[shape.length];
        int step = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            s[d] = step;
            step *= shape[d];
        }
        return s;
    }

    /** Strides that read a tensor of shape {@code operand} at each element of the broadcast {@code shape}. */
    static int[] broadcast(int[] operand, int[] shape) {
        int[] s = new int[shape.length];
        int step = 1;
        for (int d = operand.length - 1; d >= 0; d--) {
            s[shape.length - operand.length + d] = operand[d] == 1 ? 0 : step;
            step *= operand[d];
        }
        return s;
    }
}
