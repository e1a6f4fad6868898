/**
 * Typed configuration options, each declared once with key, default, doc and version ({@link
 * io.sluice.config.ConfigOption}), and a session's values ({@link io.sluice.config.SQLConf}).
 * {@code spark.*} keys are aliases of {@code sluice.*} keys, resolved in one place.
 *
 * <p>Depends only on {@code io.sluice.error}.
 */
package io.sluice.config;
