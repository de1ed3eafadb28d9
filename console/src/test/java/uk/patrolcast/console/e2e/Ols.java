package uk.patrolcast.console.e2e;

/** Ordinary least squares by the normal equations, with standard errors (small k only). */
final class Ols {
  final double[] beta;
  final double[] se;
  final double r2;
  final double adjustedR2;
  final double sigma;

  private Ols(double[] beta, double[] se, double r2, double adjustedR2, double sigma) {
    this.beta = beta;
    this.se = se;
    this.r2 = r2;
    this.adjustedR2 = adjustedR2;
    this.sigma = sigma;
  }

  static Ols fit(double[][] x, double[] y) {
    int n = y.length;
    int k = x[0].length;
    double[][] xtx = new double[k][k];
    double[] xty = new double[k];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < k; a++) {
        xty[a] += x[i][a] * y[i];
        for (int b = 0; b < k; b++) {
          xtx[a][b] += x[i][a] * x[i][b];
        }
      }
    }
    double[][] inv = invert(xtx);
    double[] beta = new double[k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        beta[a] += inv[a][b] * xty[b];
      }
    }
    double mean = 0;
    for (double v : y) {
      mean += v / n;
    }
    double sse = 0;
    double sst = 0;
    for (int i = 0; i < n; i++) {
      double fit = 0;
      for (int a = 0; a < k; a++) {
        fit += beta[a] * x[i][a];
      }
      sse += (y[i] - fit) * (y[i] - fit);
      sst += (y[i] - mean) * (y[i] - mean);
    }
    double s2 = sse / (n - k);
    double[] se = new double[k];
    for (int a = 0; a < k; a++) {
      se[a] = Math.sqrt(s2 * inv[a][a]);
    }
    double r2 = 1 - sse / sst;
    return new Ols(beta, se, r2, 1 - (1 - r2) * (n - 1) / (n - k), Math.sqrt(s2));
  }

  /** Gauss-Jordan inverse with partial pivoting. */
  static double[][] invert(double[][] m) {
    int k = m.length;
    double[][] a = new double[k][2 * k];
    for (int i = 0; i < k; i++) {
      System.arraycopy(m[i], 0, a[i], 0, k);
      a[i][k + i] = 1;
    }
    for (int c = 0; c < k; c++) {
      int p = c;
      for (int r = c + 1; r < k; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
          p = r;
        }
      }
      double[] t = a[c];
      a[c] = a[p];
      a[p] = t;
      double pivot = a[c][c];
      for (int j = 0; j < 2 * k; j++) {
        a[c][j] /= pivot;
      }
      for (int r = 0; r < k; r++) {
        if (r != c) {
          double f = a[r][c];
          for (int j = 0; j < 2 * k; j++) {
            a[r][j] -= f * a[c][j];
          }
        }
      }
    }
    double[][] inv = new double[k][k];
    for (int i = 0; i < k; i++) {
      System.arraycopy(a[i], k, inv[i], 0, k);
    }
    return inv;
  }

  /** Standard normal CDF (Abramowitz and Stegun 7.1.26 for erf). */
  static double normalCdf(double z) {
    double x = Math.abs(z) / Math.sqrt(2);
    double t = 1 / (1 + 0.3275911 * x);
    double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
    return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
  }
}
