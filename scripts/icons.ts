/**
 * Renders the extension's icon to the PNG sizes WXT puts in the manifest: public/icon/16.png,
 * 32.png, 48.png, 96.png and 128.png. The source is scripts/icon.svg; the 16-pixel size has its
 * own drawing on that grid (scripts/icon-16.svg), as the big one scaled down blurs. Run after
 * changing an SVG: `npx tsx scripts/icons.ts`; the PNGs are committed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const source = (size: number) => join(ROOT, 'scripts', size <= 16 ? 'icon-16.svg' : 'icon.svg');
const OUT = join(ROOT, 'public', 'icon');
const SIZES = [16, 32, 48, 96, 128] as const;

mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  const svg = readFileSync(source(size), 'utf8');
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
  writeFileSync(join(OUT, `${size}.png`), png);
  console.log(`public/icon/${size}.png (${png.length} bytes)`);
}
