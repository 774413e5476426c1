// Runs inside desktop VS Code (see ../desktop.test.ts), with the Topo extension loaded from
// packages/vscode and a copy of examples/ open. Plain CommonJS: VS Code requires it as is.
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');

async function until(what, probe, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function codesAt(uri, code) {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => (typeof d.code === 'object' ? d.code.value : d.code) === code)
    .map((d) => d.range.start.line + 1);
}

function webviewTabs(viewType) {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(viewType));
}

exports.run = async function run() {
  const folder = vscode.workspace.workspaceFolders[0].uri.fsPath;
  const storm = vscode.Uri.file(path.join(folder, 'retry-storm.topo'));
  const netflix = vscode.Uri.file(path.join(folder, 'netflix.topo'));

  const editor = await vscode.window.showTextDocument(storm);
  await until('timeout-budget on lines 10 and 16', () => codesAt(storm, 'timeout-budget').join() === '10,16');

  await vscode.commands.executeCommand('topo.openPreview', storm.toString());
  await until('the preview', () => webviewTabs('topo.preview').length === 1);

  await editor.edit((edit) => edit.replace(new vscode.Range(9, 22, 9, 24), '7s'));
  assert.equal(editor.document.lineAt(9).text, '  call middle timeout 7s retries 2');
  await until('timeout-budget on line 16 only', () => codesAt(storm, 'timeout-budget').join() === '16');

  await vscode.commands.executeCommand('topo.runSimulation', netflix.toString(), 'evening');
  await until('the results of evening', () => webviewTabs('topo.results').length === 1, 180_000);
};
