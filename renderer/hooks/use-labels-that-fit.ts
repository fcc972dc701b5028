import { useEffect, useLayoutEffect, type RefObject } from 'react';
import { labelsThatFit } from '../format/label-layout';

/** Labels closer than this (px) read as one. */
const LABEL_GAP_PX = 6;

/**
 * Hides the labels (elements matching `selector` under `container`) that would
 * cover another at the width they were laid out at, after every render and on
 * every resize. A label's `data-priority` (default 0) says which one stays.
 * Hidden labels keep their place (visibility), so nothing else moves.
 */
export function useLabelsThatFit(container: RefObject<HTMLElement | null>, selector: string): void {
  useLayoutEffect(() => hideCovered(container.current, selector));
  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const observer = new ResizeObserver(() => hideCovered(element, selector));
    observer.observe(element);
    return () => observer.disconnect();
  }, [container, selector]);
}

function hideCovered(container: HTMLElement | null, selector: string): void {
  if (container === null) return;
  const labels = [...container.querySelectorAll<HTMLElement>(selector)];
  for (const label of labels) label.style.visibility = '';
  const spans = labels.map((label) => {
    const box = label.getBoundingClientRect();
    return { start: box.left, end: box.right, priority: Number(label.dataset['priority'] ?? 0) };
  });
  labelsThatFit(spans, LABEL_GAP_PX).forEach((shown, index) => {
    const label = labels[index];
    if (label !== undefined && !shown) label.style.visibility = 'hidden';
  });
}
