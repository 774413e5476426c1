// The limits of the rules, set by the editor's settings or the CLI's flags.
export interface TopoLimits {
  maxRetryAmplification: number;
  maxFanOut: number;
}

export const DEFAULT_LIMITS: Readonly<TopoLimits> = { maxRetryAmplification: 8, maxFanOut: 7 };

export class TopoSettings {
  current: TopoLimits = { ...DEFAULT_LIMITS };
  /**
   * Folder URIs that imports must stay inside. The CLI sets it; in the editor, the
   * workspace folders are used when it is unset.
   */
  workspaceRoots?: string[];

  update(limits: Partial<TopoLimits>): void {
    this.current = { ...this.current, ...limits };
  }
}
