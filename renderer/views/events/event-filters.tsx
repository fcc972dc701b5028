import { useId, type RefObject } from 'react';
import { FAMILIES } from '../../../shared/model/family';
import { SelectField } from '../../components/select-field';
import type { EventFilters as Filters } from '../../format/event-query';

/** Search box (full text over event values) and filters of the events explorer; the kind box suggests the index's kinds. */
export function EventFilters({
  filters,
  onChange,
  searchRef,
  kinds,
}: {
  readonly filters: Filters;
  readonly onChange: (filters: Filters) => void;
  readonly searchRef: RefObject<HTMLInputElement | null>;
  /** Kinds to suggest, most frequent first. */
  readonly kinds: readonly string[];
}) {
  const id = useId();
  return (
    <form className="filters" role="search" aria-label="Search events" onSubmit={(event) => event.preventDefault()}>
      <div className="field field-grow">
        <label htmlFor={`${id}-q`}>Full-text search</label>
        <input id={`${id}-q`} ref={searchRef} type="search" title="Every word must appear in the event, in any order; words in double quotes must appear together, in that order" placeholder="Words in any value, all required; &quot;quote a phrase&quot; (press /)" value={filters.query} onChange={(event) => onChange({ ...filters, query: event.target.value })} />
      </div>
      <SelectField id={`${id}-family`} label="Family" value={filters.family} anyLabel="All families" options={FAMILIES} onChange={(family) => onChange({ ...filters, family })} />
      <div className="field">
        <label htmlFor={`${id}-kind`}>Kind (any case)</label>
        <input id={`${id}-kind`} type="text" list={`${id}-kinds`} autoComplete="off" placeholder="e.g. checkpoint" value={filters.kind} onChange={(event) => onChange({ ...filters, kind: event.target.value })} />
        <datalist id={`${id}-kinds`}>
          {kinds.map((kind) => (
            <option key={kind} value={kind} />
          ))}
        </datalist>
      </div>
      <div className="field field-check">
        <input id={`${id}-failed`} type="checkbox" checked={filters.failedOnly} onChange={(event) => onChange({ ...filters, failedOnly: event.target.checked })} />
        <label htmlFor={`${id}-failed`}>Failed only</label>
      </div>
    </form>
  );
}
