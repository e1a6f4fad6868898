/**
 * Column vectors and batches: the unit of data every operator, connector and expression evaluator
 * exchanges. Primitive arrays plus null masks; strings as UTF-8 bytes with offsets; nested types as
 * child vectors.
 *
 * <p>Depends only on {@code io.sluice.types} and {@code io.sluice.error}.
 */
package io.sluice.exec.vector;
