/** Which rows of a virtualised list to draw, apart from React so that it can be tested alone. */

/** A span of row indexes, both ends included (`last < first` when there is none). */
export interface RowSpan {
  first: number;
  last: number;
}

/**
 * The rows to draw: the rows in view, and up to `overscan` rows beyond each edge.
 *
 * The rows in view are drawn in the scroll event's own frame, so a scrolling user never sees a
 * blank row. The rows beyond the view are not seen yet: after a scroll they come in a render
 * of their own just after (`settled`, the view React's deferred render last caught up with),
 * so a wheel step that replaces the whole view draws its rows in view (about 12) in the scroll's
 * task, not 18. Rows already drawn beyond the new view stay while they are within `overscan` of it,
 * so a small scroll keeps them and removes and adds nothing it would add back.
 */
export function drawnSpan(view: RowSpan, settled: RowSpan, overscan: number, count: number): RowSpan {
  if (view.last < view.first) return view;
  const wide = { first: Math.max(0, view.first - overscan), last: Math.min(count - 1, view.last + overscan) };
  if (settled.first === view.first && settled.last === view.last) return wide;
  // What the settled render drew, and whether any of it is still within reach of the view.
  const drawn = { first: settled.first - overscan, last: settled.last + overscan };
  if (settled.last < settled.first || drawn.first > view.last + 1 || drawn.last < view.first - 1) return view;
  return {
    first: Math.max(wide.first, Math.min(view.first, drawn.first)),
    last: Math.min(wide.last, Math.max(view.last, drawn.last)),
  };
}
