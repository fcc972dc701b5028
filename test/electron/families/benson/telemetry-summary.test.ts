import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inEmissionOrder, telemetrySummary } from '../../../../electron/families/benson/telemetry-summary';
import { telemetrySummarySchema } from '../../../../shared/model/inspection';

describe('telemetrySummary', () => {
  it('reproduces the summary of the formats.md Benson example (4 events)', () => {
    const summary = telemetrySummary([
      { eventType: 'PAC_DISPATCH_START', timestamp: '2025-12-26T01:00:00.000000+00:00' },
      { eventType: 'CHECKPOINT', timestamp: '2025-12-26T01:00:01.000000+00:00' },
      { eventType: 'SCHEMA_VALIDATION', timestamp: '2025-12-26T01:00:04.600000+00:00' },
      { eventType: 'PAC_DISPATCH_END', timestamp: '2025-12-26T01:00:05.000000+00:00' },
    ]);
    telemetrySummarySchema.parse(summary);
    assert.deepEqual(summary, {
      total_events: 4,
      event_types: ['PAC_DISPATCH_START', 'CHECKPOINT', 'SCHEMA_VALIDATION', 'PAC_DISPATCH_END'],
      first_event: '2025-12-26T01:00:00.000000+00:00',
      last_event: '2025-12-26T01:00:05.000000+00:00',
    });
  });

  it('lists repeated event types once, in order of first appearance', () => {
    const summary = telemetrySummary([
      { eventType: 'CHECKPOINT', timestamp: 't1' },
      { eventType: 'PAC_DISPATCH_START', timestamp: 't0' },
      { eventType: 'CHECKPOINT', timestamp: 't2' },
    ]);
    assert.deepEqual(summary.event_types, ['CHECKPOINT', 'PAC_DISPATCH_START']);
    assert.equal(summary.total_events, 3);
  });

  it('takes first and last event timestamps from the order given, verbatim, null when missing', () => {
    const summary = telemetrySummary([
      { eventType: 'A', timestamp: null },
      { eventType: 'B', timestamp: '2025-12-26T01:00:05Z' },
    ]);
    assert.deepEqual([summary.first_event, summary.last_event], [null, '2025-12-26T01:00:05Z']);
  });

  it('summarizes no events as zero with null timestamps', () => {
    assert.deepEqual(telemetrySummary([]), { total_events: 0, event_types: [], first_event: null, last_event: null });
  });
});

describe('inEmissionOrder', () => {
  const at = (eventType: string, timestamp: string | null): { eventType: string; timestamp: string | null; ts: number | null } => ({
    eventType, timestamp, ts: timestamp === null ? null : Date.parse(timestamp),
  });

  it('orders by time to the fraction of a millisecond written, then keeps file order', () => {
    const events = [at('CHECKPOINT', '2026-12-03T07:55:34.013736+00:00'), at('END', '2026-12-03T07:55:34.014122+00:00'), at('START', '2026-12-03T07:55:34.013349+00:00'), at('TIE', '2026-12-03T07:55:34.013349+00:00')];
    assert.deepEqual(inEmissionOrder(events).map((event) => event.eventType), ['START', 'TIE', 'CHECKPOINT', 'END']);
  });

  it('leaves the events in file order when one has no time', () => {
    const events = [at('B', '2026-12-03T07:55:35Z'), at('A', null), at('C', '2026-12-03T07:55:34Z')];
    assert.deepEqual(inEmissionOrder(events), events);
  });
});
