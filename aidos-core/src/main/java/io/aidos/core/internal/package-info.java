/** Implementation of the in-process backend. Not API: may change in any release. */
package io.aidos.core.internal;
