/**
 * Deployments on the embedded store: replicas with bounded queues, power-of-two-choices balancing, dynamic batching,
 * autoscaling, canary / A/B / shadow traffic plans, and their stored state.
 */
package io.aidos.serving.internal.deploy;
