/** The AI-DOS server and CLI — filled by the server/client issue. */
package io.aidos.server;
