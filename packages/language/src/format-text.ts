// Formatting a whole text outside an editor (tests, `topo fmt`).
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TopoFormatter } from './formatter.js';
import { parseModelFromString } from './load.js';

export async function formatText(text: string): Promise<string> {
  const document = (await parseModelFromString(text)).documents[0]!;
  const edits = await new TopoFormatter().formatDocument(document, {
    textDocument: { uri: document.uri.toString() },
    options: { tabSize: 2, insertSpaces: true },
  });
  return TextDocument.applyEdits(document.textDocument, edits);
}
