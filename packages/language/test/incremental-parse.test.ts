// Parsing again only what an edit touched must give what parsing the whole text gives: the
// same syntax tree to the offset, line and column of every token, and the same AST with its
// references' texts and places. Checked on real files under random edit sequences, then
// through the server's path (a text document changed, the builder's update) against a fresh
// load of the same text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { AstUtils, EmptyFileSystem, isCompositeCstNode, isReference, TextDocument, URI, type AstNode, type CstNode, type ParseResult } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { reparse } from '../src/incremental-parse.js';
import { createTopoLspServices } from '../src/topo-lsp-module.js';
import type { TopoParserOptions } from '../src/syntax-errors.js';
import { createTopoServices } from '../src/topo-module.js';
import { loadText } from './helpers.js';

const root = join(import.meta.dirname, '../../..');
const files = ['test/conformance/valid', 'test/conformance-v2/valid', 'examples', 'examples/capacity'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((n) => n.endsWith('.topo'))
    .map((n) => readFileSync(join(root, dir, n), 'utf8')),
);
const parser = createTopoServices(EmptyFileSystem).Topo.parser.LangiumParser;
const parse = (text: string, firstLine = 0): ParseResult => {
  const options: TopoParserOptions = { firstLine };
  return parser.parse(text, options);
};

function* cstNodes(node: CstNode): Generator<CstNode> {
  yield node;
  if (isCompositeCstNode(node)) for (const child of node.content) yield* cstNodes(child);
}

type IToken = ParseResult['parserErrors'][number]['token'];

const where = (node: CstNode | undefined) => node && `${node.offset}-${node.end} ${JSON.stringify(node.range)}`;

/** Everything a later stage could read of a parse, as text. */
function snapshot(result: ParseResult): string {
  const lines: string[] = [];
  const cst = result.value.$cstNode!;
  for (const node of cstNodes(cst)) {
    const source = node.grammarSource as (AstNode & { value?: string; feature?: string }) | undefined;
    lines.push(`${isCompositeCstNode(node) ? 'C' : 'L'} ${where(node)} ${node.hidden} ${source?.$type}:${source?.value ?? source?.feature ?? ''} ${node.astNode.$type} ${JSON.stringify(node.text)}`);
  }
  for (const node of AstUtils.streamAst(result.value)) {
    const own = Object.entries(node)
      .filter(([key]) => !key.startsWith('$'))
      .map(([key, value]) => `${key}=${JSON.stringify(value, (_, v: unknown) => (isReference(v) ? `${v.$refText}@${where(v.$refNode)}` : v && typeof v === 'object' && '$type' in v ? `<${String(v.$type)}>` : v))}`);
    lines.push(`${node.$type} ${node.$containerProperty}[${node.$containerIndex}] ${node.$container?.$type} ${where(node.$cstNode)} ${own.join(' ')}`);
  }
  const token = (t: IToken | undefined) => t && `${t.image}@${t.startOffset}-${t.endOffset} ${t.startLine}:${t.startColumn}-${t.endLine}:${t.endColumn}`;
  for (const e of result.parserErrors) {
    const previous = (e as { previousToken?: IToken }).previousToken;
    lines.push(`parser error ${e.name} ${e.message} at ${token(e.token)} after ${token(previous)} resynced ${(e.resyncedTokens ?? []).map(token).join(',')}`);
  }
  for (const e of [...result.lexerErrors, ...(result.lexerReport?.diagnostics ?? [])]) lines.push(`lexer error ${e.message} at ${e.offset} ${e.line}:${e.column} +${e.length}`);
  return lines.join('\n');
}

const SNIPPETS = ['', ' ', '\n', '}', '{', 'x', '7', 'ms', '// note', '/* a\n b */', '/*', '"', 'call ', 'timeout 5s', ' retries 2', '\r\n'];
const LINES = ['', '// a note', '/* a\n   b */', 'service extra {\n  work 3ms\n}', 'team extra', '  work 5ms', '  call extra timeout 1s'];

/** A position as a fraction of the text (or of its lines, its digits), whatever its length. */
const fraction = fc.noBias(fc.integer({ min: 0, max: 9_999 })).map((n) => n / 10_000);
const pick = <T>(items: readonly T[], at: number): T | undefined => items[Math.floor(at * items.length)];

