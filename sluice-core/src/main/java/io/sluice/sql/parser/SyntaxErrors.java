package io.sluice.sql.parser;

import io.sluice.error.ErrorClass;
import io.sluice.error.ParseException;
import io.sluice.error.SluiceException;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Turns the first syntax error into a {@link ParseException} with Spark's {@code
 * PARSE_SYNTAX_ERROR} parameters: {@code error} is the offending token as Spark shows it ({@code
 * 'FROM'}, or {@code end of input}) and {@code hint} says what was extra or missing when the parser
 * knows ({@code : missing ')'}, {@code : extra input ','}). The error strategy stops at the first
 * error (no recovery), and the listener replaces ANTLR's console output.
 */
final class SyntaxErrors {
  private SyntaxErrors() {}

  /** The token as Spark quotes it in messages. */
  static String display(Token t) {
    if (t == null || t.getType() == Token.EOF) return "end of input";
    String s = t.getText();
    s = s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    return "'" + s + "'";
  }

  static ParseException at(String command, Token t, String hint) {
    return error(command, t, SluiceException.params("error", display(t), "hint", hint));
  }

  static ParseException error(String command, Token t, java.util.Map<String, String> params) {
    return error(command, t, ErrorClass.PARSE_SYNTAX_ERROR, params);
  }

  static ParseException error(
      String command, Token t, ErrorClass errorClass, java.util.Map<String, String> params) {
    int line = t == null ? 1 : Math.max(1, t.getLine());
    int pos = t == null ? 0 : Math.max(0, t.getCharPositionInLine());
    return new ParseException(errorClass, params, command, line, pos);
  }

  /** Reports the first error and stops. */
  static final class Strategy extends DefaultErrorStrategy {
    private final String command;

    Strategy(String command) {
      this.command = command;
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
      if (e instanceof NoViableAltException || e instanceof InputMismatchException) {
        throw at(command, e.getOffendingToken(), "");
      }
      throw at(
          command,
          e.getOffendingToken() != null ? e.getOffendingToken() : recognizer.getCurrentToken(),
          "");
    }

    @Override
    protected void reportUnwantedToken(Parser recognizer) {
      Token t = recognizer.getCurrentToken();
      throw at(command, t, ": extra input " + display(t));
    }

    @Override
    protected void reportMissingToken(Parser recognizer) {
      Token t = recognizer.getCurrentToken();
      String expected = getExpectedTokens(recognizer).toString(recognizer.getVocabulary());
      throw at(command, t, ": missing " + expected);
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
      throw at(command, e.getOffendingToken(), "");
    }
  }

  /** Fails on lexer or parser errors that reach the listener (the lexer's, in practice). */
  static final class Listener extends BaseErrorListener {
    private final String command;

    Listener(String command) {
      this.command = command;
    }

    @Override
    public void syntaxError(
        Recognizer<?, ?> recognizer,
        Object offendingSymbol,
        int line,
        int charPositionInLine,
        String msg,
        RecognitionException e) {
      String near = offendingSymbol instanceof Token t ? display(t) : "end of input";
      throw new ParseException(
          ErrorClass.PARSE_SYNTAX_ERROR,
          SluiceException.params("error", near, "hint", ""),
          command,
          line,
          charPositionInLine);
    }
  }
}
