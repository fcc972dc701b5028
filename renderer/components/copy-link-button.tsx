import { shareLink } from '../format/share-link';
import { routeHash, type Route } from '../format/route';
import { CopyButton } from './copy-button';

/** Copies the link of a route (with its filters), to share the exact place on screen. */
export function CopyLinkButton({ to, description }: { readonly to: Route; readonly description: string }) {
  return (
    <CopyButton text={shareLink(window.location, routeHash(to))} description={description}>
      Copy link
    </CopyButton>
  );
}
