// The limits of the rules: the defaults, under the nearest topo.json's, under those the user
// set in the editor's settings or with the CLI's flags.
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from '@topo/model';

export type TopoLimits = Required<AnalysisOptions>;

export const DEFAULT_LIMITS: Readonly<TopoLimits> = DEFAULT_ANALYSIS_OPTIONS;

export class TopoSettings {
  /** The limits the user set (editor settings, CLI flags): they win over topo.json. */
  private overrides: Partial<TopoLimits> = {};
  /**
   * Folder URIs that imports must stay inside. The CLI sets it; in the editor, the
   * workspace folders are used when it is unset.
   */
  workspaceRoots?: string[];

  /** Replaces the limits the user set; a limit left out or undefined is not set. */
  update(limits: Partial<TopoLimits>): void {
    this.overrides = definedOnly(limits);
  }

  /** The limits for a file whose topo.json sets `fromConfig`. */
  limits(fromConfig: Partial<TopoLimits> = {}): TopoLimits {
    return { ...DEFAULT_LIMITS, ...definedOnly(fromConfig), ...this.overrides };
  }
}

function definedOnly(limits: Partial<TopoLimits>): Partial<TopoLimits> {
  return Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined));
}
