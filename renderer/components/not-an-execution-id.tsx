import { EmptyState } from './empty-state';

/** What a view says when its URL names something that cannot be an execution id. */
export function NotAnExecutionId() {
  return (
    <EmptyState title="Not an execution id" pageTitle>
      <p>
        Execution ids look like <code>record:exec-001</code>: a family, a colon, the key.
      </p>
    </EmptyState>
  );
}
