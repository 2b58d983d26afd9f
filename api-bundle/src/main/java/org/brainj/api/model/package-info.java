/**
 * Models from text, as Brian2 users write them: {@link org.brainj.api.model.NeuronText} reads
 * equations with units and flags, threshold, reset and refractoriness, checks them in one
 * grammar and one unit system ({@link org.brainj.api.units.Coherent}), and makes the runtime's
 * model; {@link org.brainj.api.model.SynapseText} does the same for Brian2's synapses
 * ({@code model}, {@code on_pre}, {@code on_post}). Every entry point (spec files,
 * {@code brainj integrate}, Java programs) goes through it. A library of synapse models is
 * offered as {@link org.brainj.api.model.SynapseModelFactory} services ({@code synapse.name}).
 */
@Export
@Version("0.6.0")
package org.brainj.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
