package org.vecgrad.nn.train;

import java.io.PrintStream;

/**
 * Progress as a few plain lines per task ({@code train epoch 2/5: 50% (235/469) loss 0.41}), for
 * logs that are not terminals: no carriage returns, no colours.
 */
public final class LogProgress implements Progress {
  private final PrintStream out;
  private final int linesPerTask;
  private String task;
  private long total;
  private int printed;

  /** Prints to {@code out} about {@code linesPerTask} times per task (at least once at the end). */
  public LogProgress(PrintStream out, int linesPerTask) {
    if (linesPerTask < 1) {
      throw new IllegalArgumentException(
          "LogProgress: linesPerTask must be >= 1, got " + linesPerTask);
    }
    this.out = out;
    this.linesPerTask = linesPerTask;
  }

  @Override
  public void start(String task, long total) {
    this.task = task;
    this.total = Math.max(total, 1);
    this.printed = 0;
  }

  @Override
  public void update(long done, String message) {
    // print when crossing the next 1/linesPerTask of the task
    int due = (int) (done * linesPerTask / total);
    if (due > printed) {
      printed = due;
      out.printf("%s: %3d%% (%d/%d) %s%n", task, 100 * done / total, done, total, message);
    }
  }

  @Override
  public void finish() {
    task = null;
  }
}
