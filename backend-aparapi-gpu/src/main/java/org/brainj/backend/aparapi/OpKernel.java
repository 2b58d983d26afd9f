package org.brainj.backend.aparapi;

import com.aparapi.Kernel;

/**
 * Every tensor operation of the backend in one Aparapi kernel, selected by {@link #op} and
 * {@link #fn}. One kernel instance owns one OpenCL context, and Aparapi keeps device buffers per
 * kernel, so all tensors live in this kernel's pools (one per dtype, bool as bytes) and every
 * operation addresses them by offset: tensors stay on the device between operations.
 *
 * <p>Operands are slots O (output), A, B, C. Element {@code i} of an operation's iteration space
 * (row-major over the shape {@code geom[geo .. geo + rank)}) sits in slot {@code s} at
 * {@code offset_s + sum_d coord_d * geom[geo + s * rank + d]}, which covers contiguous tensors,
 * broadcasting (stride 0) and concatenation (an output stride larger than the part's).
 *
 * <p>This code is translated to OpenCL by Aparapi, which accepts no {@code switch}, {@code break},
 * objects or local arrays: dispatch is by if-chains, and every multiply-add that must round like
 * Java is split into two statements so that the OpenCL compiler cannot fuse it into an fma.
 *
 * <p>Public, and not final, because step programs are compiled into generated subclasses
 * ({@link StepKernels}) that another class loader defines.
 */
public class OpKernel extends Kernel {
    static final int MAX_RANK = 16;
    /** Ints of the device's geometry table: hundreds of blocks of the ranks networks use. */
    static final int GEOMETRY_INTS = 4096;

    // dtype codes; STAGE is the double transfer buffer between host and pools
    static final int F64 = 0;
    static final int F32 = 1;
    static final int I32 = 2;
    static final int BOOL = 3;
    static final int STAGE = 4;

    // operations
    static final int FILL = 0;
    static final int ARANGE = 1;
    static final int COPY = 2;
    static final int UNARY = 3;
    static final int BINARY = 4;
    static final int WHERE = 5;
    static final int CLIP = 6;
    static final int REDUCE = 7;
    static final int UNIFORM = 8;
    static final int NORMAL = 9;
    static final int BERNOULLI = 10;
    static final int POISSON = 11;
    static final int FLAG_GATHER = 12;
    static final int CSC_GATHER = 13;
    static final int STEP = 14;
    static final int EVENT_FLAGS = 15;
    static final int LIST_GATHER = 16;
    static final int EVENT_COUNT = 17;
    static final int EVENT_SCAN = 18;
    static final int EVENT_WRITE = 19;
    static final int FLAG_SCATTER = 20;
    static final int LIST_SCATTER = 21;
    static final int EVENT_APPEND = 22;

    /** Flags per work item of an event list's compaction. */
    static final int EVENT_BLOCK = 256;

    // unary functions (fn of UNARY), in the order of org.brainj.api.tensor.UnaryOp
    static final int NEG = 0;
    static final int ABS = 1;
    static final int EXP = 2;
    static final int LOG = 3;
    static final int LOG10 = 4;
    static final int SQRT = 5;
    static final int SIN = 6;
    static final int COS = 7;
    static final int TAN = 8;
    static final int TANH = 9;
    static final int SINH = 10;
    static final int COSH = 11;
    static final int SIGMOID = 12;
    static final int FLOOR = 13;
    static final int CEIL = 14;
    static final int NOT = 15;

    // binary functions (fn of BINARY), in the order of org.brainj.api.tensor.BinaryOp
    static final int ADD = 0;
    static final int SUB = 1;
    static final int MUL = 2;
    static final int DIV = 3;
    static final int POW = 4;
    static final int MINIMUM = 5;
    static final int MAXIMUM = 6;
    static final int LT = 7;
    static final int LE = 8;
    static final int GT = 9;
    static final int GE = 10;
    static final int EQ = 11;
    static final int NE = 12;
    static final int AND = 13;
    static final int OR = 14;
    static final int XOR = 15;

    // reductions (fn of REDUCE), in the order of org.brainj.api.tensor.Reduction
    static final int SUM = 0;
    static final int MEAN = 1;
    static final int MAX = 2;
    static final int MIN = 3;

    // status slots the device sets when an operand is invalid
    static final int BAD_INDEX = 0;
    static final int BAD_POINTER = 1;
    static final int BAD_INT_OPERAND = 2;

    // Philox4x32-10 constants (org.brainj.api.random.Philox)
    private static final long M0 = 0xD2511F53L;
    private static final long M1 = 0xCD9E8D57L;
    private static final int W0 = 0x9E3779B9;
    private static final int W1 = 0xBB67AE85;
    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;
    private static final double TWO_POW_MINUS_24 = 0x1.0p-24;

