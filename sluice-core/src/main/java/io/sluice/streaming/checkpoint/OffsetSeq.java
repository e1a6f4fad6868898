package io.sluice.streaming.checkpoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One offset-log entry: for each source of the query (in plan order) the JSON of the offset the
 * batch reads up to, or null when the source has produced nothing yet; plus the batch's watermark,
 * its timestamp (what {@code current_timestamp()} returns in the batch) and the options that shape
 * state, which a restart must keep.
 */
public record OffsetSeq(
    List<String> offsets, long batchWatermarkMs, long batchTimestampMs, Map<String, String> conf) {
  public OffsetSeq {
    offsets = Collections.unmodifiableList(new ArrayList<>(offsets));
    conf = Collections.unmodifiableMap(new TreeMap<>(conf));
  }
}
