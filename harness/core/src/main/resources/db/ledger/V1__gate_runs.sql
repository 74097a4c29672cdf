-- The promotion ledger: every gate run with a verdict, its reasons, its slices' metrics and the
-- examples that flipped. Portable SQL: the same script runs on SQLite and PostgreSQL.
CREATE TABLE gate_run (
  run_id VARCHAR(300) PRIMARY KEY,
  suite VARCHAR(1000) NOT NULL,
  suite_sha256 VARCHAR(64) NOT NULL,
  golden_set_name VARCHAR(300) NOT NULL,
  golden_set_version VARCHAR(100) NOT NULL,
  golden_set_sha256 VARCHAR(64) NOT NULL,
  deployed_name VARCHAR(300) NOT NULL,
  deployed_kind VARCHAR(50) NOT NULL,
  deployed_sha256 VARCHAR(64),
  candidate_name VARCHAR(300) NOT NULL,
  candidate_kind VARCHAR(50) NOT NULL,
  candidate_sha256 VARCHAR(64),
  verdict VARCHAR(10) NOT NULL,
  started_at VARCHAR(40) NOT NULL,
  finished_at VARCHAR(40) NOT NULL,
  harness_version VARCHAR(50) NOT NULL,
  seed BIGINT NOT NULL,
  negative_flips BIGINT NOT NULL,
  positive_flips BIGINT NOT NULL,
  ran_by VARCHAR(300) NOT NULL,
  ran_where VARCHAR(2000) NOT NULL
);
CREATE INDEX gate_run_by_suite ON gate_run (suite, started_at);

CREATE TABLE gate_reason (
  run_id VARCHAR(300) NOT NULL REFERENCES gate_run (run_id),
  position INTEGER NOT NULL,
  rule VARCHAR(100) NOT NULL,
  slice VARCHAR(300),
  example VARCHAR(300),
  perturbation VARCHAR(300),
  message TEXT NOT NULL,
  PRIMARY KEY (run_id, position)
);

CREATE TABLE gate_slice (
  run_id VARCHAR(300) NOT NULL REFERENCES gate_run (run_id),
  slice VARCHAR(300) NOT NULL,
  position INTEGER NOT NULL,
  n BIGINT NOT NULL,
  negative_flips BIGINT NOT NULL,
  positive_flips BIGINT NOT NULL,
  PRIMARY KEY (run_id, slice)
);

CREATE TABLE slice_metric (
  run_id VARCHAR(300) NOT NULL REFERENCES gate_run (run_id),
  slice VARCHAR(300) NOT NULL,
  metric VARCHAR(100) NOT NULL,
  deployed DOUBLE PRECISION,
  candidate DOUBLE PRECISION,
  delta DOUBLE PRECISION,
  ci_low DOUBLE PRECISION,
  ci_high DOUBLE PRECISION,
  ci_method VARCHAR(100),
  PRIMARY KEY (run_id, slice, metric)
);

CREATE TABLE flipped_example (
  run_id VARCHAR(300) NOT NULL REFERENCES gate_run (run_id),
  example_id VARCHAR(300) NOT NULL,
  kind VARCHAR(10) NOT NULL,
  PRIMARY KEY (run_id, example_id)
);
