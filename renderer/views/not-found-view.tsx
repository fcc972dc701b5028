import { EmptyState } from '../components/empty-state';

/** A hash that names no view. */
export function NotFoundView({ path }: { readonly path: string }) {
  return (
    <EmptyState title="Nothing here" pageTitle>
      <p>
        The address <code>{path}</code> names no view. <a href="#/">Go to the overview</a>.
      </p>
    </EmptyState>
  );
}
