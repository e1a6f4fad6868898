/**
 * The API users see, mirroring Spark's Java API: {@link io.sluice.Session} (builder, configuration,
 * data sources, temporary views), {@link io.sluice.DataFrame} (transformations and actions), {@link
 * io.sluice.Column} and {@link io.sluice.functions} (expressions), {@link io.sluice.GroupedData}
 * (aggregation), {@link io.sluice.Row} (results in external Java types).
 *
 * <p>A DataFrame method builds an unresolved logical plan ({@code io.sluice.plan.logical}) over its
 * input's analyzed plan and analyzes it at once ({@link io.sluice.QueryExecution}); actions
 * optimize, plan and run it on the session's worker pool and convert the result batches to rows in
 * {@code io.sluice.internal.RowConverter}.
 *
 * <p>May depend on every engine package; nothing in the engine depends on this package except
 * {@link io.sluice.AnalysisException}.
 */
package io.sluice;
