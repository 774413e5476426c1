// Formatting a whole text outside an editor (tests, `topo fmt`).
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseModelFromString } from './load.js';

export async function formatText(text: string): Promise<string> {
  const { documents, services } = await parseModelFromString(text);
  const document = documents[0]!;
  const edits = await services.lsp.Formatter!.formatDocument(document, {
    textDocument: { uri: document.uri.toString() },
    options: { tabSize: 2, insertSpaces: true },
  });
  return TextDocument.applyEdits(document.textDocument, edits);
}
