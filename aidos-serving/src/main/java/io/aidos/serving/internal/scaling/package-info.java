/**
 * Replica counts for autoscaled deployments, on Knative's pod autoscaler (KPA): the average in-flight requests over
 * a stable and a panic window divided by the target concurrency, with panic mode, rate limits and a scale-down
 * delay. Pure computation over observations and an injected time; the deployment runtime does the ticking and the
 * starting and draining of replicas.
 */
package io.aidos.serving.internal.scaling;
