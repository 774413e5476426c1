// topo.json: rule severities and the rules' limits for the .topo files below its folder,
// the nearest file winning. Read and checked here (each problem with its place in the
// file), and found here, for the CLI (loadModel) and the language server alike.
import type { FileSystemProvider } from 'langium';
import { URI, UriUtils } from 'langium';
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { CONFIGURABLE_RULE_IDS, isLanguageRuleId } from './rule-ids.js';
import { DEFAULT_LIMITS, type TopoLimits } from './settings.js';
import { closest } from './syntax-errors.js';
import { isInside } from './validation/imports.js';

export const CONFIG_FILE = 'topo.json';

export const RULE_SETTINGS = ['error', 'warning', 'info', 'off'] as const;
export type RuleSetting = (typeof RULE_SETTINGS)[number];

export interface TopoConfig {
  rules: Record<string, RuleSetting>;
  limits: Partial<TopoLimits>;
}

export interface ConfigProblem {
  message: string;
  range: Range;
}

/** A topo.json read: what it sets that is valid, and its problems. */
export interface ConfigFile {
  uri: string;
  config: TopoConfig;
  problems: ConfigProblem[];
}

const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as (keyof TopoLimits)[];
const TOP_LEVEL = ['$schema', 'rules', 'limits'];

/** Reads the text of a topo.json: every valid setting, and a problem for each invalid one. */
export function parseConfig(uri: string, text: string): ConfigFile {
  const doc = TextDocument.create(uri, 'json', 0, text);
  const rangeOf = (node: { offset: number; length: number }): Range => ({ start: doc.positionAt(node.offset), end: doc.positionAt(node.offset + node.length) });
  const config: TopoConfig = { rules: {}, limits: {} };
  const problems: ConfigProblem[] = [];
  const problem = (node: { offset: number; length: number }, message: string) => problems.push({ message, range: rangeOf(node) });

  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  // The first error only: those after it mostly follow from it.
  if (errors[0]) {
    problem(errors[0], `not valid JSON: ${words(printParseErrorCode(errors[0].error))}`);
    return { uri, config, problems };
  }
  if (root?.type !== 'object') {
    problem(root ?? { offset: 0, length: 0 }, 'topo.json holds an object: { "rules": { … }, "limits": { … } }');
    return { uri, config, problems };
  }
  for (const [key, value] of properties(root)) {
    if (!TOP_LEVEL.includes(key.value)) problem(key, `unknown key "${key.value}": topo.json has "rules" and "limits"`);
    else if (key.value === 'rules') readRules(value, config, problem);
    else if (key.value === 'limits') readLimits(value, config, problem);
  }
  return { uri, config, problems };
}

type Report = (node: Node, message: string) => void;

function readRules(node: Node, config: TopoConfig, problem: Report): void {
  if (node.type !== 'object') return problem(node, '"rules" maps rule ids to a severity: { "fan-out": "error" }');
  for (const [key, value] of properties(node)) {
    const id = String(key.value);
    if (isLanguageRuleId(id)) problem(key, `"${id}" is the language's own: its severity cannot be changed`);
    else if (!CONFIGURABLE_RULE_IDS.includes(id)) problem(key, unknown('rule', id, CONFIGURABLE_RULE_IDS));
    else if (!(RULE_SETTINGS as readonly unknown[]).includes(value.value)) problem(value, `the severity of "${id}" is one of ${RULE_SETTINGS.join(', ')}, not ${shown(value)}`);
    else config.rules[id] = value.value as RuleSetting;
  }
}

function readLimits(node: Node, config: TopoConfig, problem: Report): void {
  if (node.type !== 'object') return problem(node, `"limits" is an object: { "maxRetryAmplification": ${DEFAULT_LIMITS.maxRetryAmplification}, "maxFanOut": ${DEFAULT_LIMITS.maxFanOut} }`);
  for (const [key, value] of properties(node)) {
    const name = String(key.value) as keyof TopoLimits;
    if (!LIMIT_NAMES.includes(name)) problem(key, unknown('limit', name, LIMIT_NAMES));
    else if (typeof value.value !== 'number' || !(value.value > 0)) problem(value, `"${name}" is a positive number, not ${shown(value)}`);
    else config.limits[name] = value.value;
  }
}

