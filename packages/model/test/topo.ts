// Test helpers: models from .topo text (through the language package), and the
// conformance convention `// @expect id ...` to say which findings each line must get.
import { parseModelFromString } from '@topo/language';
import { analyze, type AnalysisFinding, type AnalysisOptions, type Model } from '@topo/model';
import { expect } from 'vitest';

export async function modelOf(text: string): Promise<Model> {
  const { model, findings } = await parseModelFromString(text);
  const broken = findings.filter((f) => f.code === 'syntax' || f.code.startsWith('unresolved'));
  if (broken.length > 0) throw new Error(`test model does not parse: ${broken.map((f) => `${f.loc.start.line + 1}: ${f.message}`).join('; ')}`);
  return model;
}

export async function analyzeText(text: string, options?: AnalysisOptions): Promise<AnalysisFinding[]> {
  return analyze(await modelOf(text), options);
}

/** Rule ids per 1-based line, as `// @expect` comments state them. */
export function expectedIds(text: string): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  text.split('\n').forEach((line, i) => {
    const match = /\/\/\s*@expect\s+([\w\s-]+)$/.exec(line);
    if (match) out[i + 1] = match[1]!.trim().split(/\s+/).sort();
  });
  return out;
}

/** Rule ids per 1-based line of the findings, leaving out `hint`s. */
export function reportedIds(findings: readonly AnalysisFinding[], keep: (f: AnalysisFinding) => boolean = () => true): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const f of findings) {
    if (f.severity === 'hint' || !keep(f)) continue;
    (out[f.loc.start.line + 1] ??= []).push(f.code);
  }
  for (const ids of Object.values(out)) ids.sort();
  return out;
}

/** Analyzes annotated text and checks that each line gets exactly the ids it expects. */
export async function expectAnnotated(text: string, options?: AnalysisOptions): Promise<AnalysisFinding[]> {
  const findings = await analyzeText(text, options);
  expect(reportedIds(findings)).toEqual(expectedIds(text));
  return findings;
}

/** The one finding of a rule, failing the test when there is not exactly one. */
export function only(findings: readonly AnalysisFinding[], code: string): AnalysisFinding {
  const matching = findings.filter((f) => f.code === code);
  expect(matching, `findings of ${code}`).toHaveLength(1);
  return matching[0]!;
}
