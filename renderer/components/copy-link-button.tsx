import { shareLink } from '../format/share-link';
import { withRangeInHash } from '../format/range-param';
import { routeHash, type Route } from '../format/route';
import { useTimeRange } from '../state/time-range-context';
import { CopyButton } from './copy-button';

/** Copies the link of a route (with its filters and the time range on screen), to share the exact place on screen. */
export function CopyLinkButton({ to, description }: { readonly to: Route; readonly description: string }) {
  const { range } = useTimeRange();
  const hash = range.from === null && range.to === null ? routeHash(to) : withRangeInHash(routeHash(to), range);
  return (
    <CopyButton text={shareLink(window.location, hash)} description={description}>
      Copy link
    </CopyButton>
  );
}
