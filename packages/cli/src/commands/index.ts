// Every command of the CLI, in the order `topo --help` lists them: its name and summary here,
// its module imported only when it runs (or prints its usage). So `topo --help` loads no
// command, and `topo check` neither the simulator nor elkjs nor resvg: scripts/build.mjs
// splits the bundle at these imports.
import type { Command } from '../io.js';

export interface ListedCommand {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

export const commands: ListedCommand[] = [
  {
    name: 'check',
    summary: 'report the diagnostics of .topo files and folders (and of the files they import)',
    load: async () => (await import('./check.js')).check,
  },
  {
    name: 'simulate',
    summary: 'simulate a scenario: latency, failures, retries, wasted work, per service',
    load: async () => (await import('./simulate.js')).simulate,
  },
  { name: 'diagram', summary: 'draw the topology as SVG or PNG', load: async () => (await import('./diagram.js')).diagram },
  {
    name: 'carbon',
    summary: 'estimate carbon per month (Cloud Carbon Footprint) and per request (SCI)',
    load: async () => (await import('./carbon.js')).carbon,
  },
  {
    name: 'report',
    summary: 'write the diagram, carbon estimate and a simulation as one HTML page',
    load: async () => (await import('./report.js')).report,
  },
  {
    name: 'diff',
    summary: 'compare two versions (files or REV:path): changes, findings, carbon, simulation',
    load: async () => (await import('./diff.js')).diff,
  },
  {
    name: 'import',
    summary: 'write a .topo file from a spigo architecture, Kubernetes manifests or traces',
    load: async () => (await import('./import.js')).importCommand,
  },
  {
    name: 'export',
    summary: 'write the architecture as a plain model (JSON), LikeC4, Structurizr, Mermaid, Backstage entities or an Impact Framework manifest',
    load: async () => (await import('./export.js')).exportCommand,
  },
  {
    name: 'format',
    summary: 'rewrite .topo files and folders in house style (--check: list those that are not)',
    load: async () => (await import('./format.js')).format,
  },
  { name: 'lsp', summary: 'run the language server over stdio, for editors other than VS Code', load: async () => (await import('./lsp.js')).lsp },
];
