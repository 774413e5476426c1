// The diagram with pan and zoom: drag, scroll or the arrow keys to move; Ctrl/⌘ + scroll,
// the buttons or + and − to zoom; "Fit" (or 0) to see it whole. Each update changes what
// differs in the SVG while the view (scale and offset) stays, so the picture does not jump
// while the user types.
import type { DiagramView } from '../messages.js';
import { patchTree } from './patch-tree.js';

const MIN_SCALE = 0.1;
const MAX_SCALE = 4;
/** Fitting enlarges a small picture this much at most: beyond, its text looks oversized. */
const MAX_FIT_SCALE = 1.25;
/** Pointer travel (px) below which a press and release is a click, not a drag. */
const CLICK_SLOP = 4;

export const FIT: DiagramView = { scale: 1, x: 0, y: 0, fit: true };

/** Space left around a fitted picture. */
const PADDING = 16;

/** The view that shows a `width` × `height` picture whole and centred in the viewport. */
export function fitView(width: number, height: number, viewportWidth: number, viewportHeight: number, padding = PADDING): DiagramView {
  if (width <= 0 || height <= 0 || viewportWidth <= 0 || viewportHeight <= 0) return { ...FIT };
  const scale = Math.min(MAX_FIT_SCALE, (viewportWidth - 2 * padding) / width, (viewportHeight - 2 * padding) / height);
  const s = Math.max(MIN_SCALE, scale);
  return { scale: s, x: (viewportWidth - width * s) / 2, y: (viewportHeight - height * s) / 2, fit: true };
}

/** Zooms by `factor` keeping the picture's point under (px, py) in place. */
export function zoomAt(view: DiagramView, factor: number, px: number, py: number): DiagramView {
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.scale * factor));
  const k = scale / view.scale;
  return { scale, x: px - (px - view.x) * k, y: py - (py - view.y) * k, fit: false };
}

export class DiagramPane {
  private readonly canvas: HTMLDivElement;
  private size = { width: 0, height: 0 };

  constructor(
    private readonly viewport: HTMLElement,
    private view: DiagramView,
    private readonly onViewChange: (view: DiagramView) => void,
    private readonly onNodeClick: (id: string) => void,
  ) {
    this.canvas = document.createElement('div');
    this.canvas.className = 'diagram-canvas';
    viewport.append(this.canvas);
    this.listen();
    new ResizeObserver(() => {
      if (this.view.fit) this.fit();
    }).observe(viewport);
  }

  /** Shows a new picture at the current view (or fitted, until the user moved it), changing only what differs from the one shown. */
  show(svg: string): void {
    const parsed = document.createElement('template');
    parsed.innerHTML = svg;
    const shown = this.canvas.firstElementChild;
    const next = parsed.content.firstElementChild;
    if (!shown || !next || !patchTree(shown, next)) this.canvas.replaceChildren(parsed.content);
    const element = this.canvas.querySelector('svg');
    this.size = { width: Number(element?.getAttribute('width')) || 0, height: Number(element?.getAttribute('height')) || 0 };
    if (this.view.fit) this.fit();
    else this.apply();
  }

  /** The height that shows the picture fitted to the viewport's width, or undefined before there is one. */
  heightToFitWidth(): number | undefined {
    const { width, height } = this.size;
    if (width <= 0 || height <= 0) return undefined;
    return height * Math.min(MAX_FIT_SCALE, (this.viewport.clientWidth - 2 * PADDING) / width) + 2 * PADDING;
  }

  fit(): void {
    this.set(fitView(this.size.width, this.size.height, this.viewport.clientWidth, this.viewport.clientHeight));
  }

  zoom(factor: number): void {
    this.set(zoomAt(this.view, factor, this.viewport.clientWidth / 2, this.viewport.clientHeight / 2));
  }

  actualSize(): void {
    this.set(zoomAt(this.view, 1 / this.view.scale, this.viewport.clientWidth / 2, this.viewport.clientHeight / 2));
  }

  private set(view: DiagramView): void {
    this.view = view;
    this.apply();
    this.onViewChange(view);
  }

  private apply(): void {
    const { x, y, scale } = this.view;
    this.canvas.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
  }

  private listen(): void {
    this.viewport.addEventListener('keydown', (event) => {
      const step = 40;
      const pan = (dx: number, dy: number) => this.set({ ...this.view, x: this.view.x + dx, y: this.view.y + dy, fit: false });
      const actions: Record<string, () => void> = {
        '+': () => this.zoom(1.25),
        '=': () => this.zoom(1.25),
        '-': () => this.zoom(0.8),
        '0': () => this.fit(),
        ArrowLeft: () => pan(step, 0),
        ArrowRight: () => pan(-step, 0),
        ArrowUp: () => pan(0, step),
        ArrowDown: () => pan(0, -step),
      };
      const action = actions[event.key];
      if (!action || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      action();
    });
    this.viewport.addEventListener(
      'wheel',
      (event) => {
        event.preventDefault();
        const box = this.viewport.getBoundingClientRect();
        if (event.ctrlKey || event.metaKey) {
          this.set(zoomAt(this.view, Math.exp(-event.deltaY * 0.002), event.clientX - box.left, event.clientY - box.top));
        } else {
          this.set({ ...this.view, x: this.view.x - event.deltaX, y: this.view.y - event.deltaY, fit: false });
        }
      },
      { passive: false },
    );

    let press: { x: number; y: number; viewX: number; viewY: number; moved: boolean; id: number } | undefined;
    this.viewport.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      press = { x: event.clientX, y: event.clientY, viewX: this.view.x, viewY: this.view.y, moved: false, id: event.pointerId };
    });
    this.viewport.addEventListener('pointermove', (event) => {
      if (!press || event.pointerId !== press.id) return;
      const dx = event.clientX - press.x;
      const dy = event.clientY - press.y;
      if (!press.moved && Math.hypot(dx, dy) < CLICK_SLOP) return;
      if (!press.moved) {
        press.moved = true;
        this.viewport.setPointerCapture(event.pointerId);
        this.viewport.classList.add('dragging');
      }
      this.set({ ...this.view, x: press.viewX + dx, y: press.viewY + dy, fit: false });
    });
    const release = (event: PointerEvent) => {
      if (!press || event.pointerId !== press.id) return;
      const wasClick = !press.moved;
      press = undefined;
      this.viewport.classList.remove('dragging');
      if (!wasClick) return;
      const node = (event.target as Element | null)?.closest?.('.node[data-id]');
      const id = node?.getAttribute('data-id');
      if (id) this.onNodeClick(id);
    };
    this.viewport.addEventListener('pointerup', release);
    this.viewport.addEventListener('pointercancel', () => {
      press = undefined;
      this.viewport.classList.remove('dragging');
    });
  }
}
