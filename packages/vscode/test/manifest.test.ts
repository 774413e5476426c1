// The extension's package.json against the code: the commands it contributes are the ones
// the extension registers and the server's code lenses call, the settings are the ones the
// issue names with the values the code expects, and every file it points at exists.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GROUP_BY_VALUES } from '@topo/diagram';
import { DEFAULT_LIMITS } from '@topo/language';
import { MAX_SEED } from '@topo/model';
import { describe, expect, it } from 'vitest';
import { TopoCommands } from '@topo/language/commands';

const extension = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));
const source = (file: string) => readFileSync(join(extension, 'src', file), 'utf8');

describe('the extension manifest', () => {
  const contributed: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);

  it('contributes exactly the commands the extension registers (the ids the code lenses and actions call)', () => {
    const registered = [...source('extension.ts').matchAll(/command\(TopoCommands\.(\w+),/g)].map((m) => m[1]);
    expect(registered.sort()).toEqual(Object.keys(TopoCommands).sort());
    expect([...contributed].sort()).toEqual(Object.values(TopoCommands).sort());
  });

  it('titles the commands as the palette shows them', () => {
    const titles = manifest.contributes.commands.map((c: { category: string; title: string }) => `${c.category}: ${c.title}`);
    expect(titles.sort()).toEqual([
      'Topo: Compare Simulation with Fixed Budgets',
      'Topo: Export As…',
      'Topo: Export Diagram as SVG…',
      'Topo: Import from Kubernetes Manifests…',
      'Topo: Import from Traces…',
      'Topo: Import spigo Architecture…',
      'Topo: New Architecture File',
      'Topo: Open Preview to the Side',
      'Topo: Run Simulation…',
      'Topo: Show Carbon Estimate',
      'Topo: Sweep Load…',
    ]);
  });

  it('puts only contributed commands in menus', () => {
    const inMenus = Object.values(manifest.contributes.menus as Record<string, Array<{ command: string }>>).flatMap((items) => items.map((i) => i.command));
    expect(contributed).toEqual(expect.arrayContaining([...new Set(inMenus)]));
  });

  it('has the settings of the issue, with the defaults the code uses', () => {
    const settings = manifest.contributes.configuration.properties;
    expect(Object.keys(settings).sort()).toEqual([
      'topo.carbon.utilization',
      'topo.preview.groupBy',
      'topo.simulation.seed',
      'topo.trace.server',
      'topo.validation.maxFanOut',
      'topo.validation.maxRetryAmplification',
    ]);
    // Unset by default, so that topo.json's limits apply; the description gives the default.
    for (const [key, value] of Object.entries(DEFAULT_LIMITS)) {
      expect(settings[`topo.validation.${key}`]).toMatchObject({ type: ['number', 'null'], default: null });
      expect(settings[`topo.validation.${key}`].markdownDescription).toContain(`\`limits.${key}\`, else ${value}.`);
    }
    expect([...settings['topo.preview.groupBy'].enum].sort()).toEqual([...GROUP_BY_VALUES].sort());
    expect(settings['topo.preview.groupBy'].default).toBe('petal');
    expect(settings['topo.carbon.utilization']).toMatchObject({ default: 0.5, minimum: 0, maximum: 1 });
    // The seeds that give runs of their own: the runtime keeps a seed's low 32 bits.
    expect(settings['topo.simulation.seed']).toMatchObject({ default: null, minimum: 0, maximum: MAX_SEED });
    // vscode-languageclient reads `<client id>.trace.server`.
    expect(source('client.ts')).toContain("new LanguageClient('topo',");
  });

  it('activates on the webviews it restores', () => {
    for (const [file, constant] of [
      ['webviews/preview-panel.ts', 'PREVIEW_VIEW_TYPE'],
      ['webviews/results-panel.ts', 'RESULTS_VIEW_TYPE'],
      ['webviews/compare-panel.ts', 'COMPARE_VIEW_TYPE'],
    ] as const) {
      const viewType = new RegExp(`export const ${constant} = '([^']+)'`).exec(source(file))![1];
      expect(manifest.activationEvents).toContain(`onWebviewPanel:${viewType}`);
      expect(source('extension.ts')).toContain(`registerWebviewPanelSerializer(${constant},`);
    }
  });

  it('points at files that exist, and at the grammar of the language', () => {
    const language = manifest.contributes.languages[0];
    for (const file of [manifest.icon, language.configuration, language.icon.light, language.icon.dark, ...manifest.contributes.snippets.map((s: { path: string }) => s.path)]) {
      expect(existsSync(join(extension, file)), file).toBe(true);
    }
    // The grammar is copied into dist/ by the build; its source is the repository's.
    const grammar = JSON.parse(readFileSync(join(extension, '../../syntaxes/topo.tmLanguage.json'), 'utf8'));
    expect(manifest.contributes.grammars[0]).toMatchObject({ language: 'topo', scopeName: grammar.scopeName, path: './dist/syntaxes/topo.tmLanguage.json' });
  });

  it('has the snippets of the issue', () => {
    const snippets = JSON.parse(readFileSync(join(extension, 'snippets/topo.code-snippets'), 'utf8'));
    const prefixes = Object.values(snippets as Record<string, { prefix: string }>).map((s) => s.prefix);
    expect(prefixes).toEqual(expect.arrayContaining(['service', 'call', 'datastore', 'cache', 'petal', 'scenario']));
  });

  it('targets VS Code 1.96 with its own types', () => {
    expect(manifest.engines.vscode).toBe('^1.96.0');
    expect(manifest.devDependencies['@types/vscode']).toBe('1.96.0');
  });
});
