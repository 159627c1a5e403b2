package org.vecgrad.nn.train;

import java.io.PrintStream;

/**
 * Progress of the steps of one epoch. {@link #auto} picks a live bar on an interactive terminal and
 * plain, occasional log lines otherwise (CI logs, pipes, files), where carriage returns and ANSI
 * colours would only make noise.
 */
public interface Progress {
  /** A new task of {@code total} steps begins. */
  void start(String task, long total);

  /** {@code done} of the steps are finished; {@code message} is a short status (loss, speed). */
  void update(long done, String message);

  /** The task is over. */
  void finish();

  /**
   * A terminal progress bar (me.tongfei progressbar) when {@code System.console() != null}, plain
   * log lines on {@code out} otherwise.
   */
  static Progress auto(PrintStream out) {
    return System.console() != null ? new TerminalProgress(out) : new LogProgress(out, 4);
  }

  /** Reports nothing. */
  static Progress none() {
    return new Progress() {
      @Override
      public void start(String task, long total) {}

      @Override
      public void update(long done, String message) {}

      @Override
      public void finish() {}
    };
  }
}
