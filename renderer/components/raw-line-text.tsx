import type { z } from 'zod';
import type { lineSegmentSchema } from '../../shared/api/views';

type Segment = z.infer<typeof lineSegmentSchema>;

/**
 * A line's bytes as text: printable text as it is, every other byte as `\xNN`
 * in a marked span, so nothing in the line can hide, reorder or act. Rendered
 * as React text only, never HTML.
 */
export function RawLineText({ segments }: { readonly segments: readonly Segment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        'text' in segment ? (
          <span key={index}>{segment.text}</span>
        ) : (
          <span key={index} className="byte-escape" title={`${segment.bytes.length / 2} byte(s) that are not printable text`}>
            {segment.bytes.replace(/(..)/g, '\\x$1')}
          </span>
        ),
      )}
    </>
  );
}
