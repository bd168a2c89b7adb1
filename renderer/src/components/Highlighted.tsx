/** Text with the words the search found marked, as the core segmented it. */
import { Fragment, type ReactNode } from 'react';
import type { SearchSegment } from '../../../shared/api/search.contract';

function piece(segment: SearchSegment, key: string): ReactNode {
  return segment.match ? (
    <mark
      key={key}
      style={{ background: 'var(--mantine-color-yellow-2)', padding: '0 1px', borderRadius: 2 }}
    >
      {segment.text}
    </mark>
  ) : (
    <span key={key}>{segment.text}</span>
  );
}

/** The segments cut at each line break, a line being one field of the record. */
function linesOf(segments: readonly SearchSegment[]): SearchSegment[][] {
  const lines: SearchSegment[][] = [[]];
  for (const segment of segments) {
    segment.text.split('\n').forEach((text, i) => {
      if (i > 0) lines.push([]);
      if (text !== '') lines[lines.length - 1]!.push({ text, match: segment.match });
    });
  }
  return lines.filter((line) => line.some((s) => s.text.trim() !== ''));
}

/**
 * `lines` shows each line of the text (a snippet's fields: the body, the register number, the
 * sender's number, the parties' names) set apart in its own direction and separated by a dot,
 * so `ر ب/۱۲/۱۴۰۴` beside a Latin name neither reorders it nor pulls its neighbours across.
 */
export function Highlighted({ segments, lines = false }: { segments: SearchSegment[]; lines?: boolean }) {
  if (!lines) return <>{segments.map((segment, index) => piece(segment, String(index)))}</>;
  return (
    <>
      {linesOf(segments).map((line, l) => (
        <Fragment key={l}>
          {l > 0 && ' · '}
          <bdi dir="auto" data-testid="snippet-line">
            {line.map((segment, index) => piece(segment, `${l}.${index}`))}
          </bdi>
        </Fragment>
      ))}
    </>
  );
}
