/** The remote HTTP backend — filled by the server/client issue. */
package io.aidos.client;
