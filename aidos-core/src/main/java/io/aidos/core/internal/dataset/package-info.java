/**
 * Datasets on the JDBC store: streaming CSV / JSON Lines import with type inference and statistics in one pass,
 * a canonical content-addressed encoding, reproducible splits. Internal.
 */
package io.aidos.core.internal.dataset;
