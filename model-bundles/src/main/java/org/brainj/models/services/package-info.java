/** The spike sources written in Java as Declarative Services components, one per {@code model.name}. */
package org.brainj.models.services;
