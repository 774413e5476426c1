// Which rule ids a topo.json may configure and a topo-ignore may name. The language's own
// ids (a file that has them is not a valid architecture) can be neither.
import { ANALYSIS_RULE_IDS } from '@topo/model';
import { IMPORT_CYCLE, SYNTAX, UNUSED_IGNORE } from './validation/codes.js';

/** The ids a topo-ignore comment may suppress: the analysis rules'. */
export function isIgnorableRuleId(id: string): boolean {
  return ANALYSIS_RULE_IDS.includes(id);
}

/** The ids whose severity a topo.json may set: the analysis rules' and `unused-ignore`. */
export const CONFIGURABLE_RULE_IDS: readonly string[] = [...ANALYSIS_RULE_IDS, UNUSED_IGNORE];

/** `syntax`, `unresolved-*`, `import-cycle`, `duplicate-*`: the reference's language-level ids. */
export function isLanguageRuleId(id: string): boolean {
  return id === SYNTAX || id === IMPORT_CYCLE || id.startsWith('unresolved-') || id.startsWith('duplicate-');
}
