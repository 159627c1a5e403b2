package org.vecgrad.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vecgrad.tensor.Tensor;
import org.vecgrad.tensor.TensorFormat;

class ValueFormatterTest {

  @Test
  void scalarsInFull() {
    double third = 1.0 / 3;
    assertEquals(TensorFormat.number(third), ValueFormatter.text(Tensor.scalar(third), 4));
    assertEquals("0.333333", ValueFormatter.html(Tensor.scalar(third), 4));
    assertEquals("20", ValueFormatter.text(Tensor.scalar(20), 4));
  }

  @Test
  void smallTensorsAsMatrices() {
    Tensor m = Tensor.of(new double[][] {{1, 2.5, -3}, {4, 5, 1.0 / 3}});
    assertEquals("[[1, 2.5, -3], [4, 5, 0.3333]]", ValueFormatter.text(m, 6));
    String html = ValueFormatter.html(m, 6);
    assertEquals(2, html.split("<tr>", -1).length - 1, "two rows: " + html);
    assertEquals(6, html.split("<td", -1).length - 1, "six cells: " + html);
    assertEquals("[1, 2]", ValueFormatter.text(Tensor.of(1, 2), 6), "a vector is one row");
    Tensor cube = Tensor.arange(8).reshape(2, 2, 2);
    assertEquals("[[0, 1], [2, 3], [4, 5], [6, 7]]", ValueFormatter.text(cube, 8));
  }

  @Test
  void largeTensorsSummarised() {
    Tensor big = Tensor.arange(-3, 7, 1).reshape(2, 5); // -3 .. 6
    String text = ValueFormatter.text(big, 9);
    double norm = big.norm();
    assertEquals("[2, 5] ‖·‖=" + ValueFormatter.entry(norm) + " min=-3 max=6", text);
    String html = ValueFormatter.html(big, 9);
    assertFalse(html.contains("<table"), html);
    assertTrue(html.contains("min=-3"), html);
    assertTrue(ValueFormatter.html(big, 10).contains("<table"), "at the threshold: a matrix");
  }

  @Test
  void emptyTensorsSayso() {
    Tensor empty = Tensor.zeros(2, 0);
    assertEquals("[2, 0] (empty)", ValueFormatter.text(empty, 16));
    assertEquals("[2, 0] (empty)", ValueFormatter.html(empty, 16));
  }

  @Test
  void entriesHaveFourSignificantDigits() {
    assertEquals("0.1235", ValueFormatter.entry(0.123456));
    assertEquals("-12.5", ValueFormatter.entry(-12.5));
    assertEquals("1.235e-07", ValueFormatter.entry(1.23456e-7));
    assertEquals("7", ValueFormatter.entry(7));
  }

  @Test
  void htmlIsEscaped() {
    assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", Html.escape("a <b> & \"c\""));
    assertTrue(ValueFormatter.summary(Tensor.zeros(3, 3)).startsWith("[3, 3]"));
  }
}