/**
 * Edits as people make them, which mostly keep a file clean (a digit changed, a line
 * deleted, copied, added or joined to the next, a declaration renamed, a comment, blank space), and random ones (characters deleted
 * and a snippet or a piece of the text pasted anywhere), which mostly do not.
 */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('digit' as const), at: fraction, digit: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ kind: fc.constantFrom('delete line' as const, 'copy line' as const, 'join lines' as const, 'end comment' as const), at: fraction }),
  fc.record({ kind: fc.constant('add line' as const), at: fraction, line: fc.constantFrom(...LINES) }),
  fc.record({ kind: fc.constant('rename' as const), at: fraction }),
  fc.record({ kind: fc.constant('space' as const), at: fraction, space: fc.constantFrom(' ', '\n', '\n\n', '\t') }),
  fc.record({ kind: fc.constant('raw' as const), at: fraction, remove: fc.nat({ max: 24 }), insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.tuple(fraction, fc.nat({ max: 40 }))) }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, e: Edit): string {
  const splice = (i: number, remove: number, insert: string) => text.slice(0, i) + insert + text.slice(i + remove);
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)].filter((i) => i < text.length);
  const line = pick(lineStarts, e.at) ?? 0;
  const lineEnd = text.indexOf('\n', line) + 1 || text.length;
  switch (e.kind) {
    case 'digit': {
      const at = pick([...text.matchAll(/[0-9]/g)].map((m) => m.index), e.at);
      return at === undefined ? text : splice(at, 1, String(e.digit));
    }
    case 'delete line':
      return splice(line, lineEnd - line, '');
    case 'copy line':
      return splice(line, 0, text.slice(line, lineEnd));
    case 'join lines':
      return lineEnd < text.length ? splice(lineEnd - 1, 1, ' ') : text;
    case 'end comment':
      return splice(lineEnd - 1, 0, ' /* c */');
    case 'add line':
      return splice(line, 0, `${e.line}\n`);
    case 'rename': {
      // A declaration's name changed where it is declared, and back: what refers to it stops or starts resolving.
      const name = pick([...text.matchAll(/^(?:service|datastore|cache|team|region|entity|facet) ([\w-]+)/gm)], e.at);
      if (!name) return text;
      const end = name.index + name[0].length;
      return name[1]!.endsWith('x') ? splice(end - 1, 1, '') : splice(end, 0, 'x');
    }
    case 'space': {
      const at = pick([...text.matchAll(/\s/g)].map((m) => m.index), e.at);
      return at === undefined ? text : splice(at, 0, e.space);
    }
    case 'raw': {
      const at = Math.floor(e.at * text.length);
      const piece = typeof e.insert === 'string' ? e.insert : text.slice(Math.floor(e.insert[0] * text.length), Math.floor(e.insert[0] * text.length) + e.insert[1]);
      return splice(at, e.remove, piece);
    }
  }
}

