import { useId, useState } from 'react';
import { isTimeZoneName, naiveReadingNote } from '../../../shared/model/time-zone-name';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { Panel } from '../../components/panel';
import { useApi } from '../../hooks/use-api';
import { useBridgeAction } from '../../hooks/use-bridge-action';

/** Files with times without zone shown at most; a folder with more names its first ones and says so. */
const FILE_LIMIT = 500;

/** The zone names this browser knows, offered as suggestions; any other IANA name is accepted as well. */
const KNOWN_ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/**
 * The producer time zones: some producers write times without a zone (hearth:
 * local time), which are read as UTC until the reviewer says in which zone the
 * producer ran, for the whole folder or one file. Setting one re-reads those
 * files (the index follows) and is kept in the app's data folder, never in the
 * evidence. Files are named to the API by source id only.
 */
export function ProducerTimeZones() {
  const zones = useApi('getTimeZones', {});
  const sources = useApi('listSources', { states: ['active'], limit: FILE_LIMIT });
  const set = useBridgeAction('setTimeZone');
  const listId = useId();
  const save = (request: { readonly sourceId?: number; readonly zone: string | null }): void =>
    void set.run(request).then((answer) => {
      if (answer !== null) {
        zones.reload();
        sources.reload();
      }
    });
  if (zones.error !== null) return <ErrorState error={zones.error} onRetry={zones.reload} />;
  if (zones.value === undefined) return <LoadingState label="Reading the time zones…" />;
  const settings = zones.value;
  const fileZone = new Map(settings.files.map((file) => [file.path, file.zone]));
  const naive = (sources.value?.items ?? []).filter((source) => source.naiveTimes !== null);
  return (
    <Panel title="Producer time zones" className="time-zones">
      <p className="muted">
        Some producers write times without a time zone (hearth writes its local time). Those times are read as UTC unless you say where the producer ran. Only times written without a
        zone change; the files are read again and every time derived from them follows. The setting is kept in the inspector&apos;s data folder, never in the evidence folder.
      </p>
      <datalist id={listId}>
        {KNOWN_ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <ZoneEditor label="Folder" current={settings.folderZone} fallback="read as UTC" listId={listId} busy={set.busy} onSave={(zone) => save({ zone })} />
      <h3>Files with times without zone</h3>
      {naive.length === 0 ? (
        <p className="muted">{sources.value === undefined ? 'Reading the files…' : 'No indexed file has times without zone.'}</p>
      ) : (
        <ul className="time-zone-files">
          {naive.map((source) => (
            <li key={source.id}>
              <ZoneEditor
                label={source.path}
                current={fileZone.get(source.path) ?? null}
                fallback={settings.folderZone === null ? 'folder setting: read as UTC' : `folder setting: ${naiveReadingNote(settings.folderZone)}`}
                applied={source.naiveTimes === null ? null : naiveReadingNote(source.naiveTimes.zone)}
                listId={listId}
                busy={set.busy}
                onSave={(zone) => save({ sourceId: source.id, zone })}
              />
            </li>
          ))}
        </ul>
      )}
      {sources.value?.nextCursor !== null && sources.value !== undefined && <p className="muted">Only the files among the first {FILE_LIMIT} are listed.</p>}
      {set.error !== null && (
        <p className="notice notice-warn" role="status">
          The time zone was not changed: {set.error.message}
        </p>
      )}
    </Panel>
  );
}

/** One zone setting: what is in force, a name field (checked before it is sent), Set and Clear. */
function ZoneEditor(props: {
  readonly label: string;
  readonly current: string | null;
  readonly fallback: string;
  readonly applied?: string | null;
  readonly listId: string;
  readonly busy: boolean;
  readonly onSave: (zone: string | null) => void;
}) {
  const [text, setText] = useState(props.current ?? '');
  const inputId = useId();
  const trimmed = text.trim();
  const valid = trimmed !== '' && isTimeZoneName(trimmed);
  return (
    <form
      className="zone-editor"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) props.onSave(trimmed);
      }}
    >
      <label htmlFor={inputId}>
        <code>{props.label}</code>
      </label>
      <span className="zone-current">{props.current === null ? props.fallback : naiveReadingNote(props.current)}</span>
      {props.applied !== undefined && props.applied !== null && <span className="muted zone-applied">now {props.applied}</span>}
      <input
        id={inputId}
        type="text"
        list={props.listId}
        placeholder="e.g. Asia/Kolkata"
        spellCheck={false}
        autoComplete="off"
        value={text}
        aria-invalid={trimmed !== '' && !valid}
        aria-label={`Time zone for ${props.label}`}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" disabled={!valid || props.busy || trimmed === props.current}>
        Set zone
      </button>
      <button type="button" disabled={props.current === null || props.busy} onClick={() => (setText(''), props.onSave(null))}>
        Clear
      </button>
      {trimmed !== '' && !valid && (
        <span className="text-warn" role="status">
          not a known IANA time zone name
        </span>
      )}
    </form>
  );
}
