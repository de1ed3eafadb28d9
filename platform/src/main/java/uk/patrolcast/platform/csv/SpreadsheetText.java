package uk.patrolcast.platform.csv;

/**
 * Text for a CSV cell that a spreadsheet will not run: a cell starting with {@code = + - @}, a tab or
 * a carriage return is a formula to Excel, LibreOffice and Sheets (CSV injection: a police.uk field
 * reading {@code =HYPERLINK(...)} would become a live link). Such text gets a leading apostrophe,
 * which spreadsheets show as text and which keeps the data readable; other text is unchanged.
 * Numbers are written by their own code and never pass through here.
 */
public final class SpreadsheetText {
  private SpreadsheetText() {}

  public static String defuse(String text) {
    if (text == null || text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0) {
      return text;
    }
    return "'" + text;
  }
}
