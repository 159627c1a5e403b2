package org.vecgrad.viz;

import static org.vecgrad.autodiff.Ops.*;

import org.junit.jupiter.api.Test;
import org.vecgrad.autodiff.*;

class ScratchTest {
  @Test
  void print() {
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", 2);
      Var y = tape.variable("y", 3);
      Var f = mul(square(x), add(x, y)).named("F");
      Gradients g = tape.backward(f).keepAll().run();
      GraphModel m = GraphModel.of(tape, f, g);
      System.out.println(DotRenderer.render(m, VizOptions.builder().backward(true).build()));
    }
  }
}