    protected double[] f64 = new double[1];
    protected float[] f32 = new float[1];
    protected int[] i32 = new int[1];
    byte[] b8 = new byte[1];
    double[] stage = new double[1];
    /**
     * Geometry blocks, each a launch's shape and the strides of its four slots (5 * rank ints
     * from {@link #geo}); blocks stay on the device, so a launch over a known geometry uploads nothing.
     */
    protected int[] geom = new int[GEOMETRY_INTS];
    int[] status = new int[3];
    /** Infinity and NaN for generated code, which may not write them as literals. */
    protected double infinity = Double.POSITIVE_INFINITY;
    protected double nan = Double.NaN;
    /** fdlibm's npio2_hw table, filled by the backend. */
    int[] npio2hw = new int[32];

    int op;
    int fn;
    int n;
    int rank;
    /** Where this launch's geometry block starts in {@link #geom}. */
    int geo;
    int dtO;
    int dtA;
    int dtB;
    int dtC;
    int offO;
    protected int offA;
    protected int offB;
    protected int offC;
    /**
     * REDUCE: length of the reduced axis and the number of elements after it; events: synapse
     * count and post size; synaptic programs: the list's length and the positions per work item.
     */
    protected int len;
    protected int inner;
    /** Events: offset of the weights and their stride (0: one weight for all synapses). */
    int offW;
    int strideW;
    /** Gathers over derived columns: offset of each entry's CSR position, and of the per-row factors (negative: none). */
    int offS;
    int offF;
    /** Random: Philox key words (seed low, seed high) and counter words (counter, stream). */
    int key0;
    int key1;
    int counter;
    int stream;
    /** Event lists: the first element a list's CSR rows or flags start at. */
    int first;
    /**
     * Synaptic programs: the int32 offset of the starts of the list's segments, one work item
     * each; negative when each work item takes {@link #inner} consecutive list positions instead.
     */
    protected int offSeg;
    /**
     * Synaptic programs: the int32 offset of the spike flags a synapse runs only if its neuron's
     * is set (negative: every listed synapse runs), and whether that neuron is the post-synaptic one.
     */
    protected int offFlag;
    protected int flagPost;
    /** Scalar arguments of the operation. */
    protected double s0;
    protected double s1;
    double s2;
    double s3;
    double s4;
    double s5;
    double s6;
    double s7;

    @Override
    public void run() {
        int i = getGlobalId();
        if (i < n) {
            if (op == REDUCE) {
                reduce(i);
            } else if (op >= UNIFORM && op <= POISSON) {
                random(i);
            } else if (op == FLAG_GATHER) {
                flagGather(i);
            } else if (op == CSC_GATHER) {
                cscGather(i);
            } else if (op == EVENT_COUNT) {
                eventCount(i);
            } else if (op == EVENT_SCAN) {
                eventScan();
            } else if (op == EVENT_WRITE) {
                eventWrite(i);
            } else if (op == EVENT_FLAGS) {
                eventFlags();
            } else if (op == EVENT_APPEND) {
                eventAppend();
            } else if (op == LIST_GATHER) {
                listGather(i);
            } else if (op == FLAG_SCATTER || op == LIST_SCATTER) {
                scatter(i);
            } else if (op == STEP) {
                program(fn, i);
            } else {
                elementwise(i);
            }
        }
    }

    // ---- addressing and dtype conversion -----------------------------------------------------

    private int position(int i, int slot, int offset) {
        int p = offset;
        int rem = i;
        for (int d = rank - 1; d >= 0; d--) {
            int extent = geom[geo + d];
            p += (rem % extent) * geom[geo + slot * rank + d];
            rem = rem / extent;
        }
        return p;
    }

    private double load(int dtype, int p) {
        double v = 0;
        if (dtype == F64) {
            v = f64[p];
        } else if (dtype == F32) {
            v = f32[p];
        } else if (dtype == I32) {
            v = i32[p];
        } else if (dtype == BOOL) {
            v = b8[p];
        } else {
            v = stage[p];
        }
        return v;
    }

    /** Java's (int) cast: truncation toward zero, saturating, NaN to 0 (OpenCL leaves these undefined). */
    private int toInt(double v) {
        int r = 0;
        if (v != v) {
            r = 0;
        } else if (v >= 2147483647.0) {
            r = 2147483647;
        } else if (v <= -2147483648.0) {
            r = -2147483648;
        } else {
            r = (int) v;
        }
        return r;
    }

    private void store(int dtype, int p, double v) {
        if (dtype == F64) {
            f64[p] = v;
        } else if (dtype == F32) {
            f32[p] = (float) v;
        } else if (dtype == I32) {
            i32[p] = toInt(v);
        } else if (dtype == BOOL) {
            b8[p] = (byte) (v != 0 ? 1 : 0);
        } else {
            stage[p] = v;
        }
    }

    private void flag(int slot) {
        status[slot] = 1;
    }

    // ---- elementwise -------------------------------------------------------------------------

