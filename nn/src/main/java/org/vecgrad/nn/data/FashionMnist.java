package org.vecgrad.nn.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Fashion-MNIST (Xiao, Rasul &amp; Vollgraf 2017): 70 000 grey 28×28 images of clothing in 10
 * classes, 60 000 for training and 10 000 for testing, in IDX files.
 *
 * <p>Debian's {@code dataset-fashion-mnist} package installs them under {@link #DEFAULT_DIR} as
 * {@code train-images-idx3-ubyte.gz}, {@code train-labels-idx1-ubyte.gz}, {@code
 * t10k-images-idx3-ubyte.gz} and {@code t10k-labels-idx1-ubyte.gz}; uncompressed files (the same
 * names without {@code .gz}) are accepted too. Images come back flattened to 784 features with
 * pixel values scaled to {@code [0, 1]}.
 */
public final class FashionMnist {
  /** Where Debian's package puts the files. */
  public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");

  /** The class names, by label. */
  public static final List<String> CLASS_NAMES =
      List.of(
          "T-shirt/top",
          "Trouser",
          "Pullover",
          "Dress",
          "Coat",
          "Sandal",
          "Shirt",
          "Sneaker",
          "Bag",
          "Ankle boot");

  private FashionMnist() {}

  /** The training and test sets. */
  public static final class Data {
    private final Dataset train;
    private final Dataset test;

    Data(Dataset train, Dataset test) {
      this.train = train;
      this.test = test;
    }

    /** The 60 000 training images. */
    public Dataset train() {
      return train;
    }

    /** The 10 000 test images. */
    public Dataset test() {
      return test;
    }
  }

  /**
   * Loads both sets from {@code dir}.
   *
   * @throws DatasetNotFoundException if a file is missing, with instructions to install it
   * @throws IllegalArgumentException if a file is corrupt or images and labels disagree
   */
  public static Data load(Path dir) throws IOException {
    Dataset train = load(dir, "train");
    Dataset test = load(dir, "t10k");
    return new Data(train, test);
  }

  /** Loads one set ({@code train} or {@code t10k}) from {@code dir}. */
  public static Dataset load(Path dir, String prefix) throws IOException {
    IdxArray images = Idx.read(locate(dir, prefix + "-images-idx3-ubyte"));
    IdxArray labels = Idx.read(locate(dir, prefix + "-labels-idx1-ubyte"));
    int[] dims = images.dims();
    if (dims.length != 3 || labels.dims().length != 1 || labels.dims()[0] != dims[0]) {
      throw new IllegalArgumentException(
          "Fashion-MNIST in "
              + dir
              + ": "
              + prefix
              + " images "
              + Arrays.toString(dims)
              + " and labels "
              + Arrays.toString(labels.dims())
              + " do not match (expected [n, 28, 28] and [n])");
    }
    double[] pixels = images.values();
    double[] scaled = new double[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      scaled[i] = pixels[i] / 255.0;
    }
    Tensor x = Tensor.wrap(Shape.of(dims[0], dims[1] * dims[2]), scaled);
    return new Dataset(x, labels.asInts(), CLASS_NAMES.size());
  }

  private static Path locate(Path dir, String base) {
    for (String name : new String[] {base + ".gz", base}) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new DatasetNotFoundException(
        "Fashion-MNIST not found: no "
            + base
            + "[.gz] in "
            + dir
            + ". Install Debian's package (apt-get install dataset-fashion-mnist, which puts the"
            + " files in "
            + DEFAULT_DIR
            + "), or download the four *-ubyte.gz files from"
            + " https://github.com/zalandoresearch/fashion-mnist into a directory and pass it"
            + " (--data-dir DIR), or use --dataset synthetic.");
  }

  /** Thrown when the dataset files are absent; the message says how to get them. */
  public static final class DatasetNotFoundException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    DatasetNotFoundException(String message) {
      super(message);
    }
  }
}
