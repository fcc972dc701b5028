import { useEffect, useMemo, useRef, useState } from 'react';
import { IndexingStatus } from './components/indexing-status';
import { JournalBanner } from './components/journal-banner';
import { NavBar } from './components/nav-bar';
import { ShortcutSheet } from './components/shortcut-sheet';
import { TimeRangeBar } from './components/time-range-bar';
import { pendingChecksNote, stillReading } from './format/checks-progress';
import { DEFAULT_EVENT_FILTERS } from './format/event-query';
import { DEFAULT_EXECUTION_FILTERS } from './format/execution-query';
import { routeSection } from './format/route';
import { shortcutScopeOf } from './format/shortcuts';
import { useApi } from './hooks/use-api';
import { useFileDropGuard } from './hooks/use-file-drop-guard';
import { useHashRoute } from './hooks/use-hash-route';
import { useAddressTimeRange } from './hooks/use-address-time-range';
import { IndexingProgressContext } from './state/indexing-progress-context';
import { JournalRevisionContext } from './state/journal-revision-context';
import { TimeRangeContext } from './state/time-range-context';
import { CompareView } from './views/compare/compare-view';
import { EventsView } from './views/events/events-view';
import { ExecutionView } from './views/execution/execution-view';
import { ExecutionsView } from './views/executions/executions-view';
import { NotFoundView } from './views/not-found-view';
import { NotesView } from './views/notes/notes-view';
import { OverviewView } from './views/overview/overview-view';
import { ProblemLineView } from './views/problems/problem-line-view';
import { ProblemsView } from './views/problems/problems-view';
import { StartView } from './views/start/start-view';

/**
 * The window's frame: navigation, indexing status and time range above the
 * view the hash names. Owns the summary (shared by the bar and the overview)
 * and the time range every view applies.
 */
export function AppShell() {
  const route = useHashRoute();
  useFileDropGuard();
  // The summary carries the indexing status, so it follows progress-only notices as well.
  const summary = useApi('summary', {}, { live: 'progress' });
  const timeRange = useAddressTimeRange();
  const [journalRevision, setJournalRevision] = useState(0);
  const journal = useMemo(() => ({ revision: journalRevision, bump: () => setJournalRevision((n) => n + 1) }), [journalRevision]);
  // The executions list stays mounted once shown, so returning from a detail keeps its place.
  const [listVisited, setListVisited] = useState(false);
  const section = routeSection(route);
  // The hidden list keeps the filters of the last list route while a detail is shown.
  const listFilters = useRef(DEFAULT_EXECUTION_FILTERS);
  if (route.view === 'executions') listFilters.current = route.filters ?? DEFAULT_EXECUTION_FILTERS;
  useEffect(() => {
    if (route.view === 'executions') setListVisited(true);
  }, [route.view]);
  const folder = summary.value?.folder ?? null;
  useEffect(() => {
    const name = folder?.split(/[\\/]/).filter((part) => part !== '').at(-1);
    document.title = name === undefined ? 'Execution Inspector' : `${name} — Execution Inspector`;
  }, [folder]);
  return (
    <TimeRangeContext.Provider value={timeRange}>
      <IndexingProgressContext.Provider value={summary.value?.progress ?? null}>
      <JournalRevisionContext.Provider value={journal}>
      <div className="app">
        <a className="skip-link" href="#main" onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}>
          Skip to content
        </a>
        {/* The time range and the journal's warning apply to every view: they are part of the banner landmark, not loose content. */}
        <header className="app-header">
          <div className="topbar">
            <span className="brand">Execution Inspector</span>
            <NavBar section={section} summary={summary.value} />
            <IndexingStatus summary={summary.value} />
          </div>
          <TimeRangeBar timeRange={summary.value?.timeRange ?? null} executionId={route.view === 'execution' ? route.id : null}>
            <ShortcutSheet scope={shortcutScopeOf(route)} />
          </TimeRangeBar>
          <JournalBanner />
        </header>
        <main id="main" className="main" tabIndex={-1}>
          {route.view === 'overview' && <OverviewView summary={summary} />}
          {route.view === 'start' && <StartView summary={summary} />}
          {(listVisited || route.view === 'executions') && <ExecutionsView hidden={route.view !== 'executions'} filters={listFilters.current} progress={summary.value?.progress ?? null} />}
          {route.view === 'execution' && <ExecutionView key={route.id} id={route.id} reading={summary.value !== undefined && stillReading(summary.value.progress)} />}
          {route.view === 'compare' && <CompareView key={`${route.a} ${route.b ?? ''}`} a={route.a} b={route.b} otherReadings={route.otherReadings} reading={summary.value !== undefined && stillReading(summary.value.progress)} />}
          {route.view === 'events' && <EventsView eventId={route.eventId} filters={route.filters ?? DEFAULT_EVENT_FILTERS} anchor={route.anchor ?? null} enrichment={summary.value?.progress.enrichment ?? null} reading={summary.value !== undefined && stillReading(summary.value.progress)} />}
          {route.view === 'problems' && <ProblemsView code={route.code ?? null} pendingNote={summary.value === undefined ? null : pendingChecksNote(summary.value.progress)} />}
          {route.view === 'problem' && <ProblemLineView key={route.problemId} problemId={route.problemId} />}
          {route.view === 'notes' && <NotesView />}
          {route.view === 'not-found' && <NotFoundView path={route.path} />}
        </main>
      </div>
      </JournalRevisionContext.Provider>
      </IndexingProgressContext.Provider>
    </TimeRangeContext.Provider>
  );
}