    private void elementwise(int i) {
        int pO = position(i, 1, offO);
        if (op == FILL) {
            store(dtO, pO, s0);
        } else if (op == ARANGE) {
            double step = i * s1;
            store(dtO, pO, s0 + step);
        } else if (op == COPY) {
            store(dtO, pO, load(dtA, position(i, 2, offA)));
        } else if (op == UNARY) {
            int pA = position(i, 2, offA);
            if (dtA == I32) {
                i32[pO] = unaryInt(i32[pA]);
            } else {
                store(dtO, pO, unary(load(dtA, pA)));
            }
        } else if (op == BINARY) {
            int pA = position(i, 2, offA);
            int pB = position(i, 3, offB);
            if (dtA == I32 && fn <= MAXIMUM) {
                i32[pO] = binaryInt(i32[pA], i32[pB]);
            } else {
                store(dtO, pO, binary(load(dtA, pA), load(dtB, pB)));
            }
        } else if (op == WHERE) {
            double c = load(dtC, position(i, 4, offC));
            store(dtO, pO, c != 0 ? load(dtA, position(i, 2, offA)) : load(dtB, position(i, 3, offB)));
        } else if (op == CLIP) {
            store(dtO, pO, javaMin(javaMax(load(dtA, position(i, 2, offA)), s0), s1));
        }
    }

    /** java.lang.Math.max: NaN wins. */
    protected double javaMax(double a, double b) {
        double r = a > b ? a : b;
        if (a != a) {
            r = a;
        } else if (b != b) {
            r = b;
        } else if (a == b) {
            r = a == 0 && b == 0 ? (1 / a > 0 ? a : b) : a;
        }
        return r;
    }

    /** java.lang.Math.min: NaN wins. */
    protected double javaMin(double a, double b) {
        double r = a < b ? a : b;
        if (a != a) {
            r = a;
        } else if (b != b) {
            r = b;
        } else if (a == b) {
            r = a == 0 && b == 0 ? (1 / a < 0 ? a : b) : a;
        }
        return r;
    }

    private double unary(double x) {
        double r = 0;
        if (fn == NEG) {
            r = -x;
        } else if (fn == ABS) {
            r = abs(x);
        } else if (fn == EXP) {
            r = exp(x);
        } else if (fn == LOG) {
            r = log(x);
        } else if (fn == LOG10) {
            r = log10(x);
        } else if (fn == SQRT) {
            r = sqrt(x);
        } else if (fn == SIN) {
            r = sin(x);
        } else if (fn == COS) {
            r = cos(x);
        } else if (fn == TAN) {
            r = tan(x);
        } else if (fn == TANH) {
            r = tanh(x);
        } else if (fn == SINH) {
            r = sinh(x);
        } else if (fn == COSH) {
            r = cosh(x);
        } else if (fn == SIGMOID) {
            r = 1 / (1 + exp(-x));
        } else if (fn == FLOOR) {
            r = floor(x);
        } else if (fn == CEIL) {
            r = ceil(x);
        } else if (fn == NOT) {
            r = x != 0 ? 0 : 1;
        }
        return r;
    }

    /** int32 wraps as Java's int does: the long result cast back keeps the low 32 bits. */
    private int unaryInt(int x) {
        long r = x;
        if (fn == NEG) {
            r = -r;
        } else if (fn == ABS) {
            r = x < 0 ? -r : r;
        }
        return (int) r;
    }

    private double binary(double a, double b) {
        double r = 0;
        if (fn == ADD) {
            r = a + b;
        } else if (fn == SUB) {
            r = a - b;
        } else if (fn == MUL) {
            r = a * b;
        } else if (fn == DIV) {
            r = a / b;
        } else if (fn == POW) {
            r = pow(a, b);
        } else if (fn == MINIMUM) {
            r = javaMin(a, b);
        } else if (fn == MAXIMUM) {
            r = javaMax(a, b);
        } else if (fn == LT) {
            r = a < b ? 1 : 0;
        } else if (fn == LE) {
            r = a <= b ? 1 : 0;
        } else if (fn == GT) {
            r = a > b ? 1 : 0;
        } else if (fn == GE) {
            r = a >= b ? 1 : 0;
        } else if (fn == EQ) {
            r = a == b ? 1 : 0;
        } else if (fn == NE) {
            r = a != b ? 1 : 0;
        } else if (fn == AND) {
            r = a != 0 && b != 0 ? 1 : 0;
        } else if (fn == OR) {
            r = a != 0 || b != 0 ? 1 : 0;
        } else if (fn == XOR) {
            r = (a != 0) != (b != 0) ? 1 : 0;
        }
        return r;
    }

    private int binaryInt(int a, int b) {
        long r = 0;
        if (fn == ADD) {
            r = (long) a + b;
        } else if (fn == SUB) {
            r = (long) a - b;
        } else if (fn == MUL) {
            r = (long) a * b;
        } else if (fn == DIV) {
            if (b == 0) {
                flag(BAD_INT_OPERAND);
            } else {
                r = b == -1 ? -(long) a : a / b;
            }
        } else if (fn == POW) {
            if (b < 0) {
                flag(BAD_INT_OPERAND);
            } else {
                r = powInt(a, b);
            }
        } else if (fn == MINIMUM) {
            r = a < b ? a : b;
        } else if (fn == MAXIMUM) {
            r = a > b ? a : b;
        }
        return (int) r;
    }

    /** Exponentiation by squaring with int32 wrap-around. */
    private int powInt(int base, int exponent) {
        int result = 1;
        int b = base;
        for (int e = exponent; e > 0; e = e >> 1) {
            if ((e & 1) != 0) {
                result = (int) ((long) result * b);
            }
            b = (int) ((long) b * b);
        }
        return result;
    }

