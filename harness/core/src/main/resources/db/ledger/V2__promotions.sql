-- Promotions: a PROMOTE run whose candidate became the suite's deployed model of record, with the
-- recording of its answers. A run is promoted at most once (the key). Runs also keep the suite
-- file they gated, so that promote can check the models and golden set still match.
ALTER TABLE gate_run ADD COLUMN suite_file VARCHAR(2000);

CREATE TABLE promotion (
  run_id VARCHAR(300) PRIMARY KEY REFERENCES gate_run (run_id),
  suite VARCHAR(1000) NOT NULL,
  promoted_at VARCHAR(40) NOT NULL,
  promoted_by VARCHAR(300) NOT NULL,
  recording VARCHAR(2000) NOT NULL
);