describe('parsing again only what an edit touched', () => {
  it('gives what a whole parse gives, edit after edit, on the examples and the conformance files', () => {
    let incremental = 0;
    let edits = 0;
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.array(edit, { minLength: 1, maxLength: 6 }), (file, sequence) => {
        let current = parse(file);
        let text = file;
        for (const e of sequence) {
          text = apply(text, e);
          edits++;
          const whole = parse(text);
          const again = reparse(current, text, parse);
          if (again) {
            incremental++;
            expect(snapshot(again)).toBe(snapshot(whole));
            current = again;
          } else current = whole;
        }
      }),
      { numRuns: 300, seed: 17 },
    );
    // Most random edits keep a file clean enough to take the short way: it is taken, and checked.
    expect(incremental).toBeGreaterThan(edits * 0.3);
  });

  it('parses again only the declaration edited, and keeps the others as they were', () => {
    const text = 'architecture a\nservice one {\n  work 2ms\n}\nservice two {\n  work 2ms\n}\n\nservice three {\n  call two\n}\n';
    const before = parse(text);
    const [one, two, three] = (before.value as AstNode & { elements: AstNode[] }).elements.slice(1);
    const after = reparse(before, text.replace('work 2ms\n}\nservice two', 'work 20ms\n}\nservice two'), parse)!;
    const elements = (after.value as AstNode & { elements: AstNode[] }).elements;
    expect(elements[1]).not.toBe(one);
    expect([elements[2], elements[3]]).toEqual([two, three]);
    expect(elements[3]!.$cstNode!.range.start).toEqual({ line: 8, character: 0 });
    expect(elements[3]!.$cstNode!.offset).toBe(text.indexOf('service three') + 1);
  });

  it('parses from the declaration edited to the end when the edit leaves an error, or follows one, keeping those before', () => {
    const text = 'architecture a\nservice one {\n  work 2ms\n}\nservice two {\n  work 2ms\n}\nservice three {\n  work 2ms\n}\n';
    const before = parse(text);
    const [arch, one, two, three] = (before.value as AstNode & { elements: AstNode[] }).elements;
    const half = text.replace('two {\n  work 2ms', 'two {\n  work 2');
    const after = reparse(before, half, parse)!;
    expect(after.parserErrors).toHaveLength(1);
    expect(snapshot(after)).toBe(snapshot(parse(half)));
    const elements = (after.value as AstNode & { elements: AstNode[] }).elements;
    expect(elements.slice(0, 2)).toEqual([arch, one]);
    expect(elements).not.toContain(two);
    expect(elements).not.toContain(three);
    // The next key, after the error: from the same declaration on again.
    const done = reparse(after, text.replace('two {\n  work 2ms', 'two {\n  work 20ms'), parse)!;
    expect(done.parserErrors).toHaveLength(0);
    expect((done.value as AstNode & { elements: AstNode[] }).elements.slice(0, 2)).toEqual([arch, one]);
  });

  it('parses the whole text when the edit is before the first declaration, or starts in the first after an error', () => {
    const text = 'architecture a\nservice one {\n  work 2ms\n}\n';
    expect(reparse(parse(text), `// head\n${text}`, parse)).toBeUndefined();
    expect(reparse(parse('service one {\n  work\n}\n'), 'service one {\n  work 2ms\n}\n', parse)).toBeUndefined();
    expect(reparse(parse(text), text.replace('architecture a', 'architecture "a'), parse)).toBeUndefined();
  });
});

/** A file whose declarations report findings of their own text (repeats, values out of range), which an edit above them must move. */
const OWN_FINDINGS = `service a {
  work 2ms
  work 3ms
  queue 2.5
  call b timeout 1s timeout 2s bulkhead 0
}
service b {
  lock 150%
  threads 4
  threads 5
}
datastore d: postgres {
  queue 1.5
}
`;

const described = (diagnostics: Diagnostic[] | undefined) => (diagnostics ?? []).map((d) => `${d.code}@${JSON.stringify(d.range)} ${d.message}`);