    // ---- reductions --------------------------------------------------------------------------

    /** Output element i reduces x[o, 0..len, r] with i = o * inner + r; sums accumulate in double. */
    private void reduce(int i) {
        int o = i / inner;
        int r = i % inner;
        int base = offA + o * len * inner + r;
        double acc = 0;
        if (fn == MAX || fn == MIN) {
            acc = load(dtA, base);
        }
        for (int k = 0; k < len; k++) {
            double x = load(dtA, base + k * inner);
            if (fn == SUM || fn == MEAN) {
                acc += x;
            } else if (fn == MAX) {
                acc = javaMax(acc, x);
            } else {
                acc = javaMin(acc, x);
            }
        }
        if (fn == MEAN) {
            acc = acc / len;
        }
        store(dtO, offO + i, acc);
    }

    // ---- random numbers (org.brainj.api.random.Philox, bit for bit) ----------------------------

    /**
     * Word {@code word} (0..3) of Philox4x32-10 block {@code draw} of {@code element}. The 32x32
     * multiply-high is done in 64-bit arithmetic on the unsigned operands.
     */
    private int philoxWord(int element, int draw, int word, int streamWord) {
        int c0 = element;
        int c1 = draw;
        int c2 = counter;
        int c3 = streamWord;
        int k0 = key0;
        int k1 = key1;
        for (int round = 0; round < 10; round++) {
            if (round > 0) {
                k0 += W0;
                k1 += W1;
            }
            long p0 = M0 * (c0 & 0xFFFFFFFFL);
            long p1 = M1 * (c2 & 0xFFFFFFFFL);
            int n0 = (int) (p1 >>> 32) ^ c1 ^ k0;
            int n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
            c0 = n0;
            c1 = (int) p1;
            c2 = n2;
            c3 = (int) p0;
        }
        int w = c3;
        if (word == 0) {
            w = c0;
        } else if (word == 1) {
            w = c1;
        } else if (word == 2) {
            w = c2;
        }
        return w;
    }

    /** Philox.toUnit: 27 + 26 bits into [0, 1). */
    private double toUnit(int hi, int lo) {
        long m = ((long) (hi >>> 5) << 26) + (lo >>> 6);
        return m * TWO_POW_MINUS_53;
    }

    /** The element's {@code u}-th uniform in Philox's order: two per block, blocks 0, 1, 2, ... */
    protected double uniformAt(int element, int u, int streamWord) {
        int draw = u >> 1;
        int first = (u & 1) * 2;
        return toUnit(philoxWord(element, draw, first, streamWord), philoxWord(element, draw, first + 1, streamWord));
    }

    /** Philox.uniformFloat: the element's 24-bit uniform, which a float32 stores exactly. */
    protected double uniformFloatAt(int element, int streamWord) {
        return (float) ((philoxWord(element, 0, 0, streamWord) >>> 8) * TWO_POW_MINUS_24);
    }

    private void random(int i) {
        int p = offO + i;
        if (op == UNIFORM) {
            double u = 0;
            if (dtO == F64) {
                u = uniformAt(i, 0, stream);
            } else {
                u = uniformFloatAt(i, stream);
            }
            double scaled = s1 * u;
            store(dtO, p, s0 + scaled);
        } else if (op == NORMAL) {
            double scaled = s1 * normal(i, stream);
            store(dtO, p, s0 + scaled);
        } else if (op == BERNOULLI) {
            store(dtO, p, uniformAt(i, 0, stream) < s0 ? 1 : 0);
        } else {
            store(dtO, p, s0 <= 0 ? 0 : (s0 < 10 ? inversion(i) : ptrs(i)));
        }
    }

    /** PoissonSampler.inversion; s0 = lambda, s1 = exp(-lambda) as the host computes it. */
    private int inversion(int element) {
        double u = uniformAt(element, 0, stream);
        double p = s1;
        double f = p;
        int k = 0;
        boolean below = u >= f;
        while (below) {
            k++;
            double kd = k;
            p = p * (s0 / kd);
            double next = f + p;
            below = u >= next && next != f;
            f = next;
        }
        return k;
    }

    /**
     * PoissonSampler.ptrs (Hörmann 1993); s0 = lambda, s2..s7 = slam, loglam, b, a, invalpha, vr as the
     * host computes them. The loop runs until a draw is accepted, as the specification's does.
     */
    private int ptrs(int element) {
        int result = -1;
        int u = 0;
        while (result < 0) {
            double uu = uniformAt(element, u, stream) - 0.5;
            double v = uniformAt(element, u + 1, stream);
            u += 2;
            double us = 0.5 - abs(uu);
            double t = 2 * s5 / us;
            t = t + s4;
            t = t * uu;
            t = t + s0;
            t = t + 0.43;
            long k = (long) floor(t);
            if (us >= 0.07 && v <= s7) {
                result = (int) k;
            } else if (k >= 0 && !(us < 0.013 && v > us)) {
                double lhs = strictLog(v) + strictLog(s6);
                double q = us * us;
                lhs = lhs - strictLog(s5 / q + s4);
                double kl = k * s3;
                double rhs = -s0 + kl;
                rhs = rhs - logFactorial(k);
                if (lhs <= rhs) {
                    result = (int) k;
                }
            }
        }
        return result;
    }

