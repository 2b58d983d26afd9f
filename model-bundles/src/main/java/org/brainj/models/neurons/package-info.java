/**
 * Java access to the catalog's neuron models ({@link org.brainj.models.neurons.Neurons}, read
 * from the model files) and the spike sources the model language cannot say
 * ({@link org.brainj.models.neurons.PoissonGroup}, {@link org.brainj.models.neurons.SpikeTimeGroup}).
 */
@Export
@Version("0.2.0")
package org.brainj.models.neurons;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
