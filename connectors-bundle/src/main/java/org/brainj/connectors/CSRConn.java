package org.brainj.connectors;

import java.util.List;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.Geometry;
import org.brainj.api.connect.GeometryException;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.spi.Parameters;

/**
 * The reference's {@code CSRConn}: synapses given as CSR arrays ({@code indptr} of numPre + 1 row
 * pointers, {@code indices} the post neurons), checked against the populations when connecting.
 */
public record CSRConn(int[] indptr, int[] indices, double[] weights) implements Connector {
    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.required("indptr", "", "the numPre + 1 row pointers"),
            ParamSpec.required("indices", "", "the post neuron of each synapse"),
            ParamSpec.optional("weights", "", ParamSpec.NONE, "the weight of each synapse"));

    public CSRConn {
        indptr = indptr.clone();
        indices = indices.clone();
        weights = weights == null ? null : weights.clone();
    }

    public CSRConn(int[] indptr, int[] indices) {
        this(indptr, indices, null);
    }

    public static CSRConn of(Parameters p) {
        return new CSRConn(p.integers("indptr"), p.integers("indices"), p.has("weights") ? p.reals("weights") : null);
    }

    @Override
    public double expectedSynapses(Geometry pre, Geometry post) {
        return indices.length;
    }

    @Override
    public Connectivity connect(Geometry pre, Geometry post) {
        if (indptr.length != pre.size() + 1) {
            throw new GeometryException("CSRConn: indptr has " + indptr.length + " row pointers, so it describes "
                    + (indptr.length - 1) + " pre neurons, but the pre population " + pre + " has " + pre.size()
                    + "; give indptr of length numPre + 1");
        }
        return new Connectivity(pre.size(), post.size(), indptr.clone(), indices.clone(),
                weights == null ? null : weights.clone());
    }
}
