package org.brainj.api.connect;

/**
 * Compressed sparse rows, one row per pre-synaptic neuron: the synapses of pre neuron {@code i}
 * are {@code indptr[i] .. indptr[i+1]-1}, their post neurons {@code indices[s]}, their weights
 * {@code weights[s]} ({@code null} when the connector makes none). A synapse's position here is
 * its synapse id. The arrays are shared with the {@link Connectivity}: read them, do not change them.
 */
public record Csr(int[] indptr, int[] indices, double[] weights) {
}
