/**
 * The exception hierarchy: {@link io.sluice.error.SluiceException} and its subclasses, each
 * carrying a stable {@link io.sluice.error.ErrorClass} with message parameters, as Spark's {@code
 * SparkThrowable}.
 *
 * <p>A leaf package: depends on nothing else in Sluice.
 */
package io.sluice.error;
