package org.brainj.api.integrate;

import static org.brainj.api.integrate.ButcherTableau.embedded;
import static org.brainj.api.integrate.ButcherTableau.explicit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.brainj.api.BrainJException;
import org.brainj.api.UnknownNameException;

/**
 * The catalog of Runge-Kutta methods by the reference's names. Coefficients are the published
 * ones (Butcher, "Numerical Methods for ODEs", and the papers named per method); embedded pairs
 * propagate their higher-order solution, as the reference does.
 */
public final class Tableaus {
    private static final double SQRT5 = Math.sqrt(5);
    /** The reference's default {@code beta} of the generic second-order method {@code rk2}. */
    public static final double RK2_DEFAULT_BETA = 2.0 / 3;

    private static final Map<String, ButcherTableau> CATALOG = new LinkedHashMap<>();

    static {
        add(explicit("euler", 1, new double[] {0}, new double[][] {{}}, new double[] {1}));
        add(explicit("midpoint", 2, new double[] {0, 0.5}, new double[][] {{}, {0.5}}, new double[] {0, 1}));
        add(explicit("heun2", 2, new double[] {0, 1}, new double[][] {{}, {1}}, new double[] {0.5, 0.5}));
        add(explicit("ralston2", 2, new double[] {0, 2.0 / 3}, new double[][] {{}, {2.0 / 3}},
                new double[] {0.25, 0.75}));
        add(rk2(RK2_DEFAULT_BETA));
        // Kutta (1901)
        add(explicit("rk3", 3, new double[] {0, 0.5, 1}, new double[][] {{}, {0.5}, {-1, 2}},
                new double[] {1.0 / 6, 2.0 / 3, 1.0 / 6}));
        add(explicit("rk4", 4, new double[] {0, 0.5, 0.5, 1}, new double[][] {{}, {0.5}, {0, 0.5}, {0, 0, 1}},
                new double[] {1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6}));
        add(explicit("heun3", 3, new double[] {0, 1.0 / 3, 2.0 / 3}, new double[][] {{}, {1.0 / 3}, {0, 2.0 / 3}},
                new double[] {0.25, 0, 0.75}));
        // Ralston (1962), "Runge-Kutta methods with minimum error bounds"
        add(explicit("ralston3", 3, new double[] {0, 0.5, 0.75}, new double[][] {{}, {0.5}, {0, 0.75}},
                new double[] {2.0 / 9, 1.0 / 3, 4.0 / 9}));
        // Shu and Osher (1988)
        add(explicit("ssprk3", 3, new double[] {0, 1, 0.5}, new double[][] {{}, {1}, {0.25, 0.25}},
                new double[] {1.0 / 6, 1.0 / 6, 2.0 / 3}));
        add(ralston4());
        add(explicit("rk4_38rule", 4, new double[] {0, 1.0 / 3, 2.0 / 3, 1},
                new double[][] {{}, {1.0 / 3}, {-1.0 / 3, 1}, {1, -1, 1}},
                new double[] {0.125, 0.375, 0.375, 0.125}));

        // Fehlberg (1969), NASA TR R-315
        add(embedded("rkf45", 5, 4, new double[] {0, 0.25, 0.375, 12.0 / 13, 1, 0.5},
                new double[][] {{}, {0.25}, {3.0 / 32, 9.0 / 32},
                    {1932.0 / 2197, -7200.0 / 2197, 7296.0 / 2197},
                    {439.0 / 216, -8, 3680.0 / 513, -845.0 / 4104},
                    {-8.0 / 27, 2, -3544.0 / 2565, 1859.0 / 4104, -11.0 / 40}},
                new double[] {16.0 / 135, 0, 6656.0 / 12825, 28561.0 / 56430, -9.0 / 50, 2.0 / 55},
                new double[] {25.0 / 216, 0, 1408.0 / 2565, 2197.0 / 4104, -1.0 / 5, 0}));
        add(embedded("rkf12", 2, 1, new double[] {0, 0.5, 1},
                new double[][] {{}, {0.5}, {1.0 / 256, 255.0 / 256}},
                new double[] {1.0 / 512, 255.0 / 256, 1.0 / 512},
                new double[] {1.0 / 256, 255.0 / 256, 0}));
        // Dormand and Prince (1980)
        add(embedded("rkdp", 5, 4, new double[] {0, 0.2, 0.3, 0.8, 8.0 / 9, 1, 1},
                new double[][] {{}, {0.2}, {3.0 / 40, 9.0 / 40}, {44.0 / 45, -56.0 / 15, 32.0 / 9},
                    {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
                    {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
                    {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84}},
                new double[] {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84, 0},
                new double[] {5179.0 / 57600, 0, 7571.0 / 16695, 393.0 / 640, -92097.0 / 339200, 187.0 / 2100,
                    1.0 / 40}));
        // Cash and Karp (1990)
        add(embedded("ck", 5, 4, new double[] {0, 0.2, 0.3, 0.6, 1, 0.875},
                new double[][] {{}, {0.2}, {3.0 / 40, 9.0 / 40}, {0.3, -0.9, 1.2},
                    {-11.0 / 54, 2.5, -70.0 / 27, 35.0 / 27},
                    {1631.0 / 55296, 175.0 / 512, 575.0 / 13824, 44275.0 / 110592, 253.0 / 4096}},
                new double[] {37.0 / 378, 0, 250.0 / 621, 125.0 / 594, 0, 512.0 / 1771},
                new double[] {2825.0 / 27648, 0, 18575.0 / 48384, 13525.0 / 55296, 277.0 / 14336, 0.25}));
        // Bogacki and Shampine (1989)
        add(embedded("bs", 3, 2, new double[] {0, 0.5, 0.75, 1},
                new double[][] {{}, {0.5}, {0, 0.75}, {2.0 / 9, 1.0 / 3, 4.0 / 9}},
                new double[] {2.0 / 9, 1.0 / 3, 4.0 / 9, 0},
                new double[] {7.0 / 24, 0.25, 1.0 / 3, 0.125}));
        add(embedded("heun_euler", 2, 1, new double[] {0, 1}, new double[][] {{}, {1}},
                new double[] {0.5, 0.5}, new double[] {1, 0}));
    }

    private Tableaus() {
    }

    private static void add(ButcherTableau t) {
        CATALOG.put(t.name(), t);
    }

    /** The generic second-order method {@code rk2} with parameter {@code beta} (the reference's default 2/3). */
    public static ButcherTableau rk2(double beta) {
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new BrainJException("rk2: beta must be positive and finite, got " + beta);
        }
        return explicit("rk2", 2, new double[] {0, beta}, new double[][] {{}, {beta}},
                new double[] {1 - 1 / (2 * beta), 1 / (2 * beta)});
    }

    /** Ralston's fourth-order method with minimum error bound, in its exact (surd) coefficients. */
    private static ButcherTableau ralston4() {
        double c3 = 7.0 / 8 - 3 * SQRT5 / 16;
        return explicit("ralston4", 4, new double[] {0, 0.4, c3, 1},
                new double[][] {{}, {0.4},
                    {(-2889 + 1428 * SQRT5) / 1024, (3785 - 1620 * SQRT5) / 1024},
                    {(-3365 + 2094 * SQRT5) / 6040, (-975 - 3046 * SQRT5) / 2552,
                        (467040 + 203968 * SQRT5) / 240845}},
                new double[] {(263 + 24 * SQRT5) / 1812, (125 - 1000 * SQRT5) / 3828,
                    (3426304 + 1661952 * SQRT5) / 5924787, (30 - 4 * SQRT5) / 123});
    }

    /** The tableau called {@code name}; an unknown name lists the known ones. */
    public static ButcherTableau of(String name) {
        ButcherTableau t = CATALOG.get(name);
        if (t == null) {
            throw new UnknownNameException("Runge-Kutta method", name, CATALOG.keySet());
        }
        return t;
    }

    public static boolean contains(String name) {
        return CATALOG.containsKey(name);
    }

    /** All names, explicit methods first, in the reference's order. */
    public static Set<String> names() {
        return java.util.Collections.unmodifiableSet(CATALOG.keySet());
    }
}
