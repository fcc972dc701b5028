import type { Page } from 'playwright-core';

/** The two window sizes every view must be usable at: a small laptop screen and a common one. */
export const SCREEN_SIZES = [
  { name: '800x600', width: 800, height: 600 },
  { name: '1280x720', width: 1280, height: 720 },
] as const;

/** The narrowest the executions list's Key column may get while its text shows. */
export const MIN_KEY_COLUMN_PX = 120;

/**
 * What is wrong with the layout on screen, as sentences (none: nothing). It
 * checks what a reviewer on a small screen runs into: the page scrolling
 * sideways, top bar items cut off or on top of each other, list and table
 * headers overlapping or clipped, the executions Key column squeezed away.
 * Runs in the page, so it measures what the browser laid out.
 */
export async function layoutFaults(page: Page): Promise<readonly string[]> {
  return page.evaluate((minKey) => {
    interface Box {
      readonly left: number;
      readonly right: number;
      readonly top: number;
      readonly bottom: number;
      readonly width: number;
      readonly height: number;
    }
    interface El {
      readonly textContent: string | null;
      readonly scrollWidth: number;
      readonly clientWidth: number;
      readonly className: unknown;
      readonly tagName: string;
      readonly children: ArrayLike<El>;
      getBoundingClientRect(): Box;
      closest(selector: string): El | null;
    }
    const g = globalThis as unknown as {
      innerWidth: number;
      document: { documentElement: El; body: El; querySelector(s: string): El | null; querySelectorAll(s: string): ArrayLike<El> };
      getComputedStyle(el: El): { display: string; visibility: string; overflowX: string };
    };
    const faults: string[] = [];
    const name = (el: El): string => `${el.tagName.toLowerCase()}.${String(el.className).split(' ').filter((c) => c !== '').join('.')} “${(el.textContent ?? '').trim().slice(0, 30)}”`;
    const shown = (el: El): boolean => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && g.getComputedStyle(el).visibility !== 'hidden' && el.closest('[hidden]') === null;
    };
    const overlapping = (a: Box, b: Box): boolean => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const noneOverlap = (what: string, items: readonly El[]): void => {
      const boxes = items.filter(shown).map((el) => ({ el, box: el.getBoundingClientRect() }));
      for (let i = 0; i < boxes.length; i += 1) {
        for (let j = i + 1; j < boxes.length; j += 1) {
          const a = boxes[i];
          const b = boxes[j];
          if (a !== undefined && b !== undefined && overlapping(a.box, b.box)) faults.push(`${what}: ${name(a.el)} overlaps ${name(b.el)}`);
        }
      }
    };
    const root = g.document.documentElement;
    if (root.scrollWidth > g.innerWidth) faults.push(`the page scrolls sideways: ${root.scrollWidth}px wide in a ${g.innerWidth}px window`);
    if (g.document.body.scrollWidth > g.innerWidth) faults.push(`the body is ${g.document.body.scrollWidth}px wide in a ${g.innerWidth}px window`);
    const main = g.document.querySelector('main');
    if (main !== null && main.scrollWidth > main.clientWidth + 1) faults.push(`the view scrolls sideways: ${main.scrollWidth}px of content in ${main.clientWidth}px`);
    // The top bar: every item inside the window, none on top of another, nothing cut off.
    const topbar = g.document.querySelector('.topbar');
    if (topbar !== null) {
      if (topbar.scrollWidth > topbar.clientWidth + 1) faults.push(`the top bar overflows: ${topbar.scrollWidth}px of content in ${topbar.clientWidth}px`);
      const items = Array.from(g.document.querySelectorAll('.topbar .brand, .topbar .nav a, .topbar .index-status, .range-bar > *') as ArrayLike<El>).filter(shown);
      for (const item of items) {
        const box = item.getBoundingClientRect();
        if (box.left < -0.5 || box.right > g.innerWidth + 0.5) faults.push(`top bar item ${name(item)} lies outside the window (${Math.round(box.left)}–${Math.round(box.right)}px)`);
      }
      noneOverlap('top bar', items);
    }
    const rangeBar = g.document.querySelector('.range-bar');
    if (rangeBar !== null && rangeBar.scrollWidth > rangeBar.clientWidth + 1) faults.push(`the time range bar overflows: ${rangeBar.scrollWidth}px of content in ${rangeBar.clientWidth}px`);
    // Headers of lists and tables: side by side, none over another, each text whole.
    for (const head of Array.from(g.document.querySelectorAll('main .list-head, main table thead tr') as ArrayLike<El>).filter(shown)) {
      const cells = Array.from(head.children);
      noneOverlap(`headers of ${name(head)}`, cells);
      for (const cell of cells.filter(shown)) {
        if (cell.scrollWidth > cell.clientWidth + 1) faults.push(`header ${name(cell)} is cut: ${cell.scrollWidth}px of text in ${cell.clientWidth}px`);
      }
    }
    // Axis labels of the overview timeline and of the waterfall: each readable, none printed over another.
    for (const axis of Array.from(g.document.querySelectorAll('main .histogram-axis, main .histogram-plot, main .wf-axis') as ArrayLike<El>).filter(shown)) {
      noneOverlap(`labels of ${name(axis)}`, Array.from(g.document.querySelectorAll('main .histogram-axis-mark, main .histogram-gap-label, main .wf-idle-label') as ArrayLike<El>).filter((label) => label.closest('.histogram-axis, .histogram-plot, .wf-axis') === axis));
    }
    // The executions list's Key column keeps room for its text.
    for (const key of Array.from(g.document.querySelectorAll('main .exec-grid-rows .col-key') as ArrayLike<El>).filter(shown).slice(0, 3)) {
      const width = key.getBoundingClientRect().width;
      if (width < minKey) faults.push(`the Key column is ${Math.round(width)}px wide (at least ${minKey}px wanted)`);
      if ((key.textContent ?? '').trim() === '') faults.push('a Key cell shows no text');
    }
    return faults;
  }, MIN_KEY_COLUMN_PX);
}
