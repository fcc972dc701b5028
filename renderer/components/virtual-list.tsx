import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A plain virtualized list (role list) for rows that hold their own links or
 * buttons; only the rows on screen are rendered.
 */
export function VirtualList({
  label,
  count,
  rowHeight,
  renderRow,
  onRangeChange,
  className,
  focusRequest = null,
}: {
  readonly label: string;
  readonly count: number;
  readonly rowHeight: number;
  readonly renderRow: (index: number) => ReactNode;
  readonly onRangeChange?: (start: number, end: number) => void;
  readonly className?: string;
  /** A row whose first link or button takes the focus, scrolled into view first (a new object for each request). */
  readonly focusRequest?: { readonly index: number } | null;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (last >= 0) onRangeChange?.(first, last);
  }, [first, last, onRangeChange]);
  useEffect(() => {
    if (focusRequest === null) return;
    virtualizer.scrollToIndex(focusRequest.index, { align: 'auto' });
    // The row is rendered (and its page read) a few frames after the scroll: try until it has something to focus.
    let frames = 0;
    let frame = 0;
    const focusRow = (): void => {
      const row = scrollRef.current?.querySelector(`[data-index="${focusRequest.index}"]`);
      const target = row?.querySelector<HTMLElement>('a[href], button:not([disabled])');
      if (target !== null && target !== undefined) target.focus();
      else if (frames++ < 30) frame = requestAnimationFrame(focusRow);
    };
    frame = requestAnimationFrame(focusRow);
    return () => cancelAnimationFrame(frame);
  }, [focusRequest, virtualizer]);
  return (
    <div ref={scrollRef} className={`vlist ${className ?? ''}`} tabIndex={0} aria-label={label} role="region">
      <div className="vlist-sizer" role="list" aria-label={label} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => (
          <div key={item.key} role="listitem" data-index={item.index} className="vlist-row" style={{ height: rowHeight, transform: `translateY(${item.start}px)` }}>
            {renderRow(item.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
