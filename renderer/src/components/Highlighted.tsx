/** Text with the words the search found marked, as the core segmented it. */
import type { SearchSegment } from '../../../shared/api/search.contract';

export function Highlighted({ segments }: { segments: SearchSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? (
          <mark
            key={index}
            style={{ background: 'var(--mantine-color-yellow-2)', padding: '0 1px', borderRadius: 2 }}
          >
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
