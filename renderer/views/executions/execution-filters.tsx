import { useId, type RefObject } from 'react';
import { EXECUTION_SORTS } from '../../../shared/api/contract';
import { EXECUTION_FAMILIES, type ExecutionFamily } from '../../../shared/model/family';
import { KNOWN_STATUSES, SORT_LABELS, type ExecutionFilters as Filters } from '../../format/execution-query';

/** The filter and sort controls of the executions list. */
export function ExecutionFilters({
  filters,
  onChange,
  searchRef,
}: {
  readonly filters: Filters;
  readonly onChange: (filters: Filters) => void;
  readonly searchRef: RefObject<HTMLInputElement | null>;
}) {
  const id = useId();
  return (
    <form className="filters" role="search" aria-label="Filter executions" onSubmit={(event) => event.preventDefault()}>
      <div className="field field-grow">
        <label htmlFor={`${id}-text`}>Search</label>
        <input
          id={`${id}-text`}
          ref={searchRef}
          type="search"
          placeholder="Key, label, actor, plan… (press /)"
          value={filters.text}
          onChange={(event) => onChange({ ...filters, text: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-family`}>Family</label>
        <select id={`${id}-family`} value={filters.family} onChange={(event) => onChange({ ...filters, family: event.target.value as ExecutionFamily | '' })}>
          <option value="">All families</option>
          {EXECUTION_FAMILIES.map((family) => (
            <option key={family} value={family}>
              {family}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-outcome`}>Outcome</label>
        <select id={`${id}-outcome`} value={filters.outcome} onChange={(event) => onChange({ ...filters, outcome: event.target.value as Filters['outcome'] })}>
          <option value="">Any outcome</option>
          <option value="ok">ok</option>
          <option value="failed">failed</option>
          <option value="running">running</option>
          <option value="unknown">unknown</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} value={filters.status} onChange={(event) => onChange({ ...filters, status: event.target.value })}>
          <option value="">Any status</option>
          {KNOWN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-sort`}>Sort by</label>
        <select id={`${id}-sort`} value={filters.sort} onChange={(event) => onChange({ ...filters, sort: event.target.value as Filters['sort'] })}>
          {EXECUTION_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-check">
        <input id={`${id}-desc`} type="checkbox" checked={filters.descending} onChange={(event) => onChange({ ...filters, descending: event.target.checked })} />
        <label htmlFor={`${id}-desc`}>Descending</label>
      </div>
      <div className="field field-check">
        <input id={`${id}-problems`} type="checkbox" checked={filters.hasProblems} onChange={(event) => onChange({ ...filters, hasProblems: event.target.checked })} />
        <label htmlFor={`${id}-problems`}>With problems</label>
      </div>
    </form>
  );
}
