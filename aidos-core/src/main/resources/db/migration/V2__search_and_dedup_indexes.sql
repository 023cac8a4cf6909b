-- Speeds up searchRuns filters on a metric across runs, and finding a dataset version by content.
CREATE INDEX latest_metrics_by_key_value ON latest_metrics (metric_key, metric_value);
CREATE INDEX dataset_versions_by_hash ON dataset_versions (content_hash);
