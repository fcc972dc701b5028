import { useId, type RefObject } from 'react';
import { FAMILIES } from '../../../shared/model/family';
import { SelectField } from '../../components/select-field';

/** The events explorer's search and filters. */
export interface EventFilterState {
  readonly query: string;
  readonly family: string;
  readonly kind: string;
  readonly failedOnly: boolean;
}

/** Search box (full text over event values) and filters of the events explorer. */
export function EventFilters({ filters, onChange, searchRef }: { readonly filters: EventFilterState; readonly onChange: (filters: EventFilterState) => void; readonly searchRef: RefObject<HTMLInputElement | null> }) {
  const id = useId();
  return (
    <form className="filters" role="search" aria-label="Search events" onSubmit={(event) => event.preventDefault()}>
      <div className="field field-grow">
        <label htmlFor={`${id}-q`}>Full-text search</label>
        <input id={`${id}-q`} ref={searchRef} type="search" placeholder="Words in any value: trace id, error, URL… (press /)" value={filters.query} onChange={(event) => onChange({ ...filters, query: event.target.value })} />
      </div>
      <SelectField id={`${id}-family`} label="Family" value={filters.family} anyLabel="All families" options={FAMILIES} onChange={(family) => onChange({ ...filters, family })} />
      <div className="field">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <input id={`${id}-kind`} type="text" placeholder="e.g. CHECKPOINT" value={filters.kind} onChange={(event) => onChange({ ...filters, kind: event.target.value })} />
      </div>
      <div className="field field-check">
        <input id={`${id}-failed`} type="checkbox" checked={filters.failedOnly} onChange={(event) => onChange({ ...filters, failedOnly: event.target.checked })} />
        <label htmlFor={`${id}-failed`}>Failed only</label>
      </div>
    </form>
  );
}
