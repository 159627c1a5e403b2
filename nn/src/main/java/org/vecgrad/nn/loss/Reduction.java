package org.vecgrad.nn.loss;

/** How per-sample losses combine into the scalar the optimiser sees. */
public enum Reduction {
  /** Summed over the batch (the lectures' {@code ½‖Wθ − y‖²}). */
  SUM,
  /** Averaged over the batch rows, so the step size does not depend on the batch size. */
  MEAN
}
