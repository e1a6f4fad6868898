/**
 * Helpers for testing Sluice queries: a shared test session and answer checks that report both
 * result sets side by side. Used in test scope by Sluice's own modules and by users' jobs.
 */
package io.sluice.testing;
