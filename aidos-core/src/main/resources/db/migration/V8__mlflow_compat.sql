-- What the MLflow-compatible API needs beyond V1-V6 (experiment and run lifecycle stages and experiment tags
-- exist since V1). Model versions get MLflow's source URI, an update time and a soft delete: a deleted version
-- keeps its row so that its number is never handed out again, as in MLflow.
ALTER TABLE model_versions ADD COLUMN source VARCHAR(1000);
ALTER TABLE model_versions ADD COLUMN updated_at BIGINT;
ALTER TABLE model_versions ADD COLUMN deleted_at BIGINT;
CREATE INDEX experiments_by_update ON experiments (lifecycle_stage, updated_at);
