package org.vecgrad.nn;

import java.util.Map;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;

/**
 * Modules applied one after another, {@code F = F_L ∘ … ∘ F_1} (lecture 001's composition). Each
 * child records inside its own tape scope, named as registered ({@code fc1}, {@code relu1}, or the
 * index for {@link #of}).
 */
public class Sequential extends Module {
  /** An empty sequence; fill it with {@link #add}. */
  public Sequential() {}

  /** The modules in order, named {@code 0, 1, 2, …} as in PyTorch. */
  public static Sequential of(Module... modules) {
    Sequential s = new Sequential();
    for (int i = 0; i < modules.length; i++) {
      s.add(Integer.toString(i), modules[i]);
    }
    return s;
  }

  /** Appends a named module; returns this for chaining. */
  public Sequential add(String name, Module m) {
    addModule(name, m);
    return this;
  }

  @Override
  public Var forward(Tape tape, Var x) {
    Var h = x;
    for (Map.Entry<String, Module> e : children().entrySet()) {
      h = callChild(tape, e.getKey(), e.getValue(), h);
    }
    return h;
  }
}
