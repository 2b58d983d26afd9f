/**
 * Physical units for equations and parameters: Brian2-style unit names ({@code mV}, {@code nS},
 * {@code ms}, {@code amp/meter**2}) read into JSR 385 units of Indriya, quantities such as
 * {@code 20 ms} read and converted to SI doubles.
 */
@Export
@Version("0.3.0")
package org.brainj.api.units;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
