/**
 * The files of a streaming query's checkpoint: {@code metadata} (the query id), the write-ahead
 * {@code offsets/<batchId>} log, the {@code commits/<batchId>} log, each written once and
 * atomically (a temporary file renamed into place), in Spark's text formats. A file that cannot be
 * read as expected raises {@code CHECKPOINT_FILE_CORRUPT} naming it; nothing is silently reset.
 *
 * <p>Depends on config, errors and Jackson only.
 */
package io.sluice.streaming.checkpoint;
