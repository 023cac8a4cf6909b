/** The HTTP endpoints of deployments: Open Inference Protocol v2 and MLflow's scoring protocol, on Javalin. */
package io.aidos.serving.internal.http;
