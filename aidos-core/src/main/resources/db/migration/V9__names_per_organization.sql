-- Tenancy: names of datasets, experiments and registered models are unique per organization, not globally, so
-- two organizations can use the same name and neither can learn that the other's exists. Existing rows stay in
-- the organization V7 gave them ('local'). The unique constraints lead with org_id, so they also serve every
-- lookup by (org_id, name).
ALTER TABLE datasets DROP CONSTRAINT datasets_name_unique;
ALTER TABLE datasets ADD CONSTRAINT datasets_org_name_unique UNIQUE (org_id, name);
ALTER TABLE experiments DROP CONSTRAINT experiments_name_unique;
ALTER TABLE experiments ADD CONSTRAINT experiments_org_name_unique UNIQUE (org_id, name);
ALTER TABLE registered_models DROP CONSTRAINT registered_models_name_unique;
ALTER TABLE registered_models ADD CONSTRAINT registered_models_org_name_unique UNIQUE (org_id, name);