    /** PoissonSampler.logFactorial. */
    private double logFactorial(long k) {
        double s = 0;
        if (k < 16) {
            for (int i = 2; i <= k; i++) {
                s += strictLog(i);
            }
        } else {
            double m = k + 1.0;
            double inv = 1 / m;
            double inv2 = inv * inv;
            double series = 1.0 / 1260 - inv2 / 1680;
            series = 1.0 / 360 - inv2 * series;
            series = 1.0 / 12 - inv2 * series;
            series = inv * series;
            double lead = (m - 0.5) * strictLog(m);
            lead = lead - m;
            double halfLogTwoPi = 0.5 * strictLog(2 * Math.PI);
            s = lead + halfLogTwoPi;
            s = s + series;
        }
        return s;
    }


    // ---- StrictMath (fdlibm) log and cos, so that draws equal the specification bit for bit ----
    // The OpenCL built-ins are accurate to a few ulps but not equal to fdlibm; Aparapi has no bit
    // casts, so the IEEE fields fdlibm reads are computed with exact scalings by powers of two.

    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double LG1 = 6.666666666666735130e-01;
    private static final double LG2 = 3.999999999940941908e-01;
    private static final double LG3 = 2.857142874366239149e-01;
    private static final double LG4 = 2.222219843214978396e-01;
    private static final double LG5 = 1.818357216161805012e-01;
    private static final double LG6 = 1.531383769920937332e-01;
    private static final double LG7 = 1.479819860511658591e-01;
    private static final double C1 = 4.16666666666666019037e-02;
    private static final double C2 = -1.38888888888741095749e-03;
    private static final double C3 = 2.48015872894767294178e-05;
    private static final double C4 = -2.75573143513906633035e-07;
    private static final double C5 = 2.08757232129817482790e-09;
    private static final double C6 = -1.13596475577881948265e-11;
    private static final double S1 = -1.66666666666666324348e-01;
    private static final double S2 = 8.33333333332248946124e-03;
    private static final double S3 = -1.98412698298579493134e-04;
    private static final double S4 = 2.75573137070700676789e-06;
    private static final double S5 = -2.50507602534068634195e-08;
    private static final double S6 = 1.58969099521155010221e-10;
    private static final double INVPIO2 = 6.36619772367581382433e-01;
    private static final double PIO2_1 = 1.57079632673412561417e+00;
    private static final double PIO2_1T = 6.07710050650619224932e-11;
    private static final double PIO2_2 = 6.07710050630396597660e-11;
    private static final double PIO2_2T = 2.02226624879595063154e-21;
    private static final double PIO2_3 = 2.02226624871116645580e-21;
    private static final double PIO2_3T = 8.47842766036889956997e-32;

    /** The unbiased binary exponent of a positive finite x: 2^e <= x < 2^(e+1). */
    private int exponent(double x) {
        int e = 0;
        double y = x;
        while (y >= 65536.0) {
            y *= 0x1.0p-16;
            e += 16;
        }
        while (y >= 2.0) {
            y *= 0.5;
            e++;
        }
        while (y < 0x1.0p-16) {
            y *= 65536.0;
            e -= 16;
        }
        while (y < 1.0) {
            y *= 2.0;
            e--;
        }
        return e;
    }

    /** 2^e, exactly, for e in the normal range. */
    private double twoTo(int e) {
        double r = 1.0;
        for (int k = 0; k < e; k++) {
            r *= 2.0;
        }
        for (int k = 0; k > e; k--) {
            r *= 0.5;
        }
        return r;
    }

    /** The high 32 bits of a positive normal double, as fdlibm's __HI reads them. */
    private int highWord(double x) {
        int e = exponent(x);
        double m = x * twoTo(-e);
        return ((e + 1023) << 20) | (int) ((m - 1.0) * 1048576.0);
    }

    /** The double with high word hw and low word 0 (fdlibm's INSERT_WORDS(x, hw, 0)), hw of a positive normal. */
    private double fromHighWord(int hw) {
        double m = 1.0 + (hw & 0xfffff) * 0x1.0p-20;
        return m * twoTo((hw >> 20) - 1023);
    }

    /** StrictMath.log (fdlibm e_log.c). */
    private double strictLog(double x) {
        double result = 0;
        if (x > 0 && x - x == 0) {
            result = positiveLog(x);
        } else {
            result = log(x); // 0, negative, NaN, infinity: exact special values in every libm
        }
        return result;
    }

    /** fdlibm's log of a positive finite x, split as x = 2^k (1 + f) with 1 + f in [sqrt(2)/2, sqrt(2)). */
    private double positiveLog(double x) {
        int k = exponent(x);
        double m = x * twoTo(-k);
        int hx = (int) ((m - 1.0) * 1048576.0);
        int i = (hx + 0x95f64) & 0x100000;
        double scale = 1.0;
        if (i != 0) {
            scale = 0.5;
        }
        k += i >> 20;
        double f = m * scale;
        f = f - 1.0;
        double result = 0;
        if (((2 + hx) & 0x000fffff) < 3) {
            result = logNearOne(f, k);
        } else {
            result = logSeries(f, k, hx);
        }
        return result;
    }

