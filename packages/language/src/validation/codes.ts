// The language's own diagnostic codes (the analysis rules' ids live with their rules in
// `@topo/model`), and `coded`, the one way the language gives a diagnostic its code: with the
// link to the code's page, docs/rules/<code>.md (`rule-docs.ts`).
import type { CodeDescription } from 'vscode-languageserver-types';
import { ruleDescription } from '../rule-docs.js';

/** Lexer and parser errors. */
export const SYNTAX = 'syntax';
/** Linking errors: a name no declaration in the file or its imports has. */
export const UNRESOLVED_REFERENCE = 'unresolved-reference';
export const UNRESOLVED_IMPORT = 'unresolved-import';
export const IMPORT_CYCLE = 'import-cycle';
export const DUPLICATE_NAME = 'duplicate-name';
export const DUPLICATE_ARCHITECTURE = 'duplicate-architecture';
export const DUPLICATE_PROPERTY = 'duplicate-property';
/** Values the simulator cannot honour as written. */
export const CAPACITY_VALUE = 'capacity-value';
export const RESILIENCE_VALUE = 'resilience-value';
export const CHAOS_VALUE = 'chaos-value';
export const SCENARIO_VALUE = 'scenario-value';
/** A topo-ignore comment that suppresses nothing. */
export const UNUSED_IGNORE = 'unused-ignore';

/** A diagnostic's code and the link to its rule page: `accept('error', message, { node, ...coded(SYNTAX) })`. */
export function coded(code: string): { code: string; codeDescription?: CodeDescription } {
  const codeDescription = ruleDescription(code);
  return codeDescription ? { code, codeDescription } : { code };
}
