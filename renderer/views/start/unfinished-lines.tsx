import { useApi } from '../../hooks/use-api';
import { formatBytes, formatCount } from '../../format/numbers';

/** Files listed by name at most; past that, the count says how many more. */
const LISTED = 10;

/**
 * The files whose last line has no newline yet, while the folder is watched:
 * such a line is still being written, or was cut off when its producer
 * stopped, and it is indexed only once its newline arrives. A crashed
 * producer's last line is often the one that matters, so it is said here rather
 * than left out silently.
 */
export function UnfinishedLines() {
  const files = useApi('listSources', { states: ['active'], unfinished: true, limit: LISTED + 1 });
  const items = files.value?.items ?? [];
  if (items.length === 0) return null;
  const more = files.value?.nextCursor !== null || items.length > LISTED;
  return (
    <div className="notice notice-warn" role="note">
      <p>
        {more ? `More than ${formatCount(LISTED)} files end` : items.length === 1 ? 'One file ends' : `${formatCount(items.length)} files end`} in a line without a newline: it is
        still being written, or its producer stopped before ending it. Such a line is indexed once its newline arrives; indexing the folder once from the command line{' '}
        <code>index</code> takes it as it is.
      </p>
      <ul>
        {items.slice(0, LISTED).map((file) => (
          <li key={file.id}>
            <code>{file.path}</code> <span className="muted">({formatBytes(file.pendingBytes)} waiting)</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
