package uk.patrolcast.console.view;

import java.util.Arrays;

/** One number per area of an {@link AreaIndex}, NaN where unknown; grows as the index grows. */
public final class AreaValues {
  private float[] values;

  public AreaValues() {
    this(64);
  }

  public AreaValues(int capacity) {
    values = new float[Math.max(capacity, 16)];
    Arrays.fill(values, Float.NaN);
  }

  public void set(int index, double value) {
    if (index >= values.length) {
      int old = values.length;
      values = Arrays.copyOf(values, Math.max(index + 1, old * 2));
      Arrays.fill(values, old, values.length, Float.NaN);
    }
    values[index] = (float) value;
  }

  /** The value, NaN when unknown. */
  public double get(int index) {
    return index >= 0 && index < values.length ? values[index] : Float.NaN;
  }

  public boolean known(int index) {
    return !Double.isNaN(get(index));
  }

  /** The first {@code n} values, NaN-padded, as an array a browser can take. */
  public float[] toArray(int n) {
    float[] out = Arrays.copyOf(values, n);
    if (n > values.length) {
      Arrays.fill(out, values.length, n, Float.NaN);
    }
    return out;
  }

  /** Length of the backing array: every known index is below it. */
  public int capacity() {
    return values.length;
  }

  /** Sum of the known values. */
  public double sum() {
    double s = 0;
    for (float v : values) {
      if (!Float.isNaN(v)) {
        s += v;
      }
    }
    return s;
  }

  /** Number of known values. */
  public int count() {
    int c = 0;
    for (float v : values) {
      if (!Float.isNaN(v)) {
        c++;
      }
    }
    return c;
  }
}
