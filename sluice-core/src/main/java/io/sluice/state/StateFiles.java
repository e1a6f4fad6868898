package io.sluice.state;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;

/**
 * Delta and snapshot files of a state store. Layout: the magic {@code SLST}, a format version byte,
 * a codec byte (0 none, 1 lz4, 2 zstd), then — compressed with that codec — records of {@code int
 * keyLength, key, int valueLength, value}, a value length of -1 meaning "removed", and a final key
 * length of -1. Files are written to a temporary name and renamed into place.
 */
final class StateFiles {
  private static final byte[] MAGIC = {'S', 'L', 'S', 'T'};
  private static final int FORMAT = 1;
  static final byte[] REMOVED = new byte[0];

  private StateFiles() {}

  static int codecId(String codec) {
    return switch (codec.toLowerCase(Locale.ROOT)) {
      case "none", "uncompressed" -> 0;
      case "lz4" -> 1;
      case "zstd" -> 2;
      default ->
          throw new IllegalArgumentException(
              "unknown state store compression codec '" + codec + "' (use lz4, zstd or none)");
    };
  }

  /** Writes every entry of {@code cursor} ({@link #REMOVED} values as removals) to {@code file}. */
  static void write(Path file, StateCursor cursor, int codec) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    try (OutputStream raw = Files.newOutputStream(tmp)) {
      raw.write(MAGIC);
      raw.write(FORMAT);
      raw.write(codec);
      try (DataOutputStream out = new DataOutputStream(compress(raw, codec))) {
        while (cursor.next()) {
          byte[] k = cursor.key();
          byte[] v = cursor.value();
          out.writeInt(k.length);
          out.write(k);
          if (v == REMOVED) {
            out.writeInt(-1);
          } else {
            out.writeInt(v.length);
            out.write(v);
          }
        }
        out.writeInt(-1);
      }
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Applies the records of {@code file} to {@code map}; throws naming what is wrong. */
  static void apply(Path file, BytesMap map) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      byte[] head = raw.readNBytes(6);
      if (head.length < 6
          || head[0] != MAGIC[0]
          || head[1] != MAGIC[1]
          || head[2] != MAGIC[2]
          || head[3] != MAGIC[3]) {
        throw new IOException("it is not a Sluice state file (bad header)");
      }
      if (head[4] != FORMAT) throw new IOException("unknown state file format " + head[4]);
      try (DataInputStream in = new DataInputStream(decompress(raw, head[5]))) {
        while (true) {
          int kl = in.readInt();
          if (kl == -1) break;
          if (kl < 0) throw new IOException("negative key length " + kl);
          byte[] k = in.readNBytes(kl);
          if (k.length != kl) throw new EOFException("truncated key");
          int vl = in.readInt();
          if (vl == -1) {
            map.remove(k);
            continue;
          }
          if (vl < 0) throw new IOException("negative value length " + vl);
          byte[] v = in.readNBytes(vl);
          if (v.length != vl) throw new EOFException("truncated value");
          map.put(k, v);
        }
      }
    } catch (EOFException e) {
      throw new IOException("the file is truncated", e);
    }
  }

  private static OutputStream compress(OutputStream raw, int codec) throws IOException {
    return switch (codec) {
      case 0 -> new BufferedOutputStream(raw, 1 << 16);
      case 1 -> new BufferedOutputStream(new LZ4FrameOutputStream(raw), 1 << 16);
      case 2 -> new BufferedOutputStream(new ZstdOutputStream(raw), 1 << 16);
      default -> throw new IOException("unknown codec " + codec);
    };
  }

  private static InputStream decompress(InputStream raw, int codec) throws IOException {
    return switch (codec) {
      case 0 -> raw;
      case 1 -> new BufferedInputStream(new LZ4FrameInputStream(raw), 1 << 16);
      case 2 -> new BufferedInputStream(new ZstdInputStream(raw), 1 << 16);
      default -> throw new IOException("unknown compression codec id " + codec);
    };
  }
}
