package io.sluice.state;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The default state store provider, on the model of Spark's HDFS-backed one: the latest version's
 * map in memory; each commit writes the batch's changes as {@code <version>.delta}; maintenance
 * writes {@code <version>.snapshot} once {@code minDeltasForSnapshot} deltas have accumulated and
 * deletes files no retained version needs. Any retained version loads from the newest snapshot at
 * or below it plus the deltas after it.
 *
 * <p>Updates go straight into the in-memory map, so a batch costs time in what it changes, not in
 * the size of the state; an aborted batch (a failed task, rare) drops the map, and the next store
 * reloads its version from the files.
 */
public final class InMemoryStateStoreProvider implements StateStoreProvider {
  private StateStoreId id;
  private StateStoreConf conf;
  private int codec;
  private Path dir;
  private BytesMap latest;
  private long latestVersion = -1;
  private BytesMap pendingSnapshot;
  private long pendingSnapshotVersion = -1;
  private Store open;

  /** How many keys the last batch changed: the next batch's change map starts that large. */
  private int lastChanges = 16;

  /** Called by the engine; see {@link StateStoreProvider}. */
  public InMemoryStateStoreProvider() {}

  @Override
  public void init(StateStoreId id, String keySchema, String valueSchema, StateStoreConf conf) {
    this.id = id;
    this.conf = conf;
    this.codec = StateFiles.codecId(conf.compressionCodec());
    this.dir = id.directory();
  }

  @Override
  public synchronized StateStore getStore(long version) {
    if (version < 0) throw new IllegalArgumentException("negative state version " + version);
    if (open != null) open.abort(); // a task that failed without aborting leaves no trace
    if (latest == null || version != latestVersion) {
      latest = load(version);
      latestVersion = version;
    }
    open = new Store(version);
    return open;
  }

  private BytesMap load(long version) {
    BytesMap map = new BytesMap();
    if (version == 0) return map;
    Map<Long, Path> snapshots = new TreeMap<>();
    Map<Long, Path> deltas = new TreeMap<>();
    listFiles(snapshots, deltas);
    long base = 0;
    for (long v : snapshots.keySet()) {
      if (v <= version) base = v;
    }
    for (long v = base + 1; v <= version; v++) {
      if (!deltas.containsKey(v)) {
        throw cannotLoad(version, "the file " + dir.resolve(v + ".delta") + " does not exist");
      }
    }
    if (base > 0) apply(snapshots.get(base), map, version);
    for (long v = base + 1; v <= version; v++) apply(deltas.get(v), map, version);
    return map;
  }

  private static void apply(Path file, BytesMap map, long version) {
    try {
      StateFiles.apply(file, map);
    } catch (IOException e) {
      throw new SluiceRuntimeException(
          ErrorClass.CHECKPOINT_FILE_CORRUPT,
          SluiceException.params(
              "path",
              file.toString(),
              "reason",
              e.getMessage() + " (while loading state version " + version + ")"),
          e);
    }
  }

  private SluiceRuntimeException cannotLoad(long version, String reason) {
    return new SluiceRuntimeException(
        ErrorClass.CANNOT_LOAD_STATE_STORE,
        SluiceException.params(
            "storeId", id.toString(), "version", Long.toString(version), "reason", reason));
  }

