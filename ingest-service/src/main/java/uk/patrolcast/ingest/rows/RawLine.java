package uk.patrolcast.ingest.rows;

/**
 * One physical line of a source as bytes, without its terminator.
 *
 * @param number 1-based physical line number
 * @param bytes the line's bytes, or only its first {@link RawLineReader#KEPT_OF_OVERSIZED} bytes when oversized
 * @param length the full length in bytes
 * @param oversized longer than the reader's limit
 */
public record RawLine(long number, byte[] bytes, int length, boolean oversized) {}
