/**
 * Operators and building blocks of windowed computations: the merging of session windows ({@code
 * SessionMerger}, {@code UpdatingSessionsOperator}) and the window-function operator over {@code
 * OVER (PARTITION BY ... ORDER BY ... frame)} ({@code WindowOperator} and its frame evaluators).
 */
package io.sluice.exec.operator.window;
