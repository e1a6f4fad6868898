/**
 * {@code format("parquet")} on parquet-java: {@link io.sluice.parquet.ParquetDataSourceProvider} (a
 * {@code FileFormatProvider}: batch source, streaming source, batch and streaming sink through the
 * shared file writers). Reading: {@code ParquetBatchScan} and {@code ParquetPartitionReader} pick
 * the row groups of a split and those the pushed filters leave ({@code RowGroupFilter}, {@code
 * ParquetPredicates}); {@code ReadPlan} maps the read schema onto a file's columns, {@code
 * LeafColumn} decodes column chunks into vectors and {@code ReadNode} assembles nested values from
 * the levels. Writing: {@link io.sluice.parquet.ParquetWriterFormat} with {@code
 * VectorWriteSupport}. Schemas both ways: {@code ParquetSchemas}; footers and schema merging:
 * {@code ParquetFooters}. The Hadoop classes parquet-java needs stay in this module.
 */
package io.sluice.parquet;
