import { plainText } from '../format/json-text';
import { Badge } from './badge';

/** A boolean field as a yes/no badge (coloured by whether yes is good); anything else as its text. */
export function YesNoBadge({ value, invert = false }: { readonly value: unknown; readonly invert?: boolean }) {
  if (typeof value !== 'boolean') return <span>{plainText(value)}</span>;
  const good = invert ? !value : value;
  return <Badge tone={good ? 'ok' : 'bad'}>{value ? 'yes' : 'no'}</Badge>;
}
