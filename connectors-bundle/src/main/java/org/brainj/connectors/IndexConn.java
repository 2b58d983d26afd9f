package org.brainj.connectors;

import java.util.List;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.Geometry;
import org.brainj.api.connect.InvalidConnectivityException;
import org.brainj.api.spi.InvalidParameterException;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.spi.Parameters;
import org.brainj.connectors.internal.Edges;

/**
 * The reference's custom {@code IndexConn}: synapse k goes from pre neuron {@code i[k]} to post
 * neuron {@code j[k]} (with weight {@code weights[k]} when given). Synapse ids are CSR order:
 * sorted by pre neuron, the given order kept among one pre neuron's synapses.
 */
public record IndexConn(int[] i, int[] j, double[] weights) implements Connector {
    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.required("i", "", "the pre neuron of each synapse"),
            ParamSpec.required("j", "", "the post neuron of each synapse"),
            ParamSpec.optional("weights", "", ParamSpec.NONE, "the weight of each synapse"));

    public IndexConn {
        if (i.length != j.length) {
            throw new InvalidParameterException("IndexConn", "j", "(" + j.length + " entries)", "give as many post indices"
                    + " as pre indices i (" + i.length + ")");
        }
        if (weights != null && weights.length != i.length) {
            throw new InvalidParameterException("IndexConn", "weights", "(" + weights.length + " entries)",
                    "give one weight per synapse (" + i.length + ")");
        }
        i = i.clone();
        j = j.clone();
        weights = weights == null ? null : weights.clone();
    }

    public IndexConn(int[] i, int[] j) {
        this(i, j, null);
    }

    public static IndexConn of(Parameters p) {
        return new IndexConn(p.integers("i"), p.integers("j"), p.has("weights") ? p.reals("weights") : null);
    }

    @Override
    public double expectedSynapses(Geometry pre, Geometry post) {
        return i.length;
    }

    @Override
    public Connectivity connect(Geometry pre, Geometry post) {
        check("i", i, pre);
        check("j", j, post);
        Edges edges = new Edges(i.length, weights != null);
        for (int k = 0; k < i.length; k++) {
            if (weights == null) {
                edges.add(i[k], j[k]);
            } else {
                edges.add(i[k], j[k], weights[k]);
            }
        }
        return edges.toConnectivity(pre.size(), post.size(), false);
    }

    private static void check(String name, int[] ids, Geometry g) {
        for (int k = 0; k < ids.length; k++) {
            if (ids[k] < 0 || ids[k] >= g.size()) {
                throw new InvalidConnectivityException("IndexConn: " + name + "[" + k + "] = " + ids[k]
                        + " is outside the population " + g + " of " + g.size() + " neurons; give indices in [0, "
                        + g.size() + ")");
            }
        }
    }
}
