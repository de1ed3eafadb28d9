// Bundles the console pages into the console jar's static folder: one JS file and one CSS file
// (Leaflet included), minified, with the page shell copied beside them. No network at run time.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const outdir = resolve(process.argv[2] || '../target/classes/static');
mkdirSync(outdir, { recursive: true });
const result = await esbuild.build({
  entryPoints: { app: 'src/main.js' },
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15'],
  outdir,
  loader: { '.png': 'dataurl', '.svg': 'dataurl' },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});
copyFileSync('src/index.html', resolve(outdir, 'index.html'));
const sizes = Object.entries(result.metafile.outputs).map(([f, o]) => `${f.split('/').pop()} ${(o.bytes / 1024).toFixed(1)} KiB`);
console.log(`console frontend -> ${outdir}: ${sizes.join(', ')}`);
