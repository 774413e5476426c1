// The server's memory for a document of 10,000 services, parsed, linked, validated and
// analysed (goal: ≤ 600 MB). Run: node --expose-gc packages/language/bench/dist/memory.js
import '../src/polyfill.js';
import { parseModelFromString } from '../src/load.js';
import { generateArchitecture } from './generate.js';

const size = Number(process.argv[2] ?? 10_000);
globalThis.gc?.();
const before = process.memoryUsage();
const result = await parseModelFromString(generateArchitecture(size));
globalThis.gc?.();
const after = process.memoryUsage();
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
console.log(`${size} services: ${result.findings.length} findings; heap ${mb(after.heapUsed - before.heapUsed)} more, rss ${mb(after.rss)} in all`);
