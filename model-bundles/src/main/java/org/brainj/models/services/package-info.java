/** The neuron models as Declarative Services components, one per {@code model.name}. */
package org.brainj.models.services;