    /** fdlibm's log for |f| < 2^-20. */
    private double logNearOne(double f, int k) {
        double dk = k;
        double hi = dk * LN2_HI;
        double lo = dk * LN2_LO;
        double result = hi + lo;
        if (f != 0) {
            double c = 0.33333333333333333 * f;
            c = 0.5 - c;
            double ff = f * f;
            double r = ff * c;
            if (k == 0) {
                result = f - r;
            } else {
                double t = r - lo;
                t = t - f;
                result = hi - t;
            }
        }
        return result;
    }

    /** fdlibm's log by the series in s = f / (2 + f). */
    private double logSeries(double f, int k, int hx) {
        double dk = k;
        double s = f / (2.0 + f);
        double z = s * s;
        double w = z * z;
        double t1 = w * LG6;
        t1 = LG4 + t1;
        t1 = w * t1;
        t1 = LG2 + t1;
        t1 = w * t1;
        double t2 = w * LG7;
        t2 = LG5 + t2;
        t2 = w * t2;
        t2 = LG3 + t2;
        t2 = w * t2;
        t2 = LG1 + t2;
        t2 = z * t2;
        int i1 = (hx - 0x6147a) | (0x6b851 - hx);
        double r = t2 + t1;
        double hi = dk * LN2_HI;
        double lo = dk * LN2_LO;
        double result = 0;
        if (i1 > 0) {
            double hfsq = 0.5 * f;
            hfsq = hfsq * f;
            double u = hfsq + r;
            u = s * u;
            if (k == 0) {
                double t = hfsq - u;
                result = f - t;
            } else {
                double t = u + lo;
                t = hfsq - t;
                t = t - f;
                result = hi - t;
            }
        } else {
            double u = f - r;
            u = s * u;
            if (k == 0) {
                result = f - u;
            } else {
                double t = u - lo;
                t = t - f;
                result = hi - t;
            }
        }
        return result;
    }

    /** fdlibm __kernel_cos on [-pi/4, pi/4], x + y the reduced argument. */
    private double kernelCos(double x, double y) {
        double result = 1.0;
        double ax = abs(x);
        if (ax >= 0x1.0p-27) {
            int ix = highWord(ax);
            double z = x * x;
            double r = z * C6;
            r = C5 + r;
            r = z * r;
            r = C4 + r;
            r = z * r;
            r = C3 + r;
            r = z * r;
            r = C2 + r;
            r = z * r;
            r = C1 + r;
            r = z * r;
            double zr = z * r;
            double xy = x * y;
            double tail = zr - xy;
            double hz = 0.5 * z;
            if (ix < 0x3FD33333) {
                result = 1.0 - (hz - tail);
            } else {
                double qx = ix > 0x3fe90000 ? 0.28125 : fromHighWord(ix - 0x00200000);
                hz = hz - qx;
                double a = 1.0 - qx;
                result = a - (hz - tail);
            }
        }
        return result;
    }

    /** fdlibm __kernel_sin with iy = 1 on [-pi/4, pi/4]. */
    private double kernelSin(double x, double y) {
        double result = x;
        if (abs(x) >= 0x1.0p-27) {
            double z = x * x;
            double v = z * x;
            double r = z * S6;
            r = S5 + r;
            r = z * r;
            r = S4 + r;
            r = z * r;
            r = S3 + r;
            r = z * r;
            r = S2 + r;
            double hy = 0.5 * y;
            double vr = v * r;
            double t = hy - vr;
            t = z * t;
            t = t - y;
            double vs = v * S1;
            t = t - vs;
            result = x - t;
        }
        return result;
    }

    /** StrictMath.cos (fdlibm s_cos.c with e_rem_pio2.c) for |x| up to 2^19 pi/2; beyond, the OpenCL cos. */
    private double strictCos(double x) {
        double ax = abs(x);
        double result = 0;
        if (ax < 0x1.921fcp-1) {
            result = kernelCos(ax, 0);
        } else if (!(ax < 0x1.921fcp+20)) {
            result = cos(x);
        } else {
            int ix = highWord(ax);
            int n = 0;
            double y0 = 0;
            double y1 = 0;
            if (ix < 0x4002d97c) {
                double z = ax - PIO2_1;
                if (ix != 0x3ff921fb) {
                    y0 = z - PIO2_1T;
                    y1 = (z - y0) - PIO2_1T;
                } else {
                    z -= PIO2_2;
                    y0 = z - PIO2_2T;
                    y1 = (z - y0) - PIO2_2T;
                }
                n = 1;
            } else {
                double q = ax * INVPIO2;
                n = (int) (q + 0.5);
                double fn = n;
                double w0 = fn * PIO2_1;
                double r = ax - w0;
                double w = fn * PIO2_1T;
                y0 = r - w;
                if (!(n < 32 && ix != nearMultipleOfHalfPi(n))) {
                    int j = ix >> 20;
                    int i = j - (exponentField(y0));
                    if (i > 16) {
                        double t = r;
                        w = fn * PIO2_2;
                        r = t - w;
                        double w2 = fn * PIO2_2T;
                        w = w2 - ((t - r) - w);
                        y0 = r - w;
                        i = j - exponentField(y0);
                        if (i > 49) {
                            t = r;
                            w = fn * PIO2_3;
                            r = t - w;
                            double w3 = fn * PIO2_3T;
                            w = w3 - ((t - r) - w);
                            y0 = r - w;
                        }
                    }
                }
                y1 = (r - y0) - w;
            }
            int quadrant = n & 3;
            if (quadrant == 0) {
                result = kernelCos(y0, y1);
            } else if (quadrant == 1) {
                result = -kernelSin(y0, y1);
            } else if (quadrant == 2) {
                result = -kernelCos(y0, y1);
            } else {
                result = kernelSin(y0, y1);
            }
        }
        return result;
    }

