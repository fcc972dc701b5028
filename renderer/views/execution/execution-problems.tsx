import type { ApiResponse } from '../../../shared/api/contract';
import { Panel } from '../../components/panel';
import { RouteLink } from '../../components/route-link';
import { explainProblemCode, formatLocation } from '../../format/problem-text';

type ProblemRow = ApiResponse<'getExecution'>['problems'][number];

/** The problems found in this execution's lines and across them, each with where it is. */
export function ExecutionProblems({ problems }: { readonly problems: readonly ProblemRow[] }) {
  return (
    <Panel title={`Problems (${problems.length})`}>
      {problems.length === 0 ? (
        <p className="muted">No problems: this execution's lines meet their format's contract.</p>
      ) : (
        <ul className="problem-list">
          {problems.map((problem) => (
            <li key={problem.id}>
              <code title={explainProblemCode(problem.code)}>{problem.code}</code> <span>{problem.message}</span>{' '}
              {problem.eventId !== null ? (
                <RouteLink to={{ view: 'events', eventId: problem.eventId }} className="location">
                  {formatLocation(problem.path, problem.line)}
                </RouteLink>
              ) : (
                <span className="location muted">{formatLocation(problem.path, problem.line)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
