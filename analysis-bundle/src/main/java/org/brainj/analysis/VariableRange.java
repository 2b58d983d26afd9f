package org.brainj.analysis;

/** A variable or parameter and the interval an analysis explores, as the reference's {@code {'V': [-3, 3]}}. */
public record VariableRange(String name, double min, double max) {
    public VariableRange {
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new AnalysisException("the range of '" + name + "' is [" + min + ", " + max
                    + "]; give finite bounds with min < max");
        }
    }

    public double width() {
        return max - min;
    }

    /** {@code n} evenly spaced values from min to max, both included. */
    public double[] grid(int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = min + (max - min) * i / (n - 1);
        }
        return g;
    }

    /** The values from min to max in steps of {@code resolution}, max included, at least {@code minimum} of them. */
    public double[] grid(double resolution, int minimum) {
        if (!(resolution > 0)) {
            throw new AnalysisException("the resolution for '" + name + "' is " + resolution + "; give a positive step");
        }
        return grid(Math.max(minimum, (int) Math.round(width() / resolution) + 1));
    }

    public boolean contains(double x, double slack) {
        return x >= min - slack * width() && x <= max + slack * width();
    }
}
