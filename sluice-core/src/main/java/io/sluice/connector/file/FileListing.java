package io.sluice.connector.file;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the paths given to a file source into the data files to read, as Spark does: a path is a
 * file, a directory (its files; with {@code recursiveFileLookup} also those of its sub-directories)
 * or a glob in any segment. Files and directories whose names start with {@code _} (unless they
 * hold {@code =}) or {@code .}, or end in {@code ._COPYING_}, are hidden and skipped. A path or
 * glob matching nothing fails with {@code PATH_NOT_FOUND}.
 *
 * <p>Without {@code recursiveFileLookup} only the files directly inside a directory are read,
 * unless it holds {@code key=value} partition directories ({@link #index}).
 */
public final class FileListing {
  private FileListing() {}

  /**
   * The data files of {@code paths}, each once, in path order.
   *
   * @param recursive {@code recursiveFileLookup}: descend into sub-directories
   * @param fileNameGlob {@code pathGlobFilter}: a glob the file names must match, or null
   */
  public static List<SourceFile> list(List<String> paths, boolean recursive, String fileNameGlob) {
    return list(paths, recursive, fileNameGlob, false);
  }

  private static List<SourceFile> list(
      List<String> paths, boolean recursive, String fileNameGlob, boolean allowMissing) {
    GlobPattern nameFilter = fileNameGlob == null ? null : GlobPattern.compile(fileNameGlob);
    Path sinkOutput = sinkOutput(paths);
    if (sinkOutput != null) return manifestFiles(sinkOutput, nameFilter);
    Map<Path, SourceFile> out = new LinkedHashMap<>();
    for (Path root : roots(paths, allowMissing)) {
      try {
        BasicFileAttributes a = Files.readAttributes(root, BasicFileAttributes.class);
        if (a.isDirectory()) {
          listDirectory(root, recursive, nameFilter, out);
        } else {
          addFile(root, a, nameFilter, out);
        }
      } catch (IOException e) {
        throw readError(root, e);
      }
    }
    return sorted(out);
  }

  /**
   * The files of {@code paths} with partition discovery, as Spark lists a file source: when
   * directories below a root directory are named {@code key=value}, every file below the roots is
   * read and the keys become partition columns; otherwise this is {@link #list}. With {@code
   * recursiveFileLookup} there is no partition discovery.
   *
   * @param userSchema the user's schema (may be null): fixes the types of partition columns
   * @param zone the time zone of partition values that are timestamps
   */
  public static FileIndex index(
      List<String> paths,
      boolean recursive,
      String fileNameGlob,
      io.sluice.types.StructType userSchema,
      java.time.ZoneId zone) {
    return index(paths, recursive, fileNameGlob, userSchema, zone, false);
  }

  /**
   * {@link #index}, where {@code allowMissing} lets a directory that does not exist or a glob that
   * matches nothing give no files instead of failing (a stream's input may appear later).
   */
  public static FileIndex index(
      List<String> paths,
      boolean recursive,
      String fileNameGlob,
      io.sluice.types.StructType userSchema,
      java.time.ZoneId zone,
      boolean allowMissing) {
    return index(paths, recursive, fileNameGlob, userSchema, zone, allowMissing, true);
  }

  /**
   * {@link #index} with a source's options: {@code recursiveFileLookup}, {@code pathGlobFilter},
   * the time zone and whether partition column types are inferred.
   */
  public static FileIndex index(
      List<String> paths,
      FileSourceOptions o,
      io.sluice.types.StructType userSchema,
      boolean allowMissing) {
    return index(
        paths,
        o.recursiveFileLookup,
        o.pathGlobFilter,
        userSchema,
        o.zoneId,
        allowMissing,
        o.partitionColumnTypeInference);
  }

  private static FileIndex index(
      List<String> paths,
      boolean recursive,
      String fileNameGlob,
      io.sluice.types.StructType userSchema,
      java.time.ZoneId zone,
      boolean allowMissing,
      boolean inferTypes) {
    if (recursive) {
      return new FileIndex(
          list(paths, true, fileNameGlob, allowMissing),
          new io.sluice.types.StructType(),
          Map.of());
    }
    GlobPattern nameFilter = fileNameGlob == null ? null : GlobPattern.compile(fileNameGlob);
    Path sinkOutput = sinkOutput(paths);
    if (sinkOutput != null) {
      return partitioned(
          sinkOutput, manifestFiles(sinkOutput, nameFilter), userSchema, zone, inferTypes);
    }
    Map<Path, SourceFile> all = new LinkedHashMap<>();
    Map<Path, List<String[]>> pairs = new java.util.HashMap<>();
    boolean partitioned = false;
    for (Path root : roots(paths, allowMissing)) {
      try {
        BasicFileAttributes a = Files.readAttributes(root, BasicFileAttributes.class);
        Map<Path, SourceFile> found = new LinkedHashMap<>();
        if (a.isDirectory()) {
          listDirectory(root, true, nameFilter, found);
        } else {
          addFile(root, a, nameFilter, found);
        }
        for (SourceFile f : found.values()) {
          List<String[]> kv =
              a.isDirectory() ? PartitionDiscovery.parse(root, f.path().getParent()) : List.of();
          partitioned |= !kv.isEmpty();
          if (all.putIfAbsent(f.path(), f) == null) pairs.put(f.path(), kv);
        }
      } catch (IOException e) {
        throw readError(root, e);
      }
    }
    if (!partitioned) {
      return new FileIndex(
          list(paths, false, fileNameGlob, allowMissing),
          new io.sluice.types.StructType(),
          Map.of());
    }
    return PartitionDiscovery.resolve(sorted(all), pairs, userSchema, zone, inferTypes);
  }

  /**
   * The output directory of a file sink when {@code paths} is exactly one such directory (one with
   * a {@code _sluice_metadata} manifest, as Spark checks for {@code _spark_metadata}), else null.
   * Its files are those the manifest lists, so half-written batches are never read.
   */
  private static Path sinkOutput(List<String> paths) {
    if (paths.size() != 1) return null;
    Path p = toLocalPath(paths.get(0));
    if (GlobPattern.hasGlob(p.toString()) || !Files.isDirectory(p)) return null;
    return FileSinkLog.exists(p) ? p : null;
  }

  private static List<SourceFile> manifestFiles(Path dir, GlobPattern nameFilter) {
    Map<Path, SourceFile> out = new LinkedHashMap<>();
    for (SourceFile f : FileSinkLog.files(dir)) {
      String name = f.path().getFileName().toString();
      if (nameFilter == null || nameFilter.matches(name)) out.put(f.path(), f);
    }
    return sorted(out);
  }

  /** The files below {@code root} with the partition columns of their {@code key=value} dirs. */
  private static FileIndex partitioned(
      Path root,
      List<SourceFile> files,
      io.sluice.types.StructType userSchema,
      java.time.ZoneId zone,
      boolean inferTypes) {
    Map<Path, List<String[]>> pairs = new java.util.HashMap<>();
    boolean partitioned = false;
    for (SourceFile f : files) {
      List<String[]> kv = PartitionDiscovery.parse(root, f.path().getParent());
      partitioned |= !kv.isEmpty();
      pairs.put(f.path(), kv);
    }
    if (!partitioned) return new FileIndex(files, new io.sluice.types.StructType(), Map.of());
    return PartitionDiscovery.resolve(files, pairs, userSchema, zone, inferTypes);
  }

  /**
   * An index of {@code files} found below {@code root} whose partition columns are fixed in advance
   * (a stream's, decided when it started): each file's values come from the {@code key=value}
   * directories between {@code root} and it, converted to the columns' types; a column without a
   * directory is null.
   */
  public static FileIndex withPartitionValues(
      Path root,
      List<SourceFile> files,
      io.sluice.types.StructType partitionSchema,
      java.time.ZoneId zone) {
    if (partitionSchema.length() == 0) return new FileIndex(files, partitionSchema, Map.of());
    Map<Path, Object[]> values = new java.util.HashMap<>();
    for (SourceFile f : files) {
      Object[] v = new Object[partitionSchema.length()];
      Path dir = f.path().getParent();
      if (dir != null && dir.startsWith(root)) {
        for (String[] kv : PartitionDiscovery.parse(root, dir)) {
          int i = partitionSchema.indexOf(kv[0], false);
          if (i >= 0) {
            v[i] = PartitionDiscovery.convert(kv[1], partitionSchema.get(i).dataType(), zone);
          }
        }
      }
      values.put(f.path(), v);
    }
    return new FileIndex(files, partitionSchema, values);
  }

  /**
   * The directory partition directories of {@code path} are found below: the path itself, or for a
   * glob the directory before its first segment with a glob.
   */
  public static Path partitionRoot(String path) {
    Path p = toLocalPath(path).normalize();
    if (!GlobPattern.hasGlob(p.toString())) return p;
    Path root = p.getRoot();
    for (int i = 0; i < p.getNameCount(); i++) {
      String segment = p.getName(i).toString();
      if (GlobPattern.hasGlob(segment)) break;
      root = root.resolve(segment);
    }
    return root;
  }

  private static List<SourceFile> sorted(Map<Path, SourceFile> files) {
    List<SourceFile> out = new ArrayList<>(files.values());
    out.sort(Comparator.comparing(f -> f.path().toString()));
    return out;
  }

  /** The paths with globs expanded; each must exist or match something. */
  private static List<Path> roots(List<String> paths, boolean allowMissing) {
    List<Path> roots = new ArrayList<>();
    for (String p : paths) {
      Path path = toLocalPath(p);
      if (GlobPattern.hasGlob(path.toString())) {
        List<Path> matched = expandGlob(path);
        if (matched.isEmpty() && !allowMissing) throw notFound(path);
        roots.addAll(matched);
      } else if (Files.exists(path)) {
        roots.add(path);
      } else if (!allowMissing) {
        throw notFound(path);
      }
    }
    return roots;
  }

  /** True for names Spark skips when listing: {@code _x} (without {@code =}), {@code .x}. */
  public static boolean isHidden(String name) {
    boolean exclude =
        (name.startsWith("_") && !name.contains("="))
            || name.startsWith(".")
            || name.endsWith("._COPYING_");
    boolean include = name.startsWith("_common_metadata") || name.startsWith("_metadata");
    return exclude && !include;
  }

  /** {@code file:/abs/path}, the form Spark prints local paths in. */
  public static String qualified(Path path) {
    return "file:" + path.toAbsolutePath();
  }

  /** A user path ({@code /x}, {@code file:/x}, {@code file:///x}, relative) as a local path. */
  public static Path toLocalPath(String p) {
    String s = p;
    if (s.startsWith("file://")) {
      s = s.substring("file://".length());
    } else if (s.startsWith("file:")) {
      s = s.substring("file:".length());
    }
    return Paths.get(s).toAbsolutePath();
  }

  private static void addFile(
      Path file, BasicFileAttributes a, GlobPattern nameFilter, Map<Path, SourceFile> out) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    if (isHidden(name) || (nameFilter != null && !nameFilter.matches(name))) return;
    out.putIfAbsent(file, new SourceFile(file, a.size(), a.lastModifiedTime().toMillis()));
  }

  private static void listDirectory(
      Path dir, boolean recursive, GlobPattern nameFilter, Map<Path, SourceFile> out)
      throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path c : ds) children.add(c);
    }
    children.sort(Comparator.comparing(Path::toString));
    for (Path c : children) {
      if (isHidden(c.getFileName().toString())) continue;
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(c, BasicFileAttributes.class);
      } catch (java.nio.file.NoSuchFileException e) {
        continue; // removed since the directory was listed (a writer's temporary file)
      }
      if (a.isDirectory()) {
        if (recursive && !isHidden(c.getFileName().toString())) {
          listDirectory(c, true, nameFilter, out);
        }
      } else {
        addFile(c, a, nameFilter, out);
      }
    }
  }

  /** Every existing path matching a path with globs in some segments, sorted. */
  static List<Path> expandGlob(Path pattern) {
    Path root = pattern.getRoot();
    List<Path> current = new ArrayList<>();
    current.add(root);
    int n = pattern.getNameCount();
    for (int i = 0; i < n; i++) {
      String segment = pattern.getName(i).toString();
      boolean last = i == n - 1;
      List<Path> next = new ArrayList<>();
      if (GlobPattern.hasGlob(segment)) {
        GlobPattern g = GlobPattern.compile(segment);
        for (Path dir : current) {
          if (!Files.isDirectory(dir)) continue;
          try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path c : ds) {
              if (g.matches(c.getFileName().toString()) && (last || Files.isDirectory(c))) {
                next.add(c);
              }
            }
          } catch (IOException e) {
            throw readError(dir, e);
          }
        }
      } else {
        String literal = unescape(segment);
        for (Path dir : current) {
          Path c = dir.resolve(literal);
          if (Files.exists(c, LinkOption.NOFOLLOW_LINKS) || Files.exists(c)) next.add(c);
        }
      }
      current = next;
    }
    current.sort(Comparator.comparing(Path::toString));
    return current;
  }

  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) return s;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) c = s.charAt(++i);
      sb.append(c);
    }
    return sb.toString();
  }

  static SluiceException notFound(Path path) {
    return new io.sluice.AnalysisException(
        ErrorClass.PATH_NOT_FOUND, SluiceException.params("path", qualified(path)));
  }

  /** {@code FAILED_READ_FILE} naming the file, for an I/O error. */
  public static SluiceRuntimeException readError(Path path, IOException e) {
    return new SluiceRuntimeException(
        ErrorClass.FILE_READ_ERROR,
        SluiceException.params("path", qualified(path)),
        new UncheckedIOException(e));
  }
}
