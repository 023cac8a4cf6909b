/**
 * The MLflow Tracking REST API under {@code /api/2.0/mlflow/}: experiments, runs, metrics, params, tags, registered
 * models and model versions, with MLflow's field names, limits and error body
 * ({@code {"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "..."}}), over the same store as the AI-DOS API.
 * Register it on a Javalin 7 config with {@link io.aidos.server.internal.mlflow.MlflowApi#register}. See
 * {@code docs/mlflow.md}.
 */
package io.aidos.server.internal.mlflow;
