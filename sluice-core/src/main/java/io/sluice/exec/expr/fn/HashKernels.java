package io.sluice.exec.expr.fn;

import io.sluice.exec.expr.EvalContext;
import io.sluice.exec.expr.VectorEvaluator;
import io.sluice.exec.vector.BytesVector;
import io.sluice.exec.vector.IntVector;
import io.sluice.exec.vector.LongVector;
import io.sluice.plan.expr.ScalarFunction;
import io.sluice.types.DataTypes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Kernels of the hash functions (hash, xxhash64, md5, sha1, sha2, crc32) and, through {@link
 * MiscKernels}, of the miscellaneous ones.
 */
final class HashKernels {
  private HashKernels() {}

  /** The seed of {@code hash()} and {@code xxhash64()}. */
  static final int SEED = 42;

  private static final byte[] HEX =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  static void register(Map<String, ScalarKernel> m) {
    m.put("hash", (call, args, ctx) -> rowHash(args, RowHasher.MURMUR3, false));
    m.put("xxhash64", (call, args, ctx) -> rowHash(args, RowHasher.XXHASH64, true));
    m.put("md5", (call, args, ctx) -> digest(args.get(0), "MD5"));
    m.put("sha1", (call, args, ctx) -> digest(args.get(0), "SHA-1"));
    m.put("sha2", HashKernels::sha2);
    m.put("crc32", (call, args, ctx) -> crc32(args.get(0)));
    MiscKernels.register(m);
  }

  private static VectorEvaluator rowHash(
      List<VectorEvaluator> args, RowHasher hasher, boolean longResult) {
    return batch -> {
      int n = batch.numRows();
      long[] h = new long[Math.max(n, 1)];
      Arrays.fill(h, SEED);
      for (VectorEvaluator a : args) hasher.hashColumn(a.evaluate(batch), n, h, null);
      if (longResult) return new LongVector(DataTypes.LongType, h, null, n);
      int[] out = new int[Math.max(n, 1)];
      for (int i = 0; i < n; i++) out[i] = (int) h[i];
      return new IntVector(DataTypes.IntegerType, out, null, n);
    };
  }

  /** A digest of binary values as lower-case hex; the digest object is reused per evaluator. */
  private static VectorEvaluator digest(VectorEvaluator arg, String algorithm) {
    MessageDigest md = messageDigest(algorithm);
    return batch -> {
      int n = batch.numRows();
      BytesVector in = Args.strings(arg, batch);
      BytesVector out = new BytesVector(DataTypes.StringType, n);
      for (int i = 0; i < n; i++) {
        if (in.isNullAt(i)) {
          out.appendNull();
        } else {
          appendHex(out, digestRow(md, in, i));
        }
      }
      return out;
    };
  }

  /** sha2(bin, bits): SHA-224/256/384/512 (0 means 256); null for any other bit length. */
  private static VectorEvaluator sha2(
      ScalarFunction call, List<VectorEvaluator> args, EvalContext ctx) {
    MessageDigest[] byBits = new MessageDigest[513];
    for (int bits : new int[] {224, 256, 384, 512}) {
      byBits[bits] = messageDigest("SHA-" + bits);
    }
    byBits[0] = byBits[256];
    return batch -> {
      int n = batch.numRows();
      BytesVector in = Args.strings(args.get(0), batch);
      IntVector bits = Args.ints(args.get(1), batch);
      boolean[] nulls = Args.nulls(n, in, bits);
      BytesVector out = new BytesVector(DataTypes.StringType, n);
      for (int i = 0; i < n; i++) {
        int b = bits.get(i);
        MessageDigest md = b >= 0 && b < byBits.length ? byBits[b] : null;
        if (Args.isNull(nulls, i) || md == null) {
          out.appendNull();
        } else {
          appendHex(out, digestRow(md, in, i));
        }
      }
      return out;
    };
  }

  private static VectorEvaluator crc32(VectorEvaluator arg) {
    CRC32 crc = new CRC32();
    return batch -> {
      int n = batch.numRows();
      BytesVector in = Args.strings(arg, batch);
      long[] out = new long[Math.max(n, 1)];
      for (int i = 0; i < n; i++) {
        if (in.isNullAt(i)) continue;
        crc.reset();
        crc.update(in.data(), in.start(i), in.length(i));
        out[i] = crc.getValue();
      }
      return new LongVector(DataTypes.LongType, out, in.nulls(), n);
    };
  }

  private static byte[] digestRow(MessageDigest md, BytesVector in, int row) {
    md.reset();
    md.update(in.data(), in.start(row), in.length(row));
    return md.digest();
  }

  private static void appendHex(BytesVector out, byte[] digest) {
    int len = digest.length * 2;
    byte[] dst = out.reserveData(len);
    int at = out.offsets()[out.size()];
    for (byte b : digest) {
      dst[at++] = HEX[(b >> 4) & 0xF];
      dst[at++] = HEX[b & 0xF];
    }
    out.commitRow(len);
  }

  private static MessageDigest messageDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JVM lacks " + algorithm, e);
    }
  }
}
