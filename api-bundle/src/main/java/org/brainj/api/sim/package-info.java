/**
 * The simulation runtime: neuron groups, projections with delays, inputs, monitors and
 * networks that run their loop inside a {@link org.brainj.api.tensor.Backend}.
 *
 * <p>Time: the runtime never converts units. Durations, {@code dt}, delays and refractory
 * periods are in the time unit the models' equations use (ms for BrainPy-style unitless
 * models). The conventions are Brian2's, so that a model written in Brian2's terms gives
 * Brian2's numbers exactly (Brian2's own feature tests check this in the examples module),
 * except where a model keeps NEST's {@link TimeConvention} (the models under NEST's names), which
 * changes the spike stamp and the refractory count only:
 * <ul>
 * <li>Step {@code k} advances the state from {@code t_k = k dt} to {@code t_(k+1)}; a neuron
 *     whose threshold is crossed by that update spikes with time index {@code k}, time
 *     {@code t_k}, the start of the step ({@code SpikeMonitor}, {@code t_last_spike}); under
 *     NEST's convention with time index {@code k + 1}, the step's end.
 * <li>A spike of step {@code k} with delay {@code D dt} is delivered after the update of step
 *     {@code k + D}, in that step (Brian2's {@code synapses} slot; delay 0: in the step of the
 *     spike), so the next update and the records of the next step see it.
 * <li>A refractory period {@code t_ref} keeps a neuron refractory until {@code floor(t_ref / dt)}
 *     steps have passed since its spike: Brian2's {@code refractory=5*ms} at {@code dt = 0.1 ms}
 *     holds the 49 steps after the spiking one; NEST's clamps {@code ceil(t_ref / dt)} steps after it.
 * <li>State monitors record, at step {@code k}, the state at {@code t_k} before the update
 *     (after inputs and deliveries): the first record is the initial state.
 * <li>Event times of generators ({@code Input.events}, {@code SpikeTimeGroup}) are floored to
 *     the step ({@code floor(t / dt + 1e-3)}, Brian2's {@code timestep}).
 * </ul>
 * Delivery is the same under both conventions: a spike acts {@code D} steps after the step that crossed.
 */
@Export
@Version("0.5.0")
package org.brainj.api.sim;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
