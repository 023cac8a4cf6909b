/** Experiment tracking on the JDBC store: runs, params, tags, buffered metrics, artifacts. Internal. */
package io.aidos.core.internal.tracking;
