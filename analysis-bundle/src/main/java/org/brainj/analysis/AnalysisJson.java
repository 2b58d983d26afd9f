package org.brainj.analysis;

import java.util.List;
import org.brainj.api.analysis.AnalysisJob;

/**
 * The {@code analysis.json} of a job: what was asked, the fixed points (values, stability type,
 * eigenvalues), nullclines, limit cycles (period, extrema), branches and special points.
 * Non-finite numbers, which JSON cannot hold, are written as {@code null}.
 */
final class AnalysisJson {
    private final StringBuilder out = new StringBuilder();

    AnalysisJson(AnalysisJob job) {
        out.append("{\n  \"analysis\": ").append(string(job.kind().label()));
        out.append(",\n  \"target_vars\": ").append(strings(List.copyOf(job.targetVars().keySet())));
        out.append(",\n  \"target_pars\": ").append(strings(List.copyOf(job.targetPars().keySet())));
        out.append(",\n  \"resolution\": ").append(number(job.resolution()));
        if (!job.units().isEmpty()) {
            // a model with units is analysed in the coherent system (ms, mV, nA, ...): say which unit each number is in
            out.append(",\n  \"units\": {");
            String sep = "";
            for (var e : new java.util.TreeMap<>(job.units()).entrySet()) {
                out.append(sep).append(string(e.getKey())).append(": ").append(string(e.getValue()));
                sep = ", ";
            }
            out.append('}');
        }
    }

    void phasePlane(PhasePlane.Result r) {
        out.append(",\n  \"fixed_points\": [");
        for (int k = 0; k < r.fixedPoints().size(); k++) {
            out.append(k == 0 ? "\n    " : ",\n    ").append(fixedPoint(r.fixedPoints().get(k)));
        }
        out.append("\n  ],\n  \"nullclines\": [");
        for (int k = 0; k < r.nullclines().size(); k++) {
            PhasePlane.Nullcline n = r.nullclines().get(k);
            out.append(k == 0 ? "\n    " : ",\n    ").append("{\"variable\": ").append(string(n.variable()))
                    .append(", \"x\": ").append(numbers(n.x())).append(", \"y\": ").append(numbers(n.y())).append('}');
        }
        out.append("\n  ],\n  \"limit_cycles\": [");
        for (int k = 0; k < r.limitCycles().size(); k++) {
            LimitCycle c = r.limitCycles().get(k);
            out.append(k == 0 ? "\n    " : ",\n    ").append("{\"period\": ").append(number(c.period()))
                    .append(", \"min\": ").append(numbers(c.min())).append(", \"max\": ").append(numbers(c.max())).append('}');
        }
        out.append("\n  ]");
    }

    void bifurcation(Bifurcation.Result r) {
        out.append(",\n  \"parameters\": ").append(strings(r.parameterNames()));
        out.append(",\n  \"special_points\": [");
        for (int k = 0; k < r.special().size(); k++) {
            Bifurcation.SpecialPoint s = r.special().get(k);
            out.append(k == 0 ? "\n    " : ",\n    ").append("{\"kind\": ").append(string(s.kind()))
                    .append(", \"parameters\": ").append(numbers(s.parameters())).append(", \"values\": ")
                    .append(numbers(s.values())).append('}');
        }
        out.append("\n  ],\n  \"limit_cycles\": [");
        for (int k = 0; k < r.cycles().size(); k++) {
            Bifurcation.CycleExtrema c = r.cycles().get(k);
            out.append(k == 0 ? "\n    " : ",\n    ").append("{\"parameter\": ").append(number(c.parameter()))
                    .append(", \"period\": ").append(number(c.period())).append(", \"min\": ").append(numbers(c.min()))
                    .append(", \"max\": ").append(numbers(c.max())).append('}');
        }
        out.append("\n  ],\n  \"branches\": [");
        for (int k = 0; k < r.points().size(); k++) {
            Bifurcation.BranchPoint p = r.points().get(k);
            out.append(k == 0 ? "\n    " : ",\n    ").append("{\"parameters\": ").append(numbers(p.parameters()))
                    .append(", \"fixed_point\": ").append(fixedPoint(p.point())).append('}');
        }
        out.append("\n  ]");
    }

    private static String fixedPoint(FixedPoint p) {
        StringBuilder s = new StringBuilder("{\"values\": {");
        for (int i = 0; i < p.values().length; i++) {
            s.append(i == 0 ? "" : ", ").append(string(p.variables().get(i))).append(": ").append(number(p.values()[i]));
        }
        s.append("}, \"stability\": ").append(string(p.type().label())).append(", \"eigenvalues\": [");
        for (int i = 0; i < p.eigenReal().length; i++) {
            s.append(i == 0 ? "" : ", ").append('[').append(number(p.eigenReal()[i])).append(", ")
                    .append(number(p.eigenImaginary()[i])).append(']');
        }
        return s.append("]}").toString();
    }

    private static String numbers(double[] x) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < x.length; i++) {
            s.append(i == 0 ? "" : ", ").append(number(x[i]));
        }
        return s.append(']').toString();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    private static String strings(List<String> names) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < names.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(string(names.get(i)));
        }
        return s.append(']').toString();
    }

    /** Names and labels here are identifiers and plain words: only quotes and backslashes need escaping. */
    private static String string(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Override
    public String toString() {
        return out + "\n}\n";
    }
}
