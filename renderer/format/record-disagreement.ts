/**
 * What a record's observer stream and record document disagree on, from the
 * execution's problems, for its header; null where they agree or either is
 * missing. The spec has a disagreement shown, never resolved silently: the
 * header's status is the document's (the immutable record written after the
 * run), so the stream's word must be read beside it, not only in the problems.
 */
export function recordDisagreement(problems: readonly { readonly code: string; readonly message: string }[]): string | null {
  const found = problems.find((problem) => problem.code === 'record.stream_document_mismatch');
  return found === undefined ? null : `${found.message} The status shown is the record document's; the stream's is in its events below.`;
}
