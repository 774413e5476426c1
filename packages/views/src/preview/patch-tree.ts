// A new picture is shown by changing only what differs from the one on screen. An edit that
// moves no box (a timeout retyped) changes a label or a colour; replacing the whole picture
// (some 270 KB of SVG at 100 services) makes the webview parse, style and lay out all of it
// again, about twice as long as finding and replacing the parts that changed.

/** Same element name, same attributes, as many children: the parts can be matched one to one. */
function sameShell(shown: Node, next: Node): shown is Element {
  if (shown.nodeType !== 1 || next.nodeType !== 1) return false;
  const [a, b] = [shown as Element, next as Element];
  if (a.nodeName !== b.nodeName || a.childNodes.length !== b.childNodes.length || a.attributes.length !== b.attributes.length) return false;
  for (let i = 0; i < b.attributes.length; i++) {
    const attribute = b.attributes.item(i)!;
    if (a.getAttribute(attribute.name) !== attribute.value) return false;
  }
  return true;
}

/**
 * Makes `shown` equal to `next`, replacing only the children (at any depth) that differ;
 * false, with `shown` untouched, when the two roots differ in name, attributes or number of
 * children.
 */
export function patchTree(shown: Node, next: Node): boolean {
  if (!sameShell(shown, next)) return false;
  const document = shown.ownerDocument!;
  const [before, after] = [Array.from(shown.childNodes), Array.from(next.childNodes)];
  after.forEach((part, i) => {
    const old = before[i]!;
    if (!old.isEqualNode(part) && !patchTree(old, part)) shown.replaceChild(document.importNode(part, true), old);
  });
  return true;
}
