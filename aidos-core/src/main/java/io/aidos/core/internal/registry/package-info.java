/** The model registry on the JDBC store. Internal. */
package io.aidos.core.internal.registry;
