// Colour scales for the maps: quantile classes for skewed counts, symmetric classes for differences.
const SEQ = ['#fff5eb', '#fdd9b4', '#fdae6b', '#fd8d3c', '#f16913', '#d94801', '#8c2d04'];
const DIV = ['#2166ac', '#67a9cf', '#d1e5f0', '#f7f7f7', '#fddbc7', '#ef8a62', '#b2182b'];
export const NO_DATA = '#d9d9d9';

// Classes end at quantiles weighted to the tail (burglary counts are mostly 0-2 with a long tail);
// a value falls in the first class whose upper break is >= it, above the last break in the top class.
const QUANTILES = [0.3, 0.5, 0.7, 0.85, 0.95, 0.99];
export function sequential(values) {
  const v = values.filter((x) => x != null && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return { color: () => NO_DATA, breaks: [], colors: [] };
  const uniq = [...new Set(QUANTILES.map((q) => v[Math.min(v.length - 1, Math.floor(q * v.length))]))];
  if (uniq[uniq.length - 1] === v[v.length - 1]) uniq.pop();
  const colors = uniq.length + 1 >= SEQ.length ? SEQ : SEQ.filter((_, i) => i % Math.floor(SEQ.length / (uniq.length + 1)) === 0).slice(0, uniq.length + 1);
  return {
    breaks: uniq,
    colors,
    upperInclusive: true,
    // Whole numbers (recorded burglaries): a class (lo, hi] is lo+1 .. hi, and the legend says so.
    integer: v.every(Number.isInteger),
    min: v[0],
    max: v[v.length - 1],
    color(x) {
      if (x == null || !Number.isFinite(x)) return NO_DATA;
      let i = 0;
      while (i < uniq.length && x > uniq[i]) i++;
      return colors[i];
    },
  };
}

export function diverging(values) {
  const v = values.filter((x) => x != null && Number.isFinite(x)).map(Math.abs).sort((a, b) => a - b);
  const top = v.length ? v[Math.floor(v.length * 0.98)] || v[v.length - 1] || 1 : 1;
  const step = (top || 1) / 3.5;
  const breaks = [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5].map((k) => k * step);
  return {
    breaks,
    colors: DIV,
    min: -top,
    max: top,
    color(x) {
      if (x == null || !Number.isFinite(x)) return NO_DATA;
      let i = 0;
      while (i < breaks.length && x >= breaks[i]) i++;
      return DIV[i];
    },
  };
}
