import { journalProblemText } from '../format/note-text';
import { useJournalApi } from '../hooks/use-journal-api';

/** Says, above every view, when the review journal does not verify: a broken journal is reported, never hidden. */
export function JournalBanner() {
  const journal = useJournalApi('getJournal', {});
  const text = journal.value === undefined ? null : journalProblemText(journal.value.verdict);
  if (text === null || journal.value === undefined) return null;
  return (
    <div className="notice notice-warn journal-banner" role="alert">
      <strong>Review journal {journal.value.verdict.state}.</strong> {text} <a href="#/notes">Notes</a> · <span className="mono small">{journal.value.file}</span>
    </div>
  );
}
