package org.vecgrad.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed {@code --name value} and {@code --flag} options of a command, with typed getters that name
 * the option in their errors.
 */
public final class Options {
  private final Map<String, String> values = new LinkedHashMap<>();
  private final List<String> positional = new ArrayList<>();

  /** Parses {@code args}: {@code --key value}, {@code --key=value} or a bare {@code --flag}. */
  public static Options parse(String[] args) {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--")) {
        String key = a.substring(2);
        int eq = key.indexOf('=');
        if (eq >= 0) {
          o.values.put(key.substring(0, eq), key.substring(eq + 1));
        } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
          o.values.put(key, args[++i]);
        } else {
          o.values.put(key, "true");
        }
      } else {
        o.positional.add(a);
      }
    }
    return o;
  }

  /** True if the option was given. */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** The option as text, or the default. */
  public String get(String key, String dflt) {
    return values.getOrDefault(key, dflt);
  }

  /** The option as a number, or the default. */
  public double getDouble(String key, double dflt) {
    String v = values.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + ": expected a number, got '" + v + "'");
    }
  }

  /** The option as an integer, or the default. */
  public int getInt(String key, int dflt) {
    String v = values.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + ": expected an integer, got '" + v + "'");
    }
  }

  /** Arguments that are not options, in order. */
  public List<String> positional() {
    return List.copyOf(positional);
  }

  /**
   * Fails on an option the command does not know (a typo should not be silently ignored).
   *
   * @throws IllegalArgumentException naming the unknown option and the known ones
   */
  public void requireOnly(String command, Set<String> known) {
    for (String k : values.keySet()) {
      if (!known.contains(k) && !k.equals("help")) {
        throw new IllegalArgumentException(
            command + ": unknown option --" + k + " (known: " + known + ")");
      }
    }
  }
}
