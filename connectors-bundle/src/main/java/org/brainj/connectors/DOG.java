package org.brainj.connectors;

import java.util.List;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.Geometry;
import org.brainj.api.spi.InvalidParameterException;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.spi.Parameters;
import org.brainj.connectors.internal.Check;

/**
 * BrainPy's {@code DOG} (difference of Gaussians): {@code w = w+ exp(-d^2 / (2 sigma+^2)) - w-
 * exp(-d^2 / (2 sigma-^2))}, a synapse where {@code |w| > wMin} (default {@code 0.01 |w+ - w-|});
 * positions as in {@link GaussianWeight}. Deterministic.
 *
 * @param sigmas {sigma+, sigma-}
 * @param wsMax  {w+, w-}
 */
public record DOG(double[] sigmas, double[] wsMax, double wMin, boolean normalize, boolean includeSelf)
        implements Connector {
    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.required("sigmas", "", "the widths (sigma+, sigma-) of the positive and negative Gaussians"),
            ParamSpec.required("ws_max", "", "the amplitudes (w+, w-) of the positive and negative Gaussians"),
            ParamSpec.optional("w_min", "", ParamSpec.NONE, "|w| at or below this makes no synapse; default 0.01 |w+ - w-|"),
            ParamSpec.optional("normalize", "", "true", "whether positions are scaled to [0, 1]"),
            ParamSpec.optional("include_self", "", "true", "whether the pairs (i, i) connect"));

    public DOG {
        pair("sigmas", sigmas);
        pair("ws_max", wsMax);
        Check.positive("DOG", "sigmas", sigmas[0]);
        Check.positive("DOG", "sigmas", sigmas[1]);
        Check.finite("DOG", "ws_max", wsMax[0]);
        Check.finite("DOG", "ws_max", wsMax[1]);
        Check.finite("DOG", "w_min", wMin);
        sigmas = sigmas.clone();
        wsMax = wsMax.clone();
    }

    public DOG(double[] sigmas, double[] wsMax) {
        this(sigmas, wsMax, 0.01 * Math.abs(wsMax[0] - wsMax[1]), true, true);
    }

    private static void pair(String name, double[] values) {
        if (values == null || values.length != 2) {
            throw new InvalidParameterException("DOG", name, values, "give two values (positive, negative Gaussian)");
        }
    }

    public static DOG of(Parameters p) {
        double[] ws = p.reals("ws_max");
        pair("ws_max", ws);
        return new DOG(p.reals("sigmas"), ws, p.has("w_min") ? p.real("w_min") : 0.01 * Math.abs(ws[0] - ws[1]),
                p.flag("normalize"), p.flag("include_self"));
    }

    @Override
    public Connectivity connect(Geometry pre, Geometry post) {
        return GaussianProfile.connect("DOG", pre, post, sigmas, new double[] {wsMax[0], -wsMax[1]}, wMin, normalize,
                includeSelf);
    }
}
