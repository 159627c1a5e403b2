package org.vecgrad.testing;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.vecgrad.autodiff.Op;
import org.vecgrad.autodiff.op.Abs;

/**
 * Which op classes the catalogue covers: every concrete public class of {@code
 * org.vecgrad.autodiff.op} implementing {@link Op} must be the {@link OpSpec#opClass()} of an
 * entry.
 */
public final class OpCoverage {
  private static final String PACKAGE = Abs.class.getPackageName();

  private OpCoverage() {}

  /**
   * The concrete public op classes of {@code org.vecgrad.autodiff.op}, found by listing the package
   * in the class-path directory or jar it was loaded from.
   */
  public static List<Class<? extends Op>> opClasses() {
    List<String> names = classNames();
    List<Class<? extends Op>> out = new ArrayList<>();
    for (String n : names) {
      Class<?> c;
      try {
        c = Class.forName(PACKAGE + "." + n, false, Abs.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("coverage: cannot load " + n, e);
      }
      int m = c.getModifiers();
      if (Op.class.isAssignableFrom(c)
          && Modifier.isPublic(m)
          && !Modifier.isAbstract(m)
          && !c.isInterface()) {
        out.add(c.asSubclass(Op.class));
      }
    }
    out.sort(Comparator.comparing(Class::getSimpleName));
    return out;
  }

  /** The classes among {@code classes} that no entry of {@code specs} covers. */
  public static List<Class<? extends Op>> missing(
      Collection<Class<? extends Op>> classes, Collection<OpSpec> specs) {
    Set<Class<?>> covered =
        specs.stream().map(OpSpec::opClass).filter(c -> c != null).collect(Collectors.toSet());
    return classes.stream().filter(c -> !covered.contains(c)).toList();
  }

  /** The op classes of the library without a catalogue entry (empty when all are covered). */
  public static List<Class<? extends Op>> missing() {
    return missing(opClasses(), OpCatalog.all());
  }

  private static List<String> classNames() {
    try {
      Path where = Path.of(Abs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      String dir = PACKAGE.replace('.', '/');
      if (Files.isDirectory(where)) {
        try (Stream<Path> files = Files.list(where.resolve(dir))) {
          return files
              .map(p -> p.getFileName().toString())
              .filter(OpCoverage::topLevel)
              .map(OpCoverage::strip)
              .toList();
        }
      }
      try (var jar = new java.util.jar.JarFile(where.toFile())) {
        return jar.stream()
            .map(java.util.jar.JarEntry::getName)
            .filter(n -> n.startsWith(dir + "/") && n.indexOf('/', dir.length() + 1) < 0)
            .map(n -> n.substring(dir.length() + 1))
            .filter(OpCoverage::topLevel)
            .map(OpCoverage::strip)
            .toList();
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("coverage: cannot list package " + PACKAGE, e);
    }
  }

  private static boolean topLevel(String file) {
    return file.endsWith(".class") && !file.contains("$") && !file.equals("package-info.class");
  }

  private static String strip(String file) {
    return file.substring(0, file.length() - ".class".length());
  }
}