const SEVERITY: Record<Exclude<RuleSetting, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The diagnostics with the severities a topo.json sets; those of rules set `off` dropped. */
export function applyRuleSettings(diagnostics: Diagnostic[], rules: Readonly<Record<string, RuleSetting>>): Diagnostic[] {
  return diagnostics.flatMap((d) => {
    const code = String(d.code);
    if (!Object.hasOwn(rules, code)) return [d];
    const setting = rules[code]!;
    return setting === 'off' ? [] : [{ ...d, severity: SEVERITY[setting] }];
  });
}

/** `unknown rule "fan-outs": did you mean "fan-out"?`, or the list when no name is near. */
function unknown(what: string, name: string, known: readonly string[]): string {
  const near = closest(name, known);
  return near ? `unknown ${what} "${name}": did you mean "${near}"?` : `unknown ${what} "${name}"; the ${what}s are ${known.join(', ')}`;
}

/** A value as the message shows it: the JSON of a scalar, the kind of anything else. */
function shown(node: Node): string {
  if (node.type === 'object') return 'an object';
  if (node.type === 'array') return 'a list';
  return JSON.stringify(node.value);
}

/** The key and value nodes of an object node's properties. */
function properties(node: Node): [Node, Node][] {
  return (node.children ?? []).flatMap((p) => (p.children?.length === 2 ? [[p.children[0]!, p.children[1]!] as [Node, Node]] : []));
}

/** `CommaExpected` → `comma expected`. */
function words(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Thrown by loadModel when a topo.json that applies has problems: the CLI lists them and exits 2. */
export class TopoConfigError extends Error {
  constructor(readonly files: ConfigFile[]) {
    super(`${files.map((f) => f.uri).join(', ')}: invalid topo.json`);
  }
}

/**
 * The topo.json files of a workspace: found for a .topo file in its folder or above, up to
 * the workspace folder that holds it (only its own folder when none does), and read once
 * until `clear`.
 */
export class TopoConfigs {
  private readonly byFolder = new Map<string, ConfigFile | undefined>();
  /** Called with each file read: the server publishes its problems. */
  onRead: (file: ConfigFile) => void = () => {};

  constructor(
    private readonly fileSystem: FileSystemProvider,
    private readonly workspaceRoots: () => readonly string[] | undefined,
  ) {}

  /** The topo.json that applies to a document, if any. */
  nearest(document: URI): ConfigFile | undefined {
    if (document.scheme !== 'file') return undefined;
    const roots = (this.workspaceRoots() ?? []).map((r) => URI.parse(r)).filter((r) => isInside(document, r));
    // The innermost workspace folder holding the file bounds the search.
    const root = roots.sort((a, b) => b.path.length - a.path.length)[0];
    let folder = UriUtils.dirname(document);
    for (;;) {
      const file = this.read(folder);
      if (file) return file;
      const parent = UriUtils.dirname(folder);
      if (!root || folder.path === root.path || parent.path === folder.path || !isInside(parent, root)) return undefined;
      folder = parent;
    }
  }

  /** The files read so far that have problems. */
  withProblems(): ConfigFile[] {
    return [...this.byFolder.values()].filter((f): f is ConfigFile => f !== undefined && f.problems.length > 0);
  }

  /** Forgets every file read (a topo.json was created, changed or deleted); returns them. */
  clear(): ConfigFile[] {
    const read = [...this.byFolder.values()].filter((f): f is ConfigFile => f !== undefined);
    this.byFolder.clear();
    return read;
  }

  private read(folder: URI): ConfigFile | undefined {
    const key = folder.toString();
    if (this.byFolder.has(key)) return this.byFolder.get(key);
    const uri = UriUtils.joinPath(folder, CONFIG_FILE);
    const file = this.fileSystem.existsSync(uri) ? this.load(uri) : undefined;
    this.byFolder.set(key, file);
    if (file) this.onRead(file);
    return file;
  }

  private load(uri: URI): ConfigFile {
    try {
      return parseConfig(uri.toString(), this.fileSystem.readFileSync(uri));
    } catch (e) {
      const start = { line: 0, character: 0 };
      return { uri: uri.toString(), config: { rules: {}, limits: {} }, problems: [{ message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, range: { start, end: start } }] };
    }
  }
}
