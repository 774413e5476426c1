// The editor's ways into the compare view: "Simulate the fix" on the budget findings and a
// lens on each scenario, both calling the client's compare command with the file.
import { describe, expect, it } from 'vitest';
import type { CodeAction, CodeLens, Diagnostic } from 'vscode-languageserver';
import { TopoCommands } from '../src/commands.js';
import { loadText } from './helpers.js';

const URI = 'file:///ws/main.topo';

async function simulateTheFix(text: string, code: string, only?: string[]): Promise<CodeAction[]> {
  const { documents, services } = await loadText(text);
  const document = documents[0]!;
  const diagnostics = (document.diagnostics ?? []).filter((d: Diagnostic) => d.code === code);
  expect(diagnostics, `a ${code} finding`).not.toEqual([]);
  const actions = (await services.lsp.CodeActionProvider!.getCodeActions(document, {
    textDocument: { uri: URI },
    range: diagnostics[0]!.range,
    context: { diagnostics, ...(only ? { only } : {}) },
  })) as CodeAction[];
  return actions.filter((a) => a.title === 'Simulate the fix');
}

describe('"Simulate the fix"', () => {
  const shortTimeout = 'service a {\n  call b timeout 10ms\n}\nservice b {\n  work 12ms\n}';

  it('is offered on a timeout-budget finding and opens the compare view of the file', async () => {
    const [action, ...more] = await simulateTheFix(shortTimeout, 'timeout-budget', ['quickfix']);
    expect(more).toEqual([]);
    expect(action).toMatchObject({ kind: 'quickfix', command: { command: TopoCommands.compareFixed, arguments: [URI] } });
    expect(action!.diagnostics?.map((d) => d.code)).toEqual(['timeout-budget']);
    expect(action!.edit).toBeUndefined();
  });

  it('is offered on a deadline-budget finding', async () => {
    const actions = await simulateTheFix('service e {\n  layer edge\n  deadline 100ms\n  call b timeout 150ms\n}\nservice b', 'deadline-budget');
    expect(actions.map((a) => a.command?.command)).toEqual([TopoCommands.compareFixed]);
  });

  it('is offered on a timeout-headroom finding on a call or a deadline, not on a queue the plan does not change', async () => {
    const call = await simulateTheFix('service a {\n  call b timeout 20ms\n}\nservice b {\n  work 20ms constant\n}', 'timeout-headroom');
    expect(call.map((a) => a.command?.command)).toEqual([TopoCommands.compareFixed]);
    const deadline = await simulateTheFix('service e {\n  work 2ms\n  deadline 102ms\n  call b timeout 100ms\n}\nservice b', 'timeout-headroom');
    expect(deadline.map((a) => a.command?.command)).toEqual([TopoCommands.compareFixed]);
    expect(await simulateTheFix('service c {\n  call s timeout 500ms\n}\nservice s {\n  work 10ms constant\n  threads 10\n  queue 500\n}', 'timeout-headroom')).toEqual([]);
  });

  it('is not offered on other findings, nor when only source actions are asked for', async () => {
    expect(await simulateTheFix('service a {\n  call b retries 1\n}\nservice b {\n  work 40ms\n}', 'missing-timeout')).toEqual([]);
    expect(await simulateTheFix(shortTimeout, 'timeout-budget', ['source'])).toEqual([]);
  });
});

describe('the scenario lenses', () => {
  it('offer to simulate each scenario and to compare it with fixed budgets', async () => {
    const { documents, services } = await loadText('service a {\n  work 1ms\n}\nscenario peak {\n  load 10 rps into a for 5s\n}');
    const lenses = (await services.lsp.CodeLensProvider!.provideCodeLens(documents[0]!, { textDocument: { uri: URI } })) as CodeLens[];
    const onScenario = lenses.filter((l) => l.range.start.line === 3).map((l) => l.command);
    expect(onScenario).toEqual([
      { title: '▶ Simulate', command: TopoCommands.simulate, arguments: [URI, 'peak'] },
      { title: 'Compare with fixed budgets', command: TopoCommands.compareFixed, arguments: [URI, 'peak'] },
    ]);
  });
});
