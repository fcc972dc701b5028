import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

/** What a virtualized list needs from its owner. */
export interface VirtualListboxProps {
  /** The accessible name of the list. */
  readonly label: string;
  readonly count: number;
  readonly rowHeight: number;
  /** Prefix of row element ids (for aria-activedescendant). */
  readonly idPrefix: string;
  readonly activeIndex: number | null;
  readonly onActiveIndexChange: (index: number) => void;
  /** Enter or a click on a row. */
  readonly onOpen: (index: number) => void;
  /** Called with the rendered range whenever it changes, so the owner can fetch those rows. */
  readonly onRangeChange?: (start: number, end: number) => void;
  readonly renderRow: (index: number) => ReactNode;
  /** Whether a row is a placeholder (not read yet): it cannot be opened. */
  readonly isPlaceholder?: (index: number) => boolean;
  readonly className?: string;
  /** The scroll container, for owners that keep or restore its position. */
  readonly scrollRef?: RefObject<HTMLDivElement | null>;
  readonly onScroll?: (scrollTop: number) => void;
  /** Keep the end of the list in view as rows are added (a live tail). */
  readonly followEnd?: boolean;
  /** A row to bring into view whenever this index changes (the open item of a deep link). */
  readonly revealIndex?: number | null;
  /** Whether j and k move the active row as ↓ and ↑ do (default); off where the view gives them another meaning. */
  readonly letterKeys?: boolean;
}

/**
 * A listbox that renders only the rows on screen (@tanstack/react-virtual).
 * ↑/↓ (and j/k), Page Up/Down, Home/End move the active row; Enter opens it.
 */
export function VirtualListbox(props: VirtualListboxProps) {
  const { count, rowHeight, activeIndex, onRangeChange, followEnd, revealIndex } = props;
  const ownRef = useRef<HTMLDivElement | null>(null);
  const scrollRef = props.scrollRef ?? ownRef;
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (last >= 0) onRangeChange?.(first, last);
  }, [first, last, onRangeChange]);
  useEffect(() => {
    if (followEnd && count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' });
  }, [followEnd, count, virtualizer]);
  useEffect(() => {
    if (revealIndex !== undefined && revealIndex !== null) virtualizer.scrollToIndex(revealIndex, { align: 'auto' });
  }, [revealIndex, virtualizer]);
  const move = (index: number): void => {
    if (count === 0) return;
    const next = Math.max(0, Math.min(count - 1, index));
    props.onActiveIndexChange(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    // With nothing selected yet, the arrows start from the rows on screen, not from the top.
    const firstVisible = items.find((item) => item.start >= (scrollRef.current?.scrollTop ?? 0))?.index ?? first;
    const current = activeIndex ?? firstVisible - 1;
    const letters = (props.letterKeys ?? true) && !event.ctrlKey && !event.metaKey && !event.altKey;
    switch (letters && event.key === 'j' ? 'ArrowDown' : letters && event.key === 'k' ? 'ArrowUp' : event.key) {
      case 'ArrowDown':
        move(current + 1);
        break;
      case 'ArrowUp':
        move(activeIndex === null ? firstVisible : current - 1);
        break;
      case 'PageDown':
        move(current + page);
        break;
      case 'PageUp':
        move(current - page);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(count - 1);
        break;
      case 'Enter':
        if (activeIndex !== null && !(props.isPlaceholder?.(activeIndex) ?? false)) props.onOpen(activeIndex);
        break;
      default:
        return;
    }
    event.preventDefault();
  };
  const activeId = activeIndex !== null && activeIndex >= first && activeIndex <= last ? `${props.idPrefix}-${activeIndex}` : undefined;
  return (
    <div
      ref={scrollRef}
      className={`vlist ${props.className ?? ''}`}
      role="listbox"
      aria-label={props.label}
      aria-activedescendant={activeId}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={(event) => {
        const list = event.currentTarget;
        // A list wider than its frame scrolls sideways; the frame's header row, outside this scroller, follows it (styles.css).
        list.parentElement?.style.setProperty('--list-scroll-x', `${list.scrollLeft}px`);
        props.onScroll?.(list.scrollTop);
      }}
    >
      <div className="vlist-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const placeholder = props.isPlaceholder?.(item.index) ?? false;
          return (
            <div
              key={item.key}
              id={`${props.idPrefix}-${item.index}`}
              role="option"
              aria-selected={item.index === activeIndex}
              aria-posinset={item.index + 1}
              aria-setsize={count}
              aria-busy={placeholder || undefined}
              className={`vlist-row${item.index === activeIndex ? ' is-active' : ''}${placeholder ? ' is-placeholder' : ''}`}
              style={{ height: rowHeight, transform: `translateY(${item.start}px)` }}
              onClick={() => {
                props.onActiveIndexChange(item.index);
                if (!placeholder) props.onOpen(item.index);
              }}
            >
              {props.renderRow(item.index)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
