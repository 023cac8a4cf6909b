-- The content hash of a dataset version covers its column types; the stored file is named by the hash of its
-- bytes alone. Keep the file's name beside the version.
ALTER TABLE dataset_versions ADD COLUMN blob_sha256 VARCHAR(64);
