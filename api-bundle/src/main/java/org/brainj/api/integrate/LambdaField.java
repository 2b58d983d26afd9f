package org.brainj.api.integrate;

import java.util.ArrayList;
import java.util.List;
import org.brainj.api.BrainJException;

/** A {@link VectorField} of numbers from Java lambdas. */
final class LambdaField implements VectorField<Double> {
    private final List<String> variables;
    private final Derivatives drift;
    private final Diffusion diffusion;
    private final int noiseCount;

    LambdaField(List<String> variables, Derivatives drift, Diffusion diffusion, int noiseCount) {
        if (variables.isEmpty()) {
            throw new BrainJException("give at least one variable name to integrate");
        }
        if (diffusion != null && noiseCount < 1) {
            throw new BrainJException("an SDE needs at least one Wiener process, got " + noiseCount);
        }
        this.variables = List.copyOf(variables);
        this.drift = drift;
        this.diffusion = diffusion;
        this.noiseCount = diffusion == null ? 0 : noiseCount;
    }

    @Override
    public List<String> variables() {
        return variables;
    }

    @Override
    public List<Double> drift(Double t, List<Double> x) {
        double[] dxdt = new double[x.size()];
        drift.compute(t, unbox(x), dxdt);
        List<Double> out = new ArrayList<>(dxdt.length);
        for (double v : dxdt) {
            out.add(v);
        }
        return out;
    }

    @Override
    public int noiseCount() {
        return noiseCount;
    }

    @Override
    public List<List<Double>> diffusion(Double t, List<Double> x) {
        if (diffusion == null) {
            return VectorField.super.diffusion(t, x);
        }
        double[][] g = new double[x.size()][noiseCount];
        diffusion.compute(t, unbox(x), g);
        List<List<Double>> out = new ArrayList<>(g.length);
        for (double[] row : g) {
            List<Double> r = new ArrayList<>(row.length);
            for (double v : row) {
                r.add(v);
            }
            out.add(r);
        }
        return out;
    }

    static double[] unbox(List<Double> x) {
        double[] a = new double[x.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = x.get(i);
        }
        return a;
    }

    static List<Double> box(double[] x) {
        List<Double> out = new ArrayList<>(x.length);
        for (double v : x) {
            out.add(v);
        }
        return out;
    }
}
