package dev.flipgate.gate;

/** The gate's answer on a candidate. */
public enum Verdict {
  PROMOTE,
  BLOCK
}