  private void listFiles(Map<Long, Path> snapshots, Map<Long, Path> deltas) {
    if (!Files.isDirectory(dir)) return;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String n = p.getFileName().toString();
        int dot = n.indexOf('.');
        if (dot <= 0 || n.startsWith(".")) continue;
        long v;
        try {
          v = Long.parseLong(n.substring(0, dot));
        } catch (NumberFormatException e) {
          continue;
        }
        String ext = n.substring(dot + 1);
        if (ext.equals("delta")) deltas.put(v, p);
        if (ext.equals("snapshot")) snapshots.put(v, p);
      }
    } catch (IOException e) {
      throw cannotLoad(latestVersion, "cannot list " + dir + ": " + e);
    }
  }

  private synchronized void invalidateLatest() {
    latest = null;
    latestVersion = -1;
  }

  private synchronized void committed(long version, ChangeLog changes) {
    lastChanges = Math.max(16, changes.size());
    try {
      StateFiles.write(dir.resolve(version + ".delta"), changes.cursor(), codec);
    } catch (IOException e) {
      throw new SluiceRuntimeException(
          ErrorClass.CHECKPOINT_IO_ERROR,
          SluiceException.params(
              "operation",
              "write",
              "path",
              dir.resolve(version + ".delta").toString(),
              "reason",
              String.valueOf(e)),
          e);
    }
    latestVersion = version;
    long lastSnapshot = lastSnapshotVersion();
    if (version - lastSnapshot >= conf.minDeltasForSnapshot()) {
      pendingSnapshot = latest.copy(); // arrays are shared, not copied: entries are immutable
      pendingSnapshotVersion = version;
    }
  }

  private long lastSnapshotVersion() {
    Map<Long, Path> snapshots = new TreeMap<>();
    listFiles(snapshots, new TreeMap<>());
    long last = 0;
    for (long v : snapshots.keySet()) last = Math.max(last, v);
    return Math.max(last, pendingSnapshotVersion);
  }

  @Override
  public void doMaintenance() {
    BytesMap snap;
    long version;
    synchronized (this) {
      snap = pendingSnapshot;
      version = pendingSnapshotVersion;
      pendingSnapshot = null;
    }
    try {
      if (snap != null)
        StateFiles.write(dir.resolve(version + ".snapshot"), snap.cursor(null), codec);
      cleanup();
    } catch (IOException e) {
      throw new SluiceRuntimeException(
          ErrorClass.CHECKPOINT_IO_ERROR,
          SluiceException.params(
              "operation", "maintain", "path", dir.toString(), "reason", String.valueOf(e)),
          e);
    }
  }

  /** Deletes the files no version among the newest {@code minVersionsToRetain} needs. */
  private void cleanup() throws IOException {
    long latestV;
    synchronized (this) {
      latestV = latestVersion;
    }
    long oldestKept = latestV - conf.minVersionsToRetain() + 1;
    if (oldestKept <= 1) return;
    Map<Long, Path> snapshots = new TreeMap<>();
    Map<Long, Path> deltas = new TreeMap<>();
    listFiles(snapshots, deltas);
    long base = 0; // the newest snapshot the oldest kept version can load from
    for (long v : snapshots.keySet()) {
      if (v <= oldestKept) base = v;
    }
    List<Path> doomed = new ArrayList<>();
    for (Map.Entry<Long, Path> e : snapshots.entrySet()) {
      if (e.getKey() < base) doomed.add(e.getValue());
    }
    for (Map.Entry<Long, Path> e : deltas.entrySet()) {
      if (e.getKey() <= base) doomed.add(e.getValue());
    }
    for (Path p : doomed) Files.deleteIfExists(p);
  }

  @Override
  public synchronized void close() {
    latest = null;
    pendingSnapshot = null;
  }

  /**
   * One batch's view: updates applied to the provider's map and appended to a log, which becomes
   * the delta file (replayed in order, a key changed twice in a batch ends with its last change).
   */
  private final class Store implements StateStore {
    private final long version;
    private final ChangeLog changes = new ChangeLog(lastChanges);
    private boolean done;
    private boolean committed;

    Store(long version) {
      this.version = version;
    }

    @Override
    public StateStoreId id() {
      return id;
    }

    @Override
    public long version() {
      return version;
    }

    @Override
    public byte[] get(byte[] key) {
      return latest.get(key);
    }

    @Override
    public void put(byte[] key, byte[] value) {
      checkOpen();
      int h = BytesMap.hash(key);
      latest.put(key, value, h);
      changes.add(key, value);
    }

    @Override
    public byte[] putIfAbsent(byte[] key, byte[] value) {
      checkOpen();
      int h = BytesMap.hash(key);
      byte[] old = latest.putIfAbsent(key, value, h);
      if (old == null) changes.add(key, value);
      return old;
    }

    @Override
    public void remove(byte[] key) {
      checkOpen();
      int h = BytesMap.hash(key);
      if (latest.remove(key, h) == null) return;
      changes.add(key, StateFiles.REMOVED);
    }

    @Override
    public StateCursor iterator() {
      return latest.cursor(null);
    }

    @Override
    public StateCursor prefixScan(byte[] prefix) {
      return latest.cursor(prefix);
    }

    @Override
    public long commit() {
      checkOpen();
      committed(version + 1, changes);
      done = true;
      committed = true;
      return version + 1;
    }

    @Override
    public void abort() {
      if (done) return;
      // the map holds this batch's updates: the next store of any version reloads it from files
      if (changes.size() > 0) invalidateLatest();
      done = true;
    }

    @Override
    public boolean hasCommitted() {
      return committed;
    }

    @Override
    public long numKeys() {
      return latest.size();
    }

    @Override
    public long memoryUsedBytes() {
      return latest.memoryBytes();
    }

    private void checkOpen() {
      if (done) throw new IllegalStateException(id + " version " + version + " is already closed");
    }
  }
}
