/**
 * Teaching pictures of a tape: forward values, adjoints and the backward graph.
 *
 * <p>{@link org.vecgrad.viz.GraphModel} reads a recorded {@link org.vecgrad.autodiff.Tape} (and,
 * optionally, the cotangents of a {@code keepAll()} reverse sweep) into nodes and data-flow edges;
 * {@link org.vecgrad.viz.DotRenderer} turns the model into DOT text under {@link
 * org.vecgrad.viz.VizOptions}; {@link org.vecgrad.viz.ImageRenderer} draws SVG and PNG with
 * Graphviz's {@code dot}; {@link org.vecgrad.viz.StepFrames} and {@link
 * org.vecgrad.viz.StepThroughHtml} turn the reverse sweep into a series of pictures, one per node,
 * on one self-contained HTML page.
 *
 * <pre>{@code
 * try (Tape tape = new Tape()) {
 *   Var x = tape.variable("x", 2), y = tape.variable("y", 3);
 *   Var f = mul(square(x), add(x, y)).named("F");
 *   Gradients g = tape.backward(f).keepAll().run();
 *   GraphModel model = GraphModel.of(tape, f, g);
 *   String dot = DotRenderer.render(model, VizOptions.builder().backward(true).build());
 * }
 * }</pre>
 *
 * Node ids are tape indices ({@code n7}) and attributes are written in a fixed order, so the DOT
 * text of a tape is reproducible and can be compared against a golden file.
 */
package org.vecgrad.viz;
