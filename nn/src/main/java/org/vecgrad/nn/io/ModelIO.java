package org.vecgrad.nn.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vecgrad.nn.Module;
import org.vecgrad.nn.Parameter;
import org.vecgrad.tensor.Tensor;

/**
 * Saves and loads a model's parameters as a safetensors file ({@link SafeTensors}), one tensor per
 * parameter under its dotted name ({@code fc1.weight}), with metadata {@code format = vecgrad}.
 *
 * <p>Loading is all or nothing: the file is read and validated completely, then compared with the
 * model (missing names, unexpected names, shapes, dtypes — every mismatch is listed), and only when
 * everything agrees are the parameters replaced. A failed load leaves the model untouched.
 */
public final class ModelIO {
  private ModelIO() {}

  /** Saves every parameter of {@code model} to {@code file} (atomically), with extra metadata. */
  public static void save(Module model, Path file, Map<String, String> metadata)
      throws IOException {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
      tensors.put(e.getKey(), e.getValue().value());
    }
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", "vecgrad");
    meta.putAll(metadata);
    SafeTensors.write(file, tensors, meta);
  }

  /** Saves with no extra metadata. */
  public static void save(Module model, Path file) throws IOException {
    save(model, file, Map.of());
  }

  /**
   * Replaces every parameter of {@code model} with the values in {@code file}.
   *
   * @return the file's metadata
   * @throws ModelFileException if the file is unreadable, corrupt, or does not match the model; the
   *     model is then unchanged
   */
  public static Map<String, String> load(Module model, Path file) throws IOException {
    SafeTensors.Contents c = SafeTensors.read(file);
    Map<String, Parameter> params = model.namedParameters();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Parameter> e : params.entrySet()) {
      Tensor t = c.tensors().get(e.getKey());
      Tensor v = e.getValue().value();
      if (t == null) {
        problems.add("missing " + e.getKey() + " " + v.dtype() + v.shape());
      } else if (!t.shape().equals(v.shape()) || t.dtype() != v.dtype()) {
        problems.add(
            e.getKey()
                + " is "
                + t.dtype()
                + t.shape()
                + " in the file but "
                + v.dtype()
                + v.shape()
                + " in the model");
      }
    }
    for (String name : c.tensors().keySet()) {
      if (!params.containsKey(name)) {
        problems.add("unexpected " + name);
      }
    }
    if (!problems.isEmpty()) {
      throw new ModelFileException(
          "parameter file "
              + file
              + " does not match the model ("
              + problems.size()
              + " problem"
              + (problems.size() > 1 ? "s" : "")
              + "; nothing was loaded): "
              + String.join("; ", problems));
    }
    for (Map.Entry<String, Parameter> e : params.entrySet()) {
      e.getValue().set(c.tensors().get(e.getKey()));
    }
    return c.metadata();
  }
}
