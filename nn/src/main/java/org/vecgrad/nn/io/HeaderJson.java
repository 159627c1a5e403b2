package org.vecgrad.nn.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subset of JSON a safetensors header uses, read and written by hand (a general JSON library
 * would be a dependency for forty lines of grammar).
 *
 * <p>Supported: objects (keys are strings; a repeated key is an error), arrays, strings with all
 * JSON escapes ({@code \" \\ \/ \b \f \n \r \t \\uXXXX}), integers (optional minus sign, no
 * fraction or exponent), and whitespace. Not supported, and rejected with the offset of the
 * offending character: numbers with fraction or exponent, {@code true}, {@code false}, {@code
 * null}. Safetensors headers never need them: dtypes and metadata are strings, shapes and offsets
 * integers. Values come back as {@code Map<String, Object>} (insertion-ordered), {@code
 * List<Object>}, {@code String} and {@code Long}.
 */
final class HeaderJson {
  private static final int MAX_DEPTH = 8;
  private final String s;
  private int pos;

  private HeaderJson(String s) {
    this.s = s;
  }

  /**
   * Parses a complete document.
   *
   * @throws IllegalArgumentException naming the offset and what was expected
   */
  static Object parse(String text) {
    HeaderJson p = new HeaderJson(text);
    p.skipWs();
    Object v = p.value(0);
    p.skipWs();
    if (p.pos != text.length()) {
      throw p.error("end of the header");
    }
    return v;
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("JSON header: nested deeper than " + MAX_DEPTH);
    }
    if (pos >= s.length()) {
      throw error("a value");
    }
    char c = s.charAt(pos);
    if (c == '{') {
      return object(depth);
    }
    if (c == '[') {
      return array(depth);
    }
    if (c == '"') {
      return string();
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      return integer();
    }
    throw error("an object, array, string or integer (this reader supports only those)");
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> m = new LinkedHashMap<>();
    pos++; // {
    skipWs();
    if (peek() == '}') {
      pos++;
      return m;
    }
    while (true) {
      skipWs();
      if (peek() != '"') {
        throw error("a string key");
      }
      int keyAt = pos;
      String key = string();
      skipWs();
      expect(':');
      skipWs();
      Object v = value(depth + 1);
      if (m.put(key, v) != null) {
        throw new IllegalArgumentException(
            "JSON header: duplicate key \"" + key + "\" at offset " + keyAt);
      }
      skipWs();
      char c = peek();
      pos++;
      if (c == '}') {
        return m;
      }
      if (c != ',') {
        pos--;
        throw error("',' or '}'");
      }
    }
  }

  private List<Object> array(int depth) {
    List<Object> a = new ArrayList<>();
    pos++; // [
    skipWs();
    if (peek() == ']') {
      pos++;
      return a;
    }
    while (true) {
      skipWs();
      a.add(value(depth + 1));
      skipWs();
      char c = peek();
      pos++;
      if (c == ']') {
        return a;
      }
      if (c != ',') {
        pos--;
        throw error("',' or ']'");
      }
    }
  }

  private String string() {
    pos++; // opening quote
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= s.length()) {
        throw error("a closing '\"'");
      }
      char c = s.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        pos--;
        throw error("no raw control character inside a string");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= s.length()) {
        throw error("an escape character");
      }
      char e = s.charAt(pos++);
      switch (e) {
        case '"':
        case '\\':
        case '/':
          sb.append(e);
          break;
        case 'b':
          sb.append('\b');
          break;
        case 'f':
          sb.append('\f');
          break;
        case 'n':
          sb.append('\n');
          break;
        case 'r':
          sb.append('\r');
          break;
        case 't':
          sb.append('\t');
          break;
        case 'u':
          if (pos + 4 > s.length()) {
            throw error("four hex digits");
          }
          try {
            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
          } catch (NumberFormatException ex) {
            throw error("four hex digits");
          }
          pos += 4;
          break;
        default:
          pos--;
          throw error("a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
      }
    }
  }

  private Long integer() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    int digits = pos;
    while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
      pos++;
    }
    if (pos == digits) {
      throw error("a digit");
    }
    if (pos < s.length()
        && (s.charAt(pos) == '.' || s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
      throw error("an integer (fractions and exponents are not supported)");
    }
    try {
      return Long.parseLong(s.substring(start, pos));
    } catch (NumberFormatException e) {
      pos = start;
      throw error("an integer that fits in 64 bits");
    }
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("'" + c + "'");
    }
    pos++;
  }

  private char peek() {
    return pos < s.length() ? s.charAt(pos) : '\0';
  }

  private void skipWs() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private IllegalArgumentException error(String expected) {
    String found = pos >= s.length() ? "the end of the header" : "'" + s.charAt(pos) + "'";
    return new IllegalArgumentException(
        "JSON header: expected " + expected + " at offset " + pos + ", found " + found);
  }

  /** {@code "text"} with JSON escapes. */
  static String quote(String text) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
