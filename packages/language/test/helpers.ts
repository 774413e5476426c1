// Test helpers: parse text, list diagnostics by line.
import { parseModelFromString, type LoadOptions, type LoadResult } from '../src/load.js';

/** `text` as file:///ws/main.topo, beside `others` (URI → text). */
export async function parse(text: string, others: Record<string, string> = {}, options: LoadOptions = {}): Promise<LoadResult> {
  return parseModelFromString(text, 'file:///ws/main.topo', others, options);
}

/** `code@line` (1-based) for each finding of the main file, in order. */
export function codesByLine(result: LoadResult, uri = 'file:///ws/main.topo'): string[] {
  return result.findings.filter((f) => f.loc.uri === uri).map((f) => `${f.code}@${f.loc.start.line + 1}`);
}
