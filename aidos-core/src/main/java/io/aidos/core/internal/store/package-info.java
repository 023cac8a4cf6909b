/** The JDBC store: connection pool, dialects, migrations and SQL error translation. Internal. */
package io.aidos.core.internal.store;
