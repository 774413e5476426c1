// A long request to the server (a simulation, a comparison) behind a progress notification
// that can cancel it: the server reports its percentage on a work-done token.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { WorkDoneProgress, type RequestParam, type RequestType } from 'vscode-languageclient/node';
import { request } from '../client.js';
import type { Topo } from '../context.js';

/** The server's answer, or undefined when the user cancelled before it came. */
export async function requestWithProgress<P extends { workDoneToken?: string | number }, R>(
  topo: Topo,
  title: string,
  type: RequestType<P, R, void>,
  params: NoInfer<Omit<P, 'workDoneToken'>>,
): Promise<R | undefined> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, cancel) => {
    const workDoneToken = randomUUID();
    let reported = 0;
    const listening = topo.client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind === 'end') return;
      const increment = value.percentage === undefined ? undefined : value.percentage - reported;
      if (value.percentage !== undefined) reported = value.percentage;
      progress.report({ increment, message: value.message });
    });
    try {
      // The params and the token make a P, which TypeScript cannot see for a generic P.
      return await request(topo.client, type, { ...params, workDoneToken } as RequestParam<P>, cancel);
    } catch (error) {
      // Cancelled before the server answered with what it had: nothing to show.
      if (cancel.isCancellationRequested) return undefined;
      throw error;
    } finally {
      listening.dispose();
    }
  });
}

/** The `topo.simulation.seed` setting for a file, when it is set. */
export function seedSetting(uri: vscode.Uri): { seed?: number } {
  const seed = vscode.workspace.getConfiguration('topo', uri).get<number | null>('simulation.seed');
  return typeof seed === 'number' ? { seed } : {};
}
