import { useState } from 'react';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { Panel } from '../../../components/panel';
import { formatCount } from '../../../format/numbers';
import { useApi } from '../../../hooks/use-api';
import { WaterfallChart } from './waterfall-chart';
import { WaterfallSelection } from './waterfall-selection';

/** An execution's waterfall: its bars on one time axis, and the selected bar with its events. */
export function WaterfallPanel({ id, title }: { readonly id: string; readonly title: string }) {
  const waterfall = useApi('getWaterfall', { id });
  const [active, setActive] = useState<number | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  if (waterfall.value === undefined) {
    return (
      <Panel title={title} className="panel-waterfall">
        {waterfall.error !== null ? <ErrorState error={waterfall.error} onRetry={waterfall.reload} /> : <LoadingState label="Loading the waterfall…" />}
      </Panel>
    );
  }
  const { bars, startMs, endMs, eventsOmitted } = waterfall.value;
  // Selection is kept by key, so a live refresh that adds bars keeps the same bar selected.
  const selected = opened === null ? undefined : bars.find((bar) => bar.key === opened);
  return (
    <Panel title={title} className="panel-waterfall">
      {waterfall.error !== null && <ErrorState error={waterfall.error} title="The waterfall could not be refreshed" />}
      {eventsOmitted > 0 && (
        <p className="notice notice-warn" role="note">
          {formatCount(eventsOmitted)} events after the last one drawn are not in the waterfall (it draws the first ones only); the events list below has every one.
        </p>
      )}
      <WaterfallChart
        label={`${title} of ${id}`}
        bars={bars}
        run={{ startMs, endMs }}
        activeIndex={active}
        onActiveIndexChange={setActive}
        onOpen={(index) => setOpened(bars[index]?.key ?? null)}
      />
      {selected !== undefined && <WaterfallSelection bar={selected} />}
    </Panel>
  );
}
