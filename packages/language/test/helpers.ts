// Test helpers: load text, list diagnostics by line.
import { parseModelFromString, type LoadOptions, type LoadResult } from '../src/load.js';
import { createTopoLspServices, type TopoLspServices } from '../src/topo-lsp-module.js';

/** `text` as file:///ws/main.topo, beside `others` (URI → text), on the server's services: tests use its features. */
export async function loadText(text: string, others: Record<string, string> = {}, options: LoadOptions<TopoLspServices> = {}): Promise<LoadResult<TopoLspServices>> {
  return parseModelFromString(text, 'file:///ws/main.topo', others, { services: createTopoLspServices, ...options });
}

/** `code@line` (1-based) for each finding of the main file, in order. */
export function codesByLine(result: LoadResult, uri = 'file:///ws/main.topo'): string[] {
  return result.findings.filter((f) => f.loc.uri === uri).map((f) => `${f.code}@${f.loc.start.line + 1}`);
}
