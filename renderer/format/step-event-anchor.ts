/** The element id of one step event in the steps panel, by its source and its place in that source's chain. */
export function stepEventAnchorId(via: 'stream' | 'document', position: number): string {
  return `step-event-${via}-${position}`;
}

/** How a step event is named in the steps panel and in the chain verdict alike ("stream step event 2"). */
export function stepEventName(via: 'stream' | 'document', position: number): string {
  return `${via === 'stream' ? 'stream' : 'document'} step event ${position}`;
}
