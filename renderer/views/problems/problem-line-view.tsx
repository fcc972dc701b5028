import { CopyLinkButton } from '../../components/copy-link-button';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { RawLineText } from '../../components/raw-line-text';
import { RouteLink } from '../../components/route-link';
import { formatBytes } from '../../format/numbers';
import { explainProblemCode, formatLocation } from '../../format/problem-text';
import { useApi } from '../../hooks/use-api';
import { useProblemStepper } from '../../hooks/use-problem-stepper';
import { useShortcut } from '../../hooks/use-shortcut';

/**
 * One problem and the line it is about, read again from the file: its raw
 * bytes escaped (a malformed line is no event, so this is where it is seen),
 * with the lines around it, each linking to the event it became, if any.
 */
export function ProblemLineView({ problemId }: { readonly problemId: number }) {
  const answer = useApi('getProblemLine', { id: problemId });
  const problems = useProblemStepper();
  useShortcut((action) => {
    if (action !== 'next-problem' && action !== 'previous-problem') return false;
    problems.step({ problemIds: [problemId] }, action === 'next-problem' ? 'next' : 'previous');
    return true;
  }, 'problems');
  const stepMessage = problems.message !== null && (
    <p className="step-message" role="status">
      {problems.message}
    </p>
  );
  const back = (
    <nav className="breadcrumb" aria-label="Breadcrumb">
      <a href="#/problems">Problems</a> <span aria-hidden="true">/</span> <span aria-current="page">Problem {problemId}</span>
    </nav>
  );
  if (answer.value === undefined) {
    return (
      <div className="view view-problem-line">
        {back}
        {stepMessage}
        {answer.error === null ? (
          <LoadingState label="Reading the line…" />
        ) : answer.error.code === 'not_found' ? (
          <EmptyState title={`No problem ${problemId}`}>
            <p>It is not in this folder's index.</p>
          </EmptyState>
        ) : (
          <ErrorState error={answer.error} onRetry={answer.reload} />
        )}
      </div>
    );
  }
  const { problem, lines, unavailable } = answer.value;
  const location = formatLocation(problem.path, problem.line);
  return (
    <div className="view view-problem-line">
      {back}
      {stepMessage}
      <div className="view-title">
        <h1>
          <code>{problem.code}</code> at <span className="mono">{location}</span>
        </h1>
        <CopyLinkButton to={{ view: 'problem', problemId }} description="Copy a link to this problem's line" />
      </div>
      <p>{problem.message}</p>
      <p className="muted">{explainProblemCode(problem.code)}</p>
      {problem.executionId !== null && (
        <p>
          Execution: <RouteLink to={{ view: 'execution', id: problem.executionId }}>{problem.executionId}</RouteLink>
        </p>
      )}
      {unavailable !== null ? (
        <EmptyState title="The line's bytes are not shown">
          <p>{unavailable}</p>
        </EmptyState>
      ) : (
        <>
          <h2>The line and its neighbours, byte for byte</h2>
          <p className="muted small">
            Read again from the file, which the inspector never writes. Bytes that are not printable text (invalid UTF-8, control or invisible characters) are shown as <code>\xNN</code>.
          </p>
          <ol className="raw-lines" aria-label={`Lines around line ${problem.line ?? ''}`}>
            {lines.map((line) => (
              <li key={line.line} className={line.line === problem.line ? 'raw-line is-problem' : 'raw-line'} aria-current={line.line === problem.line ? 'true' : undefined}>
                <span className="raw-line-no">
                  {line.eventId === null ? line.line : <RouteLink to={{ view: 'events', eventId: line.eventId, anchor: line.eventId }} label={`Line ${line.line}: event ${line.eventId}`}>{line.line}</RouteLink>}
                </span>
                <pre className="raw-line-text" tabIndex={line.line === problem.line ? 0 : undefined}>
                  <RawLineText segments={line.segments} />
                  {line.truncated && <span className="muted"> … ({formatBytes(line.byteLength)} in all; the rest is not shown)</span>}
                </pre>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