    /** The biased exponent field of y, as ((__HI(y) >> 20) & 0x7ff) reads it. */
    private int exponentField(double y) {
        double a = abs(y);
        return a == 0 ? 0 : exponent(a) + 1023;
    }

    /** fdlibm's npio2_hw[n - 1]: the high word of n * pi / 2, for n in 1..31. */
    private int nearMultipleOfHalfPi(int n) {
        return npio2hw[n - 1];
    }

    /** Philox.normal: Box-Muller on the block's two uniforms. */
    protected double normal(int element, int streamWord) {
        double u1 = toUnit(philoxWord(element, 0, 0, streamWord), philoxWord(element, 0, 1, streamWord));
        double u2 = toUnit(philoxWord(element, 0, 2, streamWord), philoxWord(element, 0, 3, streamWord));
        double radius = sqrt(-2 * strictLog(1 - u1));
        double angle = 6.283185307179586 * u2;
        return radius * strictCos(angle);
    }

    // ---- step programs -------------------------------------------------------------------------

    /**
     * Step program {@code index} for element {@code i}. A subclass generated from the compiled
     * programs (StepKernels) overrides this; Aparapi translates the override into the kernel.
     */
    protected void program(int index, int i) {
    }

    // ---- spike delivery ----------------------------------------------------------------------

    /*
     * A CSR's delivery gathered per post-synaptic element j (one work item each, no races, no
     * atomics) over the CSR's columns, derived once (Columns): column j lists j's synapses by
     * ascending CSR row and position, B = colptr, C = each entry's row, offS = its CSR position k
     * (weights are per k, at offW with stride strideW). Each j adds its terms in the order the
     * CPU backend's scatter reaches them (rows in event order, positions ascending), so each sum
     * rounds as there and the two backends give the same bits.
     */

    /**
     * Rows flagged in A (bool), each term scaled by its row's factor at offF in post's pool when
     * offF >= 0 (short-term plasticity): the column walked in order, one flag read per synapse.
     */
    private void flagGather(int j) {
        int to = i32[offB + j + 1];
        for (int k = i32[offB + j]; k < to; k++) {
            int row = i32[offC + k];
            if (b8[offA + row] != 0) {
                int weight = offW + i32[offS + k] * strideW;
                if (offF < 0) {
                    addWeight(offO + j, weight);
                } else {
                    addScaled(offO + j, offF + row, weight);
                }
            }
        }
    }

    /**
     * Rows of the event list A (count, then elements; rows start at element {@link #first},
     * geom[geo] of them), in the list's order. Per listed row, j's synapses from it are found by
     * binary search in the column, or, when the list ascends and is long against the column, by
     * one merge-walk of column and list; both add the same terms in the same order.
     */
    private void listGather(int j) {
        int from = i32[offB + j];
        int to = i32[offB + j + 1];
        int count = i32[offA];
        int depth = 1;
        while ((1 << depth) < to - from) {
            depth++;
        }
        int search = count * depth < to - from + count ? 1 : 0;
        for (int e = 2; search == 0 && e <= count; e++) {
            if (i32[offA + e] < i32[offA + e - 1]) {
                search = 1;
            }
        }
        int k = from;
        for (int e = 1; from < to && e <= count; e++) {
            int row = i32[offA + e] - first;
            if (row >= 0 && row < geom[geo]) {
                if (search == 1) {
                    k = lowerBound(from, to, row);
                } else {
                    while (k < to && i32[offC + k] < row) {
                        k++;
                    }
                }
                for (int m = k; m < to && i32[offC + m] == row; m++) {
                    addWeight(offO + j, offW + i32[offS + m] * strideW);
                }
            }
        }
    }

