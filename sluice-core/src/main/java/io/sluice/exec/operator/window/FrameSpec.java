package io.sluice.exec.operator.window;

import io.sluice.exec.operator.window.FrameBounds.Bound;
import java.time.ZoneId;

/** A window frame with its offsets evaluated: computes the frame of every row of a layout. */
record FrameSpec(boolean rows, Bound lower, Bound upper, ZoneId zone) {
  FrameBounds bounds(WindowLayout l) {
    return rows ? FrameBounds.rows(l, lower, upper) : FrameBounds.range(l, lower, upper, zone);
  }
}
