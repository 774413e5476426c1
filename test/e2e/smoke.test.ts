// Proves the harness before the Topo extension exists: a folder opens, Quick
// Open finds files, the built-in JSON language server's diagnostics reach the
// Problems panel, a .vsix installs and its palette command asks through a
// quick pick and shows a webview, and closing the session ends every process
// it started.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findWebviewFrame,
  launchVSCode,
  openFile,
  pickQuickItem,
  runCommand,
  waitForProblems,
  type VSCodeSession,
} from './harness.js';

const fixtureExtension = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/harness-extension');

const files: Record<string, string> = {
  'valid.json': '{ "a": 1 }\n',
  'broken.json': '{\n  "a":\n}\n',
};

describe('code-server harness', () => {
  let work: string;
  let vscode: VSCodeSession;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'topo-e2e-smoke-'));
    const folder = path.join(work, 'folder');
    await mkdir(folder);
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text);
    // A .vsix is a zip with the extension under extension/.
    const vsix = path.join(work, 'harness-fixture.vsix');
    execFileSync('zip', ['-q', '-r', vsix, 'extension'], { cwd: fixtureExtension });
    vscode = await launchVSCode({ name: 'smoke', folder, extensions: [vsix] });
    console.info(`workbench shown in ${vscode.times.loadMs} ms, extensions loaded in ${vscode.times.readyMs} ms`);
  });

  afterAll(async () => {
    await vscode?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('opens the folder in the workbench', async () => {
    const explorer = vscode.page.locator('.explorer-folders-view .monaco-list-row .label-name');
    for (const name of Object.keys(files)) await explorer.filter({ hasText: name }).waitFor();
    const shot = await vscode.screenshot('workbench');
    expect((await stat(shot)).size).toBeGreaterThan(10_000);
  });

  it('lists the problems of a broken file and none for a valid one', async () => {
    await openFile(vscode.page, 'valid.json');
    await openFile(vscode.page, 'broken.json');
    const problems = await waitForProblems(vscode.page, (listed) => listed.length > 0);
    expect(problems).toEqual([
      { file: 'broken.json', severity: 'error', message: 'Value expected', source: 'json', code: '516', line: 3, column: 1 },
    ]);
    await vscode.screenshot('problems');
  });

  it("runs an installed .vsix's command from the palette and finds its webview", async () => {
    await runCommand(vscode.page, 'Harness Fixture: Show Webview');
    await pickQuickItem(vscode.page, 'Bonjour'); // the second item: the pick is the one asked for
    const webview = await findWebviewFrame(vscode.page, '#harness-fixture');
    expect(await webview.locator('#harness-fixture').textContent()).toBe('Bonjour from a .vsix');
    await vscode.screenshot('webview');
  });

  it('reports a command or a webview element that is not there', async () => {
    await expect(runCommand(vscode.page, 'Topo: No Such Command', 3_000)).rejects.toThrow(/no command "Topo: No Such Command"/);
    await expect(findWebviewFrame(vscode.page, '#not-there', 1_000)).rejects.toThrow(/no webview shows #not-there/);
  });

  it('ends code-server and all it started when the session closes', async () => {
    const { pid, url } = vscode.server;
    expect(() => process.kill(-pid, 0)).not.toThrow();
    await vscode.close();
    expect(() => process.kill(-pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
    await expect(fetch(url)).rejects.toThrow();
  });
});
