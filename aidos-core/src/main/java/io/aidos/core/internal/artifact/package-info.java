/** Content-addressed artifact storage. Internal. */
package io.aidos.core.internal.artifact;
