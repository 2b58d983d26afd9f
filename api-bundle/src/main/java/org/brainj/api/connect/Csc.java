package org.brainj.api.connect;

/**
 * Compressed sparse columns, one column per post-synaptic neuron: the synapses onto post neuron
 * {@code j} are positions {@code indptr[j] .. indptr[j+1]-1}; at position {@code q} the pre
 * neuron is {@code indices[q]}, the synapse id (its position in the {@link Csr}) is {@code
 * synapses[q]}, and the weight is {@code weights[q]} ({@code null} without weights). Within a
 * column the pre neurons are ascending. Shared arrays: read them, do not change them.
 */
public record Csc(int[] indptr, int[] indices, int[] synapses, double[] weights) {
}
