/**
 * What plug-in catalogs (models, connectors) share to describe themselves: their parameters
 * ({@link org.brainj.api.spi.ParamSpec}), a validated view of the values a user gave
 * ({@link org.brainj.api.spi.Parameters}), and the error for a bad value.
 */
@Export
@Version("0.1.0")
package org.brainj.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
