package org.brainj.connectors;

import java.util.List;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.Geometry;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.spi.Parameters;
import org.brainj.connectors.internal.Check;

/**
 * BrainPy's {@code GaussianWeight}: every pair whose weight {@code w = wMax exp(-d^2 / (2
 * sigma^2))} exceeds {@code wMin} is connected with that weight; d is the distance between the
 * neurons' (row, column) positions, scaled to [0, 1] when {@code normalize}. Deterministic.
 */
public record GaussianWeight(double sigma, double wMax, double wMin, boolean normalize, boolean includeSelf)
        implements Connector {
    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.required("sigma", "", "the width of the Gaussian"),
            ParamSpec.required("w_max", "", "the weight at distance 0"),
            ParamSpec.optional("w_min", "", ParamSpec.NONE, "weights at or below this make no synapse; default 0.01 w_max"),
            ParamSpec.optional("normalize", "", "true", "whether positions are scaled to [0, 1]"),
            ParamSpec.optional("include_self", "", "true", "whether the pairs (i, i) connect"));

    public GaussianWeight {
        Check.positive("GaussianWeight", "sigma", sigma);
        Check.finite("GaussianWeight", "w_max", wMax);
        Check.finite("GaussianWeight", "w_min", wMin);
    }

    /** {@code wMin = 0.01 wMax}, normalized positions, self-connections included. */
    public GaussianWeight(double sigma, double wMax) {
        this(sigma, wMax, 0.01 * wMax, true, true);
    }

    public static GaussianWeight of(Parameters p) {
        double wMax = p.real("w_max");
        return new GaussianWeight(p.real("sigma"), wMax, p.has("w_min") ? p.real("w_min") : 0.01 * wMax,
                p.flag("normalize"), p.flag("include_self"));
    }

    @Override
    public Connectivity connect(Geometry pre, Geometry post) {
        return GaussianProfile.connect("GaussianWeight", pre, post, new double[] {sigma}, new double[] {wMax}, wMin,
                normalize, includeSelf);
    }
}
