import type { ApiError } from '../../shared/api/api-result';

/** What a view shows when its data could not be read; the message is the API's, as text. */
export function ErrorState({ error, title = 'Could not load this view', onRetry }: { readonly error: ApiError; readonly title?: string; readonly onRetry?: () => void }) {
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{title}</p>
      <p className="state-detail">
        <code>{error.code}</code> {error.message}
      </p>
      {onRetry !== undefined && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
