import { useId, type RefObject } from 'react';
import { EXECUTION_SORTS } from '../../../shared/api/contract';
import { EXECUTION_FAMILIES } from '../../../shared/model/family';
import { SelectField } from '../../components/select-field';
import { BASELINE_FILTER_LABELS, BASELINE_FILTERS, KNOWN_STATUSES, SORT_LABELS, type ExecutionFilters as Filters } from '../../format/execution-query';

const OUTCOMES = ['ok', 'failed', 'running', 'unknown'] as const;

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
      <SelectField id={`${id}-family`} label="Family" value={filters.family} anyLabel="All families" options={EXECUTION_FAMILIES} onChange={(family) => onChange({ ...filters, family })} />
      <SelectField id={`${id}-outcome`} label="Outcome" value={filters.outcome} anyLabel="Any outcome" options={OUTCOMES} onChange={(outcome) => onChange({ ...filters, outcome })} />
      <SelectField id={`${id}-status`} label="Status" value={filters.status} anyLabel="Any status" options={KNOWN_STATUSES} onChange={(status) => onChange({ ...filters, status })} />
      <SelectField
        id={`${id}-baseline`}
        label="Baseline"
        value={filters.baseline}
        anyLabel="Any"
        options={BASELINE_FILTERS}
        optionLabel={(choice) => BASELINE_FILTER_LABELS[choice]}
        onChange={(baseline) => onChange({ ...filters, baseline })}
      />
      <SelectField
        id={`${id}-sort`}
        label="Sort by"
        value={filters.sort}
        options={EXECUTION_SORTS}
        optionLabel={(sort) => SORT_LABELS[sort]}
        onChange={(sort) => onChange({ ...filters, sort: sort === '' ? filters.sort : sort })}
      />
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
