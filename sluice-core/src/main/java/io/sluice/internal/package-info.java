/**
 * Helpers of the user API that are not part of it: conversion between external rows and vectors
 * ({@link io.sluice.internal.RowConverter}), the {@code show()} layout and value formatting,
 * literals from Java values, master URLs and the state sessions share.
 */
package io.sluice.internal;
