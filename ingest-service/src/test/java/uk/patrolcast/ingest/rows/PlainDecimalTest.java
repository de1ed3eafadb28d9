package uk.patrolcast.ingest.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast coordinate parser must give exactly the double {@link Double#parseDouble} gives for every
 * plain decimal (bit for bit, signed zeros included), and NaN for everything the old rule refused:
 * anything but digits, signs and points, and what parseDouble itself refuses.
 */
class PlainDecimalTest {

  @Test
  void givesTheSameBitsAsParseDoubleForHundredsOfThousandsOfPlainDecimals() {
    Random random = new Random(20261128);
    for (int i = 0; i < 300_000; i++) {
      String text = plainDecimal(random);
      assertThat(Double.doubleToRawLongBits(PlainDecimal.parse(text))).as(text)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
    for (String text : new String[] {"0", "-0", "+0", "-0.0", "1.", ".5", "-.5", "+7", "51.507351", "-0.127758", "9007199254740993",
        "0.1000000000000000055511151231257827", "123456789012345678901234567890", "0.000000000000000000000001", "179.9999999999999"}) {
      assertThat(Double.doubleToRawLongBits(PlainDecimal.parse(text))).as(text)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
  }

  @Test
  void refusesWhatIsNotAPlainDecimal() {
    for (String text : new String[] {"", "-", "+", ".", "-.", "NaN", "Infinity", "1e3", "1E3", "0x1p3", "5d", "5f", " 1", "1 ", "1.2.3",
        "1-2", "--1", "+-1", "1,5", "١٢"}) {
      assertThat(PlainDecimal.parse(text)).as("'%s'", text).isNaN();
    }
  }

  /** Up to 25 digits with an optional sign and point anywhere, as police.uk and malformed rows write them. */
  private static String plainDecimal(Random random) {
    StringBuilder b = new StringBuilder();
    int sign = random.nextInt(4);
    if (sign == 0) {
      b.append('-');
    } else if (sign == 1) {
      b.append('+');
    }
    int digits = 1 + (random.nextBoolean() ? random.nextInt(9) : random.nextInt(25));
    int point = random.nextInt(digits + 2) - 1;
    for (int i = 0; i < digits; i++) {
      if (i == point) {
        b.append('.');
      }
      b.append((char) ('0' + random.nextInt(10)));
    }
    if (point == digits) {
      b.append('.');
    }
    return b.toString();
  }
}