describe('the server, parsing again only what an edit touched', () => {
  it('has the diagnostics and the model of a fresh load of the same text', async () => {
    const { shared, Topo } = createTopoLspServices(EmptyFileSystem);
    const uri = URI.parse('file:///ws/main.topo');
    let version = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant(OWN_FINDINGS), fc.constantFrom(...files.filter((f) => !f.includes('import ')))), fc.array(edit, { minLength: 1, maxLength: 4 }), async (file, sequence) => {
        const documents = shared.workspace.LangiumDocuments;
        if (documents.hasDocument(uri)) documents.deleteDocument(uri);
        const document = shared.workspace.LangiumDocumentFactory.fromString(file, uri);
        documents.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        let text = file;
        for (const e of sequence) {
          text = apply(text, e);
          shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'topo', ++version, text));
          await shared.workspace.DocumentBuilder.update([uri], []);
          // After every edit: the declarations reused from the one before must be what lowering them afresh gives.
          const fresh = await loadText(text);
          expect(described(document.diagnostics)).toEqual(described(fresh.documents[0]!.diagnostics));
          expect(JSON.stringify(Topo.topo.Models.modelOf(document))).toBe(JSON.stringify(fresh.model));
        }
      }),
      { numRuns: 60, seed: 5 },
    );
  });

  it('has the diagnostics and the models of a fresh load, edits going to a file and to the file importing it', async () => {
    const { shared, Topo } = createTopoLspServices(EmptyFileSystem);
    const [appUri, libUri] = [URI.parse('file:///ws/main.topo'), URI.parse('file:///ws/lib.topo')];
    const libraries = [OWN_FINDINGS, ...files.filter((f) => !f.includes('import ') && /^service \w+/m.test(f))];
    let version = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...libraries), fc.array(fc.tuple(fc.boolean(), edit), { minLength: 1, maxLength: 4 }), async (library, sequence) => {
        const documents = shared.workspace.LangiumDocuments;
        for (const uri of [appUri, libUri]) if (documents.hasDocument(uri)) documents.deleteDocument(uri);
        // The importer calls a service of the library, and declares a name the library may declare too.
        const called = /^service ([\w-]+)/m.exec(library)![1]!;
        const texts = { app: `import "lib.topo"\nservice app {\n  call ${called} timeout 1s retries 2\n}\nteam extra\n`, lib: library };
        const app = shared.workspace.LangiumDocumentFactory.fromString(texts.app, appUri);
        const lib = shared.workspace.LangiumDocumentFactory.fromString(texts.lib, libUri);
        documents.addDocument(app);
        documents.addDocument(lib);
        await shared.workspace.DocumentBuilder.build([app, lib], { validation: true });
        for (const [inLibrary, e] of sequence) {
          const [key, uri] = inLibrary ? (['lib', libUri] as const) : (['app', appUri] as const);
          texts[key] = apply(texts[key], e);
          shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'topo', ++version, texts[key]));
          await shared.workspace.DocumentBuilder.update([uri], []);
          const fresh = await loadText(texts.app, { [libUri.toString()]: texts.lib });
          expect(described(app.diagnostics)).toEqual(described(fresh.documents[0]!.diagnostics));
          expect(described(lib.diagnostics)).toEqual(described(fresh.documents[1]!.diagnostics));
          expect(JSON.stringify(Topo.topo.Models.modelOf(app))).toBe(JSON.stringify(fresh.model));
        }
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it('lowers again only the declarations an edit changed, moved, or whose references it changed', async () => {
    const { shared, Topo } = createTopoLspServices(EmptyFileSystem);
    const uri = URI.parse('file:///ws/reuse.topo');
    const text = 'service a {\n  work 2ms\n  call b\n}\nservice b {\n  work 3ms\n}\nservice c {\n  work 4ms\n}\n';
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    const services = () => Topo.topo.Models.modelOf(document).services;
    let version = 0;
    const edit = async (next: string) => {
      shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'topo', ++version, next));
      await shared.workspace.DocumentBuilder.update([uri], []);
    };
    const [a, b, c] = services();
    // c's work changed: a and b are the objects they were.
    await edit(text.replace('4ms', '5ms'));
    expect(services()[0]).toBe(a);
    expect(services()[1]).toBe(b);
    expect(services()[2]).not.toBe(c);
    expect(services()[2]!.work.meanMs).toBe(5);
    // b renamed: a's call no longer resolves, though a's text did not change.
    await edit(text.replace('service b', 'service bx'));
    expect(services()[0]).not.toBe(a);
    expect(services()[0]!.calls).toEqual([]);
    // A line added above everything moves every declaration: each is a copy one line further down.
    const before = services();
    await edit(`// note\n${text.replace('service b', 'service bx')}`);
    services().forEach((s, i) => expect(s).not.toBe(before[i]));
    expect(services()[2]!.loc!.start.line).toBe(before[2]!.loc!.start.line + 1);
  });

  it('checks again a declaration whose checks read what its references resolve to, though its text did not change', async () => {
    const { shared } = createTopoLspServices(EmptyFileSystem);
    const uri = URI.parse('file:///ws/linked.topo');
    const text = 'datastore d: cassandra\nservice a {\n  call d\n}\nscenario s {\n  load 10 rps into a\n  chaos kill 1 of d at 1s\n}\n';
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    const codes = () => (document.diagnostics ?? []).map((d) => d.code);
    expect(codes()).not.toContain('chaos-value');
    shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'topo', 1, text.replace('cassandra', 'dynamodb')));
    await shared.workspace.DocumentBuilder.update([uri], []);
    expect(codes()).toContain('chaos-value');
  });
});