    /** The first position in [from, to) of the column whose row is not below {@code row}. */
    private int lowerBound(int from, int to, int row) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            if (i32[offC + mid] < row) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * A CSR's delivery scattered by post ranges: work item r of n takes the posts in
     * [r * inner / n, (r + 1) * inner / n) and walks the events (FLAG_SCATTER: flags in A, scaled
     * by offF as in {@link #flagGather}; LIST_SCATTER: the list in A, rows from {@link #first}),
     * adding each row's terms (B = indptr, C = indices) that fall in its range, in the CPU
     * backend's order. Each item reads every event's rows, so the work is the serial scatter's
     * per item: for devices with a few wide cores, where a gather's per-post searches cost more.
     * geom[geo] = rows.
     */
    private void scatter(int r) {
        int lo = (int) ((long) r * inner / n);
        int hi = (int) ((long) (r + 1) * inner / n);
        if (op == FLAG_SCATTER) {
            for (int row = 0; row < geom[geo]; row++) {
                if (b8[offA + row] != 0) {
                    scatterRow(row, lo, hi, offF < 0 ? -1 : offF + row);
                }
            }
        } else {
            int count = i32[offA];
            for (int e = 1; e <= count; e++) {
                int row = i32[offA + e] - first;
                if (row >= 0 && row < geom[geo]) {
                    scatterRow(row, lo, hi, -1);
                }
            }
        }
    }

    private void scatterRow(int row, int lo, int hi, int factor) {
        int to = i32[offB + row + 1];
        for (int k = i32[offB + row]; k < to; k++) {
            int j = i32[offC + k];
            if (j >= lo && j < hi) {
                if (factor < 0) {
                    addWeight(offO + j, offW + k * strideW);
                } else {
                    addScaled(offO + j, factor, offW + k * strideW);
                }
            }
        }
    }

    /*
     * An event list by compaction in three launches, without atomics, so the list comes out
     * ascending as the CPU backend's: each work item counts the set flags of its block of
     * EVENT_BLOCK (EVENT_COUNT), one item turns the counts into each block's start and writes the
     * total (EVENT_SCAN), each item writes its block's indices from its start (EVENT_WRITE).
     * A = flags (any dtype), B = one int per block, O = list; geom[geo] = the number of flags.
     */

    private void eventCount(int block) {
        int from = block * EVENT_BLOCK;
        int to = min(geom[geo], from + EVENT_BLOCK);
        int count = 0;
        for (int i = from; i < to; i++) {
            if (load(dtA, offA + i) != 0) {
                count++;
            }
        }
        i32[offB + block] = count;
    }

    private void eventScan() {
        int blocks = (geom[geo] + EVENT_BLOCK - 1) / EVENT_BLOCK;
        int start = 0;
        for (int b = 0; b < blocks; b++) {
            int count = i32[offB + b];
            i32[offB + b] = start;
            start += count;
        }
        i32[offO] = start;
    }

    private void eventWrite(int block) {
        int from = block * EVENT_BLOCK;
        int to = min(geom[geo], from + EVENT_BLOCK);
        int at = offO + 1 + i32[offB + block];
        for (int i = from; i < to; i++) {
            if (load(dtA, offA + i) != 0) {
                i32[at] = i;
                at++;
            }
        }
    }

    /**
     * The flags of a list in one work item: O = flags (any dtype), A = list; geom[geo] = the number
     * of flags, which start at element {@link #first}.
     */
    private void eventFlags() {
        int size = geom[geo];
        for (int i = 0; i < size; i++) {
            store(dtO, offO + i, 0);
        }
        int count = i32[offA];
        for (int e = 1; e <= count; e++) {
            int i = i32[offA + e] - first;
            if (i >= 0 && i < size) {
                store(dtO, offO + i, 1);
            }
        }
    }

    /**
     * Appends the list at A (count, then indices) to the log at O of {@link #len} elements, whose
     * element 0 counts those after it; a list that does not fit sets it to -1 for good.
     */
    private void eventAppend() {
        int used = i32[offO];
        int count = i32[offA];
        if (used >= 0) {
            if (2 + used + count > len) {
                i32[offO] = -1;
            } else {
                for (int e = 0; e <= count; e++) {
                    i32[offO + 1 + used + e] = i32[offA + e];
                }
                i32[offO] = used + 1 + count;
            }
        }
    }

    /** CSC gather, one work item per post element j, adding in the CPU backend's order. */
    private void cscGather(int j) {
        int from = i32[offB + j];
        int to = i32[offB + j + 1];
        if (from < 0 || to > len || from > to) {
            flag(BAD_POINTER);
        } else {
            for (int k = from; k < to; k++) {
                int row = i32[offC + k];
                if (row < 0 || row >= inner) {
                    flag(BAD_INDEX);
                } else if (b8[offA + row] != 0) {
                    addWeight(offO + j, offW + k * strideW);
                }
            }
        }
    }

    /**
     * post += factor * w in post's dtype as the CPU backend rounds it: the product on its own
     * (a float32 product of two floats is exact in the double the CPU backend forms, then rounds
     * once, as here), then the add.
     */
    private void addScaled(int post, int factor, int weight) {
        if (dtO == F64) {
            double term = f64[factor] * f64[weight];
            f64[post] = f64[post] + term;
        } else {
            float term = f32[factor] * f32[weight];
            f32[post] = f32[post] + term;
        }
    }

    /** post += w in post's dtype, rounding after each add as the CPU backend does. */
    private void addWeight(int post, int weight) {
        if (dtO == F64) {
            f64[post] = f64[post] + f64[weight];
        } else {
            f32[post] = f32[post] + f32[weight];
        }
    }
}
