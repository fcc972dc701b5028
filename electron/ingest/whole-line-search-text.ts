import type { PlainEvents, WholeLineSearchText } from '../index/renormalize';
import { FAMILIES, type Family } from '../../shared/model/family';
import { PLAIN_INDEX_RULES } from '../families/family-module';
import { detectFamily, FAMILY_MODULES } from '../families/family-registry';
import { jsonDepthExceeds } from './json-depth';
import { lineObject } from './line-to-event';
import { searchText } from './search-text';

/**
 * The families that read a line as one event searched by its whole parsed
 * object (no normalizeParts: family-registry's normalizeLine gives `searched: obj`).
 * Their search text needs no normalizer, whether or not they derive rows.
 */
const WHOLE_LINE_FAMILIES: ReadonlySet<Family> = new Set(FAMILIES.filter((family) => FAMILY_MODULES[family].normalizeParts === undefined));

/**
 * The families of WHOLE_LINE_FAMILIES that derive no rows (the plain rules'
 * derivedRows): the enrichment needs nothing of such an event but its search text.
 */
const PLAIN_FAMILIES: ReadonlySet<Family> = new Set(
  [...WHOLE_LINE_FAMILIES].filter((family) => FAMILY_MODULES[family].index.derivedRows === PLAIN_INDEX_RULES.derivedRows),
);

/**
 * The search text of a stored event read one per line and searched whole,
 * straight from its raw line: what the reader gave it (lineToEvent's
 * searchText of the parsed object), without normalizing the line again, which
 * is most of the full-text pass's cost (a Benson report's or a record's
 * normalizer costs more than parsing its line). Null whenever the line would
 * not be read that way (lineObject finds no object in it, or another family by
 * its shape now): the enrichment then takes the full path.
 */
export const wholeLineSearchText: WholeLineSearchText = (raw, family) => {
  if (!WHOLE_LINE_FAMILIES.has(family as Family)) return null;
  const read = lineObject(raw);
  if (read.type !== 'object') return null;
  const object = read.object;
  // A line nested too deep is kept as a generic event searched by its values, whatever its shape.
  const readAs: Family = jsonDepthExceeds(object) ? 'generic' : detectFamily(object);
  return readAs === family ? searchText(object) : null;
};

/** The quick search text, and the plain families the pass over derived rows passes by, for the enrichment (index/renormalize.ts). */
export const PLAIN_EVENTS: PlainEvents = { searchText: wholeLineSearchText, families: [...PLAIN_FAMILIES] };
