/**
 * Helpers for testing Sluice queries, used in test scope by Sluice's own modules and by users'
 * jobs: a shared test session ({@link io.sluice.testing.TestSessions}), answer checks that report
 * both result sets side by side ({@link io.sluice.testing.QueryTest}), and for streaming queries
 * the {@link io.sluice.testing.StreamTest} DSL (a story of actions: add data, check the answer,
 * advance a {@link io.sluice.testing.ManualClock}, stop, restart from the checkpoint, expect a
 * failure) with its test-owned {@link io.sluice.testing.StreamTestSink}.
 */
package io.sluice.testing;
