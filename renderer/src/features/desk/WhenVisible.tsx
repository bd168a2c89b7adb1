/**
 * Draws its children once their place comes near the window, and only a reserved empty box
 * before: what lies below the fold costs the first paint nothing (its code, the charts' text
 * measuring, the map's hundreds of shapes), and is drawn as it is scrolled toward.
 */
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * How far outside the window a place counts as near: drawn just before it is scrolled into view.
 * The Desk's figures begin about 1,170 px down, so in a 900-pixel window they are not near
 * until the page is scrolled (400 px counted them near at once, and they loaded right behind
 * the first paint).
 */
const NEAR = '200px 0px';

export function WhenVisible({
  children,
  minHeight,
  testId,
}: {
  children: ReactNode;
  /** The height kept for the children until they are drawn, so the page does not jump. */
  minHeight: number;
  testId?: string;
}) {
  const place = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = place.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: NEAR },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  const reserved = <div style={{ minHeight }} />;
  return (
    <div ref={place} data-testid={testId} data-drawn={near ? 'true' : 'false'}>
      {near ? <Suspense fallback={reserved}>{children}</Suspense> : reserved}
    </div>
  );
}
