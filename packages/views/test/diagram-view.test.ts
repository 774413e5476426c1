import { describe, expect, it } from 'vitest';
import { fitView, zoomAt } from '../src/preview/diagram-pane.js';
import { problemsSummary, stackedDiagramHeight } from '../src/preview/preview-view.js';

describe('the diagram view', () => {
  it('fits a large picture inside the viewport, centred, with a margin', () => {
    const view = fitView(2000, 500, 1000, 800);
    expect(view.scale).toBeCloseTo(968 / 2000, 12);
    expect(view.x).toBeCloseTo(16, 9);
    expect(view.y).toBeCloseTo((800 - 500 * view.scale) / 2, 9);
    expect(view.fit).toBe(true);
  });

  it('enlarges a small picture at most 1.25 times', () => {
    expect(fitView(100, 50, 1000, 800).scale).toBe(1.25);
  });

  it('stacked, gives the diagram the height its shape needs at the full width: no more, at least 240px, at most 70% of the room', () => {
    // A wide diagram (netflix) fitted to 1248px needs 420px: the pane is that tall, not 640px with 400px empty.
    expect(stackedDiagramHeight(420, 900)).toBe(420);
    expect(stackedDiagramHeight(90, 900)).toBe(240);
    expect(stackedDiagramHeight(2000, 900)).toBe(630);
  });

  it('keeps the default view while nothing has a size', () => {
    expect(fitView(0, 0, 1000, 800)).toEqual({ scale: 1, x: 0, y: 0, fit: true });
    expect(fitView(100, 100, 0, 0)).toEqual({ scale: 1, x: 0, y: 0, fit: true });
  });

  it('zooms about the pointer: the point under it stays put', () => {
    const before = { scale: 1, x: 10, y: 20, fit: true };
    const after = zoomAt(before, 2, 110, 220);
    expect(after).toEqual({ scale: 2, x: -90, y: -180, fit: false });
    // The picture's point (100, 200) was under (110, 220) and still is.
    expect([100 * after.scale + after.x, 200 * after.scale + after.y]).toEqual([110, 220]);
  });

  it('stops zooming at 10% and 400%', () => {
    expect(zoomAt({ scale: 0.2, x: 0, y: 0, fit: false }, 0.1, 0, 0).scale).toBe(0.1);
    expect(zoomAt({ scale: 3, x: 0, y: 0, fit: false }, 10, 0, 0).scale).toBe(4);
  });

  it('counts the problems in the toolbar', () => {
    expect([problemsSummary(0, 0), problemsSummary(1, 0), problemsSummary(0, 1), problemsSummary(3, 2)]).toEqual([
      'no problems',
      '1 error',
      '1 warning',
      '3 errors · 2 warnings',
    ]);
  });
});
