package org.brainj.analysis;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.brainj.analysis.measure.Measures;
import org.brainj.analysis.measure.Spikes;
import org.brainj.api.UnknownNameException;
import org.brainj.api.analysis.SpikeMeasures;
import org.brainj.api.sim.SpikeMonitor;
import org.osgi.service.component.annotations.Component;

/**
 * The {@link Measures} that reduce a run's spikes to one number, by the reference's names: the
 * coherence {@code cross_correlation} (parameter {@code bin}, ms), and the population means of
 * {@code isi_cv} and {@code fano_factor} (parameter {@code window}, ms) over the neurons where
 * they are defined. The bundle's {@link SpikeMeasures} service.
 */
@Component(service = SpikeMeasures.class)
public final class SpikeMeasureService implements SpikeMeasures {
    private record Measure(List<String> parameters, BiFunction<Spikes, Map<String, Double>, Double> of) {
    }

    private static final Map<String, Measure> MEASURES = new LinkedHashMap<>();

    static {
        MEASURES.put("cross_correlation", new Measure(List.of("bin"), (s, p) -> Measures.crossCorrelation(s, p.get("bin"))));
        MEASURES.put("isi_cv", new Measure(List.of(), (s, p) -> definedMean(Measures.isiCv(s))));
        MEASURES.put("fano_factor", new Measure(List.of("window"), (s, p) -> definedMean(Measures.fanoFactor(s, p.get("window")))));
    }

    @Override
    public Map<String, List<String>> names() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        MEASURES.forEach((name, m) -> names.put(name, m.parameters()));
        return names;
    }

    @Override
    public double of(String name, SpikeMonitor spikes, double dt, long steps, Map<String, Double> parameters) {
        Measure m = MEASURES.get(name);
        if (m == null) {
            throw new UnknownNameException("spike measure", name, MEASURES.keySet());
        }
        for (String p : m.parameters()) {
            if (!parameters.containsKey(p)) {
                throw new AnalysisException("measure " + name + " needs '" + p + "' (in ms); give it, e.g. " + p + ": 0.5 ms");
            }
        }
        for (String p : parameters.keySet()) {
            if (!m.parameters().contains(p)) {
                throw new AnalysisException("measure " + name + " takes no '" + p + "'; its parameters: " + m.parameters());
            }
        }
        return m.of().apply(Spikes.of(spikes, dt, steps), parameters);
    }

    /** The mean over the neurons where a per-neuron measure is defined (not NaN); NaN when none is. */
    private static double definedMean(double[] perNeuron) {
        return Arrays.stream(perNeuron).filter(x -> !Double.isNaN(x)).average().orElse(Double.NaN);
    }
}
