// Renders images/icon.svg to icon.png (256 × 256), the extension's and the language's icon.
// Run it after changing the SVG: node packages/vscode/scripts/render-icon.mjs
import { Resvg } from '@resvg/resvg-js';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const extension = dirname(dirname(fileURLToPath(import.meta.url)));
const svg = readFileSync(join(extension, 'images/icon.svg'), 'utf8');
const png = new Resvg(svg, { fitTo: { mode: 'width', value: 256 } }).render().asPng();
writeFileSync(join(extension, 'icon.png'), png);
console.log(`icon.png: ${png.length} bytes`);
