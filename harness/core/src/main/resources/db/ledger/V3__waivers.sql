-- Waivers: the reasons a waiver in force accepted are kept with the run's reasons, marked waived
-- (they did not block), and every waiver of waivers.yaml is kept with what it did in the run:
-- applied, expired (it matched a reason but no longer held) or stale (it matched nothing).
ALTER TABLE gate_reason ADD COLUMN waived INTEGER NOT NULL DEFAULT 0;

CREATE TABLE gate_waiver (
  run_id VARCHAR(300) NOT NULL REFERENCES gate_run (run_id),
  position INTEGER NOT NULL,
  status VARCHAR(10) NOT NULL,
  file VARCHAR(300) NOT NULL,
  line INTEGER NOT NULL,
  rule VARCHAR(100),
  slice VARCHAR(300),
  perturbation VARCHAR(300),
  examples TEXT,
  owner VARCHAR(300) NOT NULL,
  reason TEXT NOT NULL,
  ticket VARCHAR(2000) NOT NULL,
  expires VARCHAR(10) NOT NULL,
  reasons_matched INTEGER NOT NULL,
  PRIMARY KEY (run_id, position)
);
