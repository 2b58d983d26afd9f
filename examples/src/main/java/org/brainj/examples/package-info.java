/** The reference networks as Java programs on the runtime (COBA, CUBA, HH gamma, Brunel delta). */
package org.brainj.examples;
