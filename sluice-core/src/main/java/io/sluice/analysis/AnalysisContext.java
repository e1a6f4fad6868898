package io.sluice.analysis;

import io.sluice.config.SQLConf;

/** What every analyzer rule shares for one analysis: catalog, functions and settings. */
final class AnalysisContext {
  private final SessionCatalog catalog;
  private final FunctionRegistry functions;
  private final SQLConf conf;
  private final boolean ansi;
  private final NameMatcher names;
  private final TypeCoercion coercion;
  private final AttributeResolver attributes;
  private final ExpressionResolver expressions;
  private final Readiness readiness = new Readiness();

  AnalysisContext(SessionCatalog catalog, FunctionRegistry functions, SQLConf conf) {
    this.catalog = catalog;
    this.functions = functions;
    this.conf = conf;
    this.ansi = conf.ansiEnabled();
    this.names = NameMatcher.of(conf.caseSensitive());
    this.coercion = new TypeCoercion(ansi, names);
    this.attributes = new AttributeResolver(names, ansi);
    this.expressions = new ExpressionResolver(this);
  }

  SessionCatalog catalog() {
    return catalog;
  }

  FunctionRegistry functions() {
    return functions;
  }

  SQLConf conf() {
    return conf;
  }

  boolean ansi() {
    return ansi;
  }

  NameMatcher names() {
    return names;
  }

  TypeCoercion coercion() {
    return coercion;
  }

  AttributeResolver attributes() {
    return attributes;
  }

  Readiness readiness() {
    return readiness;
  }

  ExpressionResolver expressions() {
    return expressions;
  }
}
