package io.sluice.exec.operator.agg;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.exec.vector.LongVector;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The HyperLogLog++ estimate of given registers, against values worked out from Spark's algorithm
 * (raw estimate {@code alpha m² / sum 2^-M}, linear counting under Spark's thresholds or at most
 * {@code 2.5 m}, the paper's bias table below {@code 5 m}, rounding to the nearest long).
 */
class HllEstimateTest {

  /** The estimate of a sketch at {@code rsd} whose registers are {@code counts[i]} × rank i. */
  private static long estimate(double rsd, int... counts) {
    HllAccumulator hll = new HllAccumulator(rsd);
    hll.grow(1);
    byte[] r = hll.registers();
    int at = 0;
    for (int rank = 0; rank < counts.length; rank++) {
      Arrays.fill(r, at, at + counts[rank], (byte) rank);
      at += counts[rank];
    }
    assertThat(at).as("registers set").isEqualTo(1 << HllAccumulator.precision(rsd));
    return ((LongVector) hll.result(0, 1)).get(0);
  }

  @Test
  void biasCorrectedWhenNoRegisterIsEmpty() {
    // p = 4: E = 0.673 * 16² / (16 / 2) = 21.536; its nearest six tabulated estimates are the
    // 15th to 20th (19.3566 .. 22.9946) whose biases average 3.65707, so 17.879 → 18
    assertThat(estimate(0.39, 0, 16)).isEqualTo(18);
    // p = 9, every register 2: E = 1474.116, less a bias of 18.1 → 1456
    assertThat(estimate(0.05, 0, 0, 512)).isEqualTo(1456);
    // p = 14: E = 37814.4 (< 5m), bias-corrected → 36427
    assertThat(estimate(0.01, 0, 8192, 0, 8192)).isEqualTo(36427);
  }

  @Test
  void biasCorrectedAboveTheLinearCountingThreshold() {
    // p = 9, 10 empty registers: linear counting gives 2015.1 > 400 and E = 1392.5 > 2.5m
    assertThat(estimate(0.05, 10, 0, 502)).isEqualTo(1369);
    // p = 14, 1000 empty: linear 45814.7 > 15500, E = 66236.7 > 2.5m, bias 48.7
    assertThat(estimate(0.01, 1000, 0, 0, 15384)).isEqualTo(66188);
  }

  @Test
  void linearCountingForSmallCardinalities() {
    // p = 9, 300 empty: m ln(m / V) = 273.69 ≤ 400
    assertThat(estimate(0.05, 300, 212)).isEqualTo(274);
    // p = 9, 100 empty: linear 836.2 is over the threshold 400, but E = 1245.5 ≤ 2.5m
    assertThat(estimate(0.05, 100, 0, 0, 412)).isEqualTo(836);
    // p = 14, 2000 empty: E = 34597.9 ≤ 2.5m → linear 34458.1
    assertThat(estimate(0.01, 2000, 0, 14384)).isEqualTo(34458);
    // an empty sketch counts nothing
    assertThat(estimate(0.05, 512)).isZero();
  }

  @Test
  void noBiasTablesAboveFiveMOrAbovePrecision18() {
    // p = 18, E = 2861597.1 ≥ 5m: the raw estimate
    assertThat(estimate(0.0025, 1000, 0, 0, 0, (1 << 18) - 1000)).isEqualTo(2861597);
    // p = 19 (rsd 0.002): plain HyperLogLog, E = 0.7213 / (1 + 1.079 / m) * m² * 2 / m
    assertThat(HllAccumulator.precision(0.002)).isEqualTo(19);
    assertThat(estimate(0.002, 0, 1 << 19)).isEqualTo(756336);
  }
}
