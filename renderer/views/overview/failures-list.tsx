import { ExecutionBriefList } from './execution-brief-list';

/** The failed executions in the time range, most recent first. */
export function FailuresList() {
  return <ExecutionBriefList request={{ outcomes: ['failed'] }} emptyTitle="No failed executions in this time range" />;
}
