// The allowed arrows between the packages, checked by dependency-cruiser in `npm test`
// (test/dependencies.test.ts); `npm run deps` prints the arrows the sources use.
// ARCHITECTURE.md's package map lists the same arrows: the test holds the two together and to
// the imports the sources really make.

/**
 * What each package's sources (src/) may import of the other packages, type-only imports
 * included. Tests may use more (engines' tests parse `.topo` text with the language).
 * `language/protocol` is one module of a package: the custom requests' types and constants.
 */
export const ARROWS = {
  model: [],
  runtime: [],
  carbon: ['model'],
  diagram: ['model'],
  simulator: ['model', 'runtime'],
  interop: ['model', 'carbon'],
  language: ['model', 'carbon', 'diagram', 'simulator'],
  views: ['model', 'carbon', 'simulator', 'language/protocol'],
  cli: ['model', 'carbon', 'diagram', 'simulator', 'interop', 'language', 'views'],
  vscode: ['interop', 'views', 'language'],
};

/** The packages that run anywhere (CLI, server, worker, browser, test): no Langium, no editor. */
const ENGINES = ['model', 'runtime', 'carbon', 'diagram', 'simulator', 'interop'];
/** The packages whose modules import one way: all of them. */
const ACYCLIC = Object.keys(ARROWS);
/** Langium (and its parser), the language server and client, and VS Code's API. */
const LANGIUM_OR_EDITOR = '(^|/)node_modules/(langium|chevrotain|vscode-[a-z-]+|@types/vscode)/';

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** The source path of an arrow's target: a package's src/, or one module of it. */
const target = (arrow) => (arrow.includes('/') ? `^packages/${escape(arrow.replace('/', '/src/'))}\\.ts$` : `^packages/${escape(arrow)}/src/`);

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    ...Object.entries(ARROWS).map(([from, arrows]) => ({
      name: `${from}-imports-only-its-arrows`,
      comment: `packages/${from}/src may import, of the other packages, only ${arrows.join(', ') || 'nothing'} (ARCHITECTURE.md)`,
      severity: 'error',
      from: { path: `^packages/${escape(from)}/src/` },
      to: { path: '^packages/', pathNot: [`^packages/${escape(from)}/`, ...arrows.map(target)] },
    })),
    {
      name: 'engines-and-views-without-langium-or-editor',
      comment:
        'the engines run the same in the CLI, the server, a worker and a test, the views in a webview and a static page: ' +
        'no Langium, no language server or client, no VS Code',
      severity: 'error',
      from: { path: `^packages/(${[...ENGINES, 'views'].join('|')})/src/` },
      to: { path: LANGIUM_OR_EDITOR },
    },
    {
      name: 'modules-one-way',
      comment: 'in these packages no module imports one that imports it back, type-only imports included: what two modules share lives in a third, or one receives a narrow interface',
      severity: 'error',
      from: { path: `^packages/(${ACYCLIC.join('|')})/src/` },
      to: { circular: true },
    },
    {
      name: 'client-without-langium',
      comment: "the extension's client imports of the language only the protocol and the command ids; server-main.ts, the server bundle's entry, starts the server",
      severity: 'error',
      from: { path: '^packages/vscode/src/', pathNot: '^packages/vscode/src/server-main\\.ts$' },
      to: { path: ['^packages/language/src/', '(^|/)node_modules/(langium|chevrotain|vscode-languageserver)/'], pathNot: '^packages/language/src/(protocol|commands)\\.ts$' },
    },
    {
      name: 'surfaces-apart',
      comment: 'the CLI and the extension never import each other, not even in tests: what both need lives in a package below them',
      severity: 'error',
      from: { path: '^packages/(cli|vscode)/' },
      to: { path: '^packages/(cli|vscode)/', pathNot: '^packages/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^packages/[^/]+/dist/' },
    // Type-only imports count: an engine that names a Langium type depends on Langium.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'node', 'default'],
    },
  },
};
