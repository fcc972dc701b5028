import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import type { AlignedStep, Comparison } from '../../../shared/model/comparison';
import { VirtualListbox } from '../../components/virtual-listbox';
import { alignedStepCells, alignedStepLabel, nextDifference } from '../../format/comparison-text';
import { eventHash } from '../../format/route';
import { AlignedStepDetail } from './aligned-step-detail';

const ROW_HEIGHT = 30;

/**
 * Every aligned step of the two runs in one virtualized list (30,000 steps
 * render as fast as 30). ↑/↓ move, n / p jump to the next or previous step that
 * differs, Enter opens the step's last event in run B (in run A when B lacks it).
 */
export function AlignedStepsList({ comparison }: { readonly comparison: Comparison }) {
  const steps = comparison.steps;
  const first = comparison.firstDivergence?.position ?? null;
  const [active, setActive] = useState<number | null>(first);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const show = useCallback((index: number | null) => {
    if (index === null) return;
    setActive(index);
    const list = scrollRef.current;
    if (list !== null) {
      const top = index * ROW_HEIGHT;
      if (top < list.scrollTop || top + ROW_HEIGHT > list.scrollTop + list.clientHeight) list.scrollTop = Math.max(0, top - ROW_HEIGHT * 2);
    }
  }, []);
  const open = (index: number): void => {
    const step = steps[index];
    const eventId = (step?.b ?? step?.a)?.eventIds.at(-1);
    if (eventId !== undefined) window.location.hash = eventHash(eventId);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'n' || event.key === 'p') {
      event.preventDefault();
      show(nextDifference(steps, active, event.key === 'n' ? 1 : -1));
    }
  };
  const renderRow = useCallback((index: number) => <AlignedStepRow step={steps[index]} />, [steps]);
  return (
    <section className="panel" aria-label="Aligned steps">
      <header className="panel-header">
        <h2>Steps</h2>
        <div className="panel-actions">
          <button type="button" className="button-small" disabled={first === null} onClick={() => {
            show(first);
            scrollRef.current?.focus();
          }}>
            Go to the first divergence
          </button>
        </div>
      </header>
      <div className="list-frame" onKeyDown={onKeyDown}>
        <div className="list-head compare-grid" aria-hidden="true">
          <span>Step</span>
          <span>Run A</span>
          <span>Run B</span>
          <span className="num">A took</span>
          <span className="num">B took</span>
          <span className="num">Delta</span>
          <span>Differs</span>
        </div>
        <VirtualListbox
          label="Aligned steps"
          className="compare-list compare-grid-rows"
          count={steps.length}
          rowHeight={ROW_HEIGHT}
          idPrefix="aligned-step"
          activeIndex={active}
          onActiveIndexChange={setActive}
          onOpen={open}
          renderRow={renderRow}
          scrollRef={scrollRef}
        />
        <p className="hint muted">↑/↓ to move, n / p to the next or previous difference, Enter to open the step's event.</p>
      </div>
      <AlignedStepDetail step={active === null ? undefined : steps[active]} />
    </section>
  );
}

function AlignedStepRow({ step }: { readonly step: AlignedStep | undefined }) {
  if (step === undefined) return null;
  const cells = alignedStepCells(step);
  const differs = step.differences.length > 0;
  return (
    <>
      <span className={`cell${differs ? ' text-bad' : ''}`} title={alignedStepLabel(step)}>
        {cells.label}
      </span>
      <span className={`cell${step.a === null ? ' muted' : ''}`}>{cells.a}</span>
      <span className={`cell${step.b === null ? ' muted' : ''}`}>{cells.b}</span>
      <span className="cell num">{cells.durationA}</span>
      <span className="cell num">{cells.durationB}</span>
      <span className="cell num">{cells.delta}</span>
      <span className="cell text-bad">{cells.differences}</span>
    </>
  );
}
