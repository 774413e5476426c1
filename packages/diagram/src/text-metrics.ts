// Text widths without a DOM. ELK needs every label's size before layout, and neither the CLI
// nor a worker can ask a browser to measure; so we carry the advance widths of DejaVu Sans,
// the font the SVG names first (Verdana, its fallback, has nearly the same metrics). Wider
// than most UI fonts, so a label measured here fits in whatever font a webview picks.

/** Advance widths in thousandths of an em, for the characters U+0020 to U+007E. */
const REGULAR = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636,
  636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
  603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635,
  634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];

const BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696,
  696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
  733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716,
  712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];

/** The few non-ASCII characters the diagram writes itself; anything else counts as one em. */
const OTHERS: Record<string, number> = { '×': 838, '·': 350, '…': 1000, '→': 838, '↯': 838, '∞': 833 };

export interface FontSpec {
  size: number;
  bold?: boolean;
}

export function textWidth(text: string, font: FontSpec): number {
  const table = font.bold ? BOLD : REGULAR;
  let thousandths = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    thousandths += code >= 0x20 && code <= 0x7e ? table[code - 0x20]! : (OTHERS[ch] ?? 1000);
  }
  return (thousandths / 1000) * font.size;
}
