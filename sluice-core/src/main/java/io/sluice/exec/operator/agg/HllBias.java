package io.sluice.exec.operator.agg;

import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.error.SluiceRuntimeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The empirical bias correction of HyperLogLog++ (Heule, Nunkesser and Hall, 2013) for precisions 4
 * to 18: for each precision, raw estimates measured in the paper's experiments with the mean bias
 * seen at each (resource {@code hllpp-bias.txt}, the paper's appendix). The bias of an estimate is
 * the mean bias of the {@link #NEIGHBOURS} tabulated estimates nearest to it, as Spark
 * interpolates.
 */
final class HllBias {
  private HllBias() {}

  static final int MIN_PRECISION = 4;
  static final int MAX_PRECISION = 18;

  /** How many tabulated points the bias of an estimate is averaged over. */
  static final int NEIGHBOURS = 6;

  private static final double[][] ESTIMATES = new double[MAX_PRECISION + 1][];
  private static final double[][] BIASES = new double[MAX_PRECISION + 1][];

  static {
    load();
  }

  /** The bias of the raw estimate {@code e} at precision {@code p} (4 to 18). */
  static double of(int p, double e) {
    double[] estimates = ESTIMATES[p];
    int n = estimates.length;
    int nearest = Arrays.binarySearch(estimates, e);
    if (nearest < 0) nearest = -(nearest + 1);
    // a window of NEIGHBOURS points around the nearest, slid up while the next point above the
    // window is closer to e than the window's lowest
    int low = Math.max(nearest - NEIGHBOURS + 1, 0);
    int high = Math.min(low + NEIGHBOURS, n);
    while (high < n && squared(e - estimates[high]) < squared(e - estimates[low])) {
      low++;
      high++;
    }
    double[] biases = BIASES[p];
    double sum = 0;
    for (int i = low; i < high; i++) sum += biases[i];
    return sum / (high - low);
  }

  private static double squared(double d) {
    return d * d;
  }

  private static void load() {
    try (InputStream in = HllBias.class.getResourceAsStream("hllpp-bias.txt")) {
      if (in == null) throw new IOException("resource hllpp-bias.txt not found");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] parts = line.trim().split(" +");
        int p = Integer.parseInt(parts[1]);
        double[] values = new double[parts.length - 2];
        for (int i = 0; i < values.length; i++) values[i] = Double.parseDouble(parts[i + 2]);
        switch (parts[0]) {
          case "estimates" -> ESTIMATES[p] = values;
          case "biases" -> BIASES[p] = values;
          default -> throw new IOException("unexpected line in hllpp-bias.txt: " + parts[0]);
        }
      }
      for (int p = MIN_PRECISION; p <= MAX_PRECISION; p++) {
        if (ESTIMATES[p] == null || BIASES[p] == null) {
          throw new IOException("hllpp-bias.txt lacks precision " + p);
        }
        if (ESTIMATES[p].length != BIASES[p].length) {
          throw new IOException("hllpp-bias.txt: table lengths differ at precision " + p);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new SluiceRuntimeException(
          ErrorClass.INTERNAL_ERROR,
          SluiceException.params("message", "Cannot load the HyperLogLog++ bias tables: " + e),
          e);
    }
  }
}
