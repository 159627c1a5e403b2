package org.vecgrad.nn.train;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A live progress bar on the terminal (me.tongfei progressbar). It is redrawn in place with a
 * carriage return on the same stream as the epoch log lines, and closed before the trainer prints
 * one, so the two never overwrite each other (the library's default multi-bar consumer moves the
 * cursor up a line and would draw over the log).
 */
public final class TerminalProgress implements Progress {
  private final PrintStream out;
  private ProgressBar bar;

  /** A bar drawn on {@code out} (a terminal). */
  public TerminalProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public void start(String task, long total) {
    finish();
    bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
            .setUpdateIntervalMillis(200)
            .setConsumer(new ConsoleProgressBarConsumer(out))
            .build();
  }

  @Override
  public void update(long done, String message) {
    if (bar != null) {
      bar.stepTo(done);
      bar.setExtraMessage(message);
    }
  }

  @Override
  public void finish() {
    if (bar != null) {
      bar.close();
      bar = null;
      out.flush();
    }
  }
}
