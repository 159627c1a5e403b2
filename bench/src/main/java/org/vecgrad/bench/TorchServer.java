package org.vecgrad.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code bench/torch/anchors.py --serve}, kept running for {@link TorchAnchors#round}: one line to
 * it (a key), one line back (that key's figure over one round). Its standard error goes to a file,
 * whose last lines go into the message when it fails. Each answer is awaited at most {@link
 * #TIMEOUT_MINUTES} (the first round of a key includes its set-up and warm-up).
 */
final class TorchServer implements AutoCloseable {
  private static final long TIMEOUT_MINUTES = 10;

  private final List<String> command;
  private final Process process;
  private final BufferedWriter requests;
  private final BufferedReader answers;
  private final Path errors;
  private final ExecutorService reader =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "torch-anchors-reader");
            t.setDaemon(true);
            return t;
          });

  private TorchServer(List<String> command, Process process, Path errors) {
    this.command = command;
    this.process = process;
    this.errors = errors;
    this.requests =
        new BufferedWriter(
            new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.answers =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /**
   * Starts {@code command}.
   *
   * @throws IllegalStateException if it cannot start
   */
  static TorchServer start(List<String> command) {
    Path errors = null;
    try {
      errors = Files.createTempFile("vecgrad-torch-server", ".txt");
      Process p = new ProcessBuilder(command).redirectError(errors.toFile()).start();
      return new TorchServer(command, p, errors);
    } catch (IOException e) {
      deleteQuietly(errors);
      throw TorchAnchors.failure(command, "could not start: " + e.getMessage(), List.of());
    }
  }

  /**
   * The lines the script prints before it takes requests (its {@code threads}, {@code blas_threads}
   * and {@code torch} lines), up to its {@code ready}.
   *
   * @throws IllegalStateException if it ends or times out first
   */
  List<String> header() {
    List<String> lines = new ArrayList<>();
    for (String line = next("start"); !line.equals("ready"); line = next("start")) {
      lines.add(line);
    }
    return lines;
  }

  /**
   * Sends {@code key} and returns the script's answer line.
   *
   * @throws IllegalStateException if it ends or times out first
   */
  String ask(String key) {
    try {
      requests.write(key);
      requests.newLine();
      requests.flush();
    } catch (IOException e) {
      throw failure("does not take requests (" + e.getMessage() + ") for " + key);
    }
    return next(key);
  }

  /** The next line of the script's output; {@code what} names the request in a failure. */
  private String next(String what) {
    Future<String> line = reader.submit(answers::readLine);
    try {
      String s = line.get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
      if (s == null) {
        throw failure("ended before answering " + what);
      }
      return s;
    } catch (TimeoutException e) {
      process.destroyForcibly();
      throw failure("did not answer " + what + " in " + TIMEOUT_MINUTES + " minutes");
    } catch (ExecutionException e) {
      throw failure("could not be read (" + e.getCause() + ") for " + what);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("interrupted while waiting for " + what);
    }
  }

  /** A failure naming the command, with the last lines of its standard error. */
  IllegalStateException failure(String what) {
    List<String> err = List.of();
    try {
      if (!process.isAlive() || process.waitFor(2, TimeUnit.SECONDS)) {
        err = Files.readAllLines(errors, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      err = List.of("(its standard error could not be read: " + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return TorchAnchors.failure(command, what, err);
  }

  /** Ends the script (an empty line, then its end of input) and waits briefly for it. */
  @Override
  public void close() {
    try {
      requests.newLine();
      requests.close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      reader.shutdownNow();
      deleteQuietly(errors);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a temporary file left behind is harmless
    }
  }
}
