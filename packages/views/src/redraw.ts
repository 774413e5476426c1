// Canvas charts do not follow CSS: a view draws them again when the theme changes and when
// its width does (a height change, as content below grows, needs nothing).
import { onThemeChange } from './theme.js';

export function redrawOnChange(root: HTMLElement, draw: () => void): void {
  onThemeChange(draw);
  let width = root.clientWidth;
  new ResizeObserver(() => {
    if (root.clientWidth === width) return;
    width = root.clientWidth;
    draw();
  }).observe(root);
}
