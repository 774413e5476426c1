// Loading architectures outside an editor (the CLI, tests, benchmarks): a file and its
// imports from disk, or text in memory, built and validated like the editor does.
import type { DefaultSharedCoreModuleContext, LangiumDocument } from 'langium';
import { EmptyFileSystem, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { isInside } from './validation/imports.js';
import type { Finding, Model, Severity } from '@topo/model';
import type { Diagnostic } from 'vscode-languageserver-types';
import { TopoConfigError } from './config.js';
import { importedUris } from './imports.js';
import type { TopoLimits } from './settings.js';
import { createTopoServices, type TopoServices } from './topo-module.js';

export interface LoadResult<S extends TopoServices = TopoServices> {
  model: Model;
  /** Diagnostics of the file and of every file it imports, each with its own URI. */
  findings: Finding[];
  /** The files read, the entry first. */
  documents: LangiumDocument[];
  services: S;
}

/** Builds the services a load runs on: the language's for one build, or the server's for a test of its features. */
export type ServicesFactory<S extends TopoServices> = (context: DefaultSharedCoreModuleContext) => { Topo: S };

export interface LoadOptions<S extends TopoServices = TopoServices> {
  /** Limits that win over topo.json's (the CLI's flags); one left out comes from topo.json. */
  limits?: Partial<TopoLimits>;
  /**
   * The folder imports must stay inside: nothing outside it is read. Default: the current
   * directory when the file is in it, else the file's own folder.
   */
  workspaceRoot?: string;
  /** Where parseModelFromString finds topo.json: nowhere by default; NodeFileSystem reads the disk. */
  fileSystem?: DefaultSharedCoreModuleContext;
  /** Default: createTopoServices for one build, the language without the editor's features. */
  services?: ServicesFactory<S>;
}

const SEVERITIES: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** A document's diagnostic as a finding with its file's URI. */
export function toFinding(uri: string, d: Diagnostic): Finding {
  return {
    // Every diagnostic of ours has a code; one without is Langium reporting a check that threw.
    code: d.code === undefined ? 'internal-error' : String(d.code),
    severity: SEVERITIES[d.severity ?? 1] ?? 'error',
    message: typeof d.message === 'string' ? d.message : d.message.value,
    loc: { uri, start: d.range.start, end: d.range.end },
  };
}

const oneBuild: ServicesFactory<TopoServices> = (context) => createTopoServices(context, { oneBuild: true });

/** `options.services`, or oneBuild when there is none (then S is TopoServices, its default). */
function servicesOf<S extends TopoServices>(options: LoadOptions<S>, context: DefaultSharedCoreModuleContext): S {
  return (options.services ?? (oneBuild as ServicesFactory<S>))(context).Topo;
}

async function build<S extends TopoServices>(services: S, entry: LangiumDocument, documents: LangiumDocument[], options: LoadOptions<S>): Promise<LoadResult<S>> {
  services.topo.Settings.update(options.limits ?? {});
  if (options.workspaceRoot) services.topo.Settings.workspaceRoots = [URI.file(options.workspaceRoot).toString()];
  await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
  const badConfigs = services.topo.Configs.withProblems();
  if (badConfigs.length > 0) throw new TopoConfigError(badConfigs);
  const findings = documents.flatMap((doc) => (doc.diagnostics ?? []).map((d) => toFinding(doc.uri.toString(), d)));
  findings.sort(compareFindings);
  return { model: services.topo.Models.modelOf(entry), findings, documents, services };
}

/**
 * Loads a .topo file and, transitively, the files it imports (those that exist), under the
 * nearest topo.json of each. Throws TopoConfigError when one of those has problems.
 */
export async function loadModel<S extends TopoServices = TopoServices>(path: string, options: LoadOptions<S> = {}): Promise<LoadResult<S>> {
  return loadFile(servicesOf(options, NodeFileSystem), path, options);
}

/**
 * loadModel for many files, one after another on one set of services: the parser is built
 * once (some 75 ms a file otherwise), and each load forgets the files of the one before, so
 * memory stays that of one model.
 */
export function createLoader<S extends TopoServices = TopoServices>(options: LoadOptions<S> = {}): (path: string, workspaceRoot?: string) => Promise<LoadResult<S>> {
  const Topo = servicesOf(options, NodeFileSystem);
  const { DocumentBuilder, LangiumDocuments } = Topo.shared.workspace;
  return async (path, workspaceRoot) => {
    const loaded = LangiumDocuments.all.map((doc) => doc.uri).toArray();
    // An update that deletes them also drops their index entries and the caches built on them.
    if (loaded.length > 0) await DocumentBuilder.update([], loaded);
    return loadFile(Topo, path, { ...options, ...(workspaceRoot === undefined ? {} : { workspaceRoot }) });
  };
}

async function loadFile<S extends TopoServices>(Topo: S, path: string, options: LoadOptions<S>): Promise<LoadResult<S>> {
  const langiumDocuments = Topo.shared.workspace.LangiumDocuments;
  const file = resolve(path);
  const cwd = process.cwd();
  const root = URI.file(options.workspaceRoot ?? (file.startsWith(cwd + sep) ? cwd : dirname(file)));
  const entry = await langiumDocuments.getOrCreateDocument(URI.file(file));
  const documents = [entry];
  for (let i = 0; i < documents.length; i++) {
    const doc = documents[i]!;
    for (const uri of importedUris(doc)) {
      // Nothing outside the workspace is read; the import reports it.
      if (langiumDocuments.hasDocument(uri) || !isInside(uri, root) || !isFile(uri.fsPath)) continue;
      documents.push(await langiumDocuments.getOrCreateDocument(uri));
    }
  }
  return build(Topo, entry, documents, { ...options, workspaceRoot: root.fsPath });
}

/** Parses text as a file of its own (imports resolve only among `others`). For tests and tools. */
export async function parseModelFromString<S extends TopoServices = TopoServices>(
  text: string,
  uri = 'file:///model.topo',
  others: Record<string, string> = {},
  options: LoadOptions<S> = {},
): Promise<LoadResult<S>> {
  const Topo = servicesOf(options, options.fileSystem ?? EmptyFileSystem);
  const factory = Topo.shared.workspace.LangiumDocumentFactory;
  const langiumDocuments = Topo.shared.workspace.LangiumDocuments;
  const entry = factory.fromString(text, URI.parse(uri));
  langiumDocuments.addDocument(entry);
  const documents = [entry];
  for (const [otherUri, otherText] of Object.entries(others)) {
    const doc = factory.fromString(otherText, URI.parse(otherUri));
    langiumDocuments.addDocument(doc);
    documents.push(doc);
  }
  return build(Topo, entry, documents, options);
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function compareFindings(a: Finding, b: Finding): number {
  return a.loc.uri.localeCompare(b.loc.uri) || a.loc.start.line - b.loc.start.line || a.loc.start.character - b.loc.start.character || a.code.localeCompare(b.code);
}
