/**
 * The virtualised table's rows: the rows in view are drawn at once, the rows beyond them once
 * React has caught up with the scroll, and rows still near the view are kept.
 */
import { describe, expect, it } from 'vitest';
import { drawnSpan } from '../../renderer/src/components/drawn-span';

const span = (first: number, last: number) => ({ first, last });

describe('drawnSpan', () => {
  it('draws the rows in view and three beyond each edge once the view has settled', () => {
    expect(drawnSpan(span(100, 111), span(100, 111), 3, 1000)).toEqual(span(97, 114));
  });

  it('stops at the first and the last row', () => {
    expect(drawnSpan(span(0, 11), span(0, 11), 3, 1000)).toEqual(span(0, 14));
    expect(drawnSpan(span(990, 999), span(990, 999), 3, 1000)).toEqual(span(987, 999));
  });

  it('draws only the rows in view in the scroll that replaced them all', () => {
    // A 1,200-pixel wheel step: the view moves 23 rows, past everything drawn before.
    expect(drawnSpan(span(123, 134), span(100, 111), 3, 1000)).toEqual(span(123, 134));
    // A jump to the end of the register.
    expect(drawnSpan(span(988, 999), span(100, 111), 3, 1000)).toEqual(span(988, 999));
  });

  it('keeps the rows already drawn that are still near the view after a small scroll', () => {
    // Two rows down: rows 97 to 114 were drawn; 100 to 114 are within three rows of the view.
    expect(drawnSpan(span(102, 113), span(100, 111), 3, 1000)).toEqual(span(99, 114));
    // Two rows up.
    expect(drawnSpan(span(98, 109), span(100, 111), 3, 1000)).toEqual(span(97, 112));
  });

  it('keeps the span whole when what was drawn only touches the view', () => {
    // Drawn 97 to 114; the view starts at 115, right after the last row drawn.
    expect(drawnSpan(span(115, 126), span(100, 111), 3, 1000)).toEqual(span(112, 126));
  });

  it('draws nothing for an empty list, and only the view when nothing had settled yet', () => {
    expect(drawnSpan(span(0, -1), span(0, -1), 3, 0)).toEqual(span(0, -1));
    expect(drawnSpan(span(0, 11), span(0, -1), 3, 1000)).toEqual(span(0, 11));
  });
});
