// Where two versions of a text differ, as one span: what an edit replaced. The parser uses it
// to parse again only the declarations an edit touched; the editor's preview, to send its
// webview only the part of a picture that changed.

/** Where the two texts differ: from `start` to `oldEnd` in the old text, to `newEnd` in the new one. */
export function changedSpan(oldText: string, newText: string): { start: number; oldEnd: number; newEnd: number } {
  const shorter = Math.min(oldText.length, newText.length);
  // Whole chunks first: comparing two slices is a memory compare, far quicker than a loop.
  let start = 0;
  while (start + CHUNK <= shorter && oldText.slice(start, start + CHUNK) === newText.slice(start, start + CHUNK)) start += CHUNK;
  while (start < shorter && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  const [oldLength, newLength] = [oldText.length, newText.length];
  let tail = 0;
  while (tail + CHUNK <= shorter - start && oldText.slice(oldLength - tail - CHUNK, oldLength - tail) === newText.slice(newLength - tail - CHUNK, newLength - tail)) tail += CHUNK;
  while (tail < shorter - start && oldText.charCodeAt(oldLength - 1 - tail) === newText.charCodeAt(newLength - 1 - tail)) tail++;
  return { start, oldEnd: oldLength - tail, newEnd: newLength - tail };
}
const CHUNK = 1024;
