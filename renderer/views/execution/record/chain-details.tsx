import type { ReactNode } from 'react';
import { Badge } from '../../../components/badge';
import { ErrorState } from '../../../components/error-state';
import { KeyValueList } from '../../../components/key-value-list';
import { LoadingState } from '../../../components/loading-state';
import { Panel } from '../../../components/panel';
import { formatBytes } from '../../../format/numbers';
import { useApi } from '../../../hooks/use-api';
import { BrokenStepLink } from './broken-step-link';

const CHAIN_TONE = { intact: 'ok', broken: 'bad', absent: 'warn' } as const;

/** A chain verdict in words: `absent` reads as "not present", never as broken. */
function chainWord(chain: 'intact' | 'broken' | 'absent'): string {
  return chain === 'absent' ? 'not present' : chain;
}

/** The chain verdict in full: each source's chain, where and why it broke, execution_hash, and the files' SHA-256 as read now. */
export function ChainDetails({ id }: { readonly id: string }) {
  const verification = useApi('verifyExecution', { id });
  return (
    <Panel title="Tamper evidence (hash chain)">
      {verification.value === undefined ? (
        verification.error !== null ? (
          <ErrorState error={verification.error} onRetry={verification.reload} />
        ) : (
          <LoadingState label="Verifying the chain…" />
        )
      ) : (
        <>
          <KeyValueList
            className="kv-hashes"
            items={[
              ['Verdict', <Badge key="v" tone={CHAIN_TONE[verification.value.chain]}>{chainWord(verification.value.chain)}</Badge>],
              ['What was checked', verification.value.statement],
              ['Observer stream chain', verification.value.stream === null ? 'no stream' : `${chainWord(verification.value.stream.chain)} (${verification.value.stream.length} step events)`],
              [
                'Record document chain',
                verification.value.document === null
                  ? 'no document'
                  : `${chainWord(verification.value.document.chain)} (${verification.value.document.length} step events${verification.value.document.rule === undefined ? '' : `, rule ${verification.value.document.rule}`})`,
              ],
              ...(verification.value.chain === 'broken'
                ? ([
                    [
                      'Broken at',
                      verification.value.brokenAt === null || verification.value.brokenIn === null ? '—' : <BrokenStepLink key="b" via={verification.value.brokenIn} position={verification.value.brokenAt} />,
                    ],
                    ['Reason', verification.value.reason ?? '—'],
                    ['Expected', verification.value.expected ?? 'null'],
                    ['Computed', verification.value.computed ?? 'null'],
                  ] as [string, ReactNode][])
                : []),
              ['execution_hash', `${verification.value.executionHash}${verification.value.executionHashRule === null ? '' : ` (rule ${verification.value.executionHashRule})`}`],
              ...(verification.value.executionHashCovers.length > 0
                ? ([
                    ['execution_hash covers', verification.value.executionHashCovers.join(', ')],
                    ['Not covered by any hash', verification.value.executionHashNotCovered.join(', ')],
                  ] as [string, string][])
                : []),
              ...(verification.value.executionHash === 'mismatch'
                ? ([
                    ['execution_hash written', verification.value.executionHashExpected ?? 'null'],
                    ['execution_hash computed', verification.value.executionHashComputed ?? 'null'],
                  ] as [string, string][])
                : []),
            ]}
          />
          {(verification.value.document?.recomputed ?? []).length > 0 && (
            <details className="recomputed-chain">
              <summary>Step chain recomputed by the producer&apos;s rule (not stored in the record; compare with another copy)</summary>
              <ol start={0} className="mono hash">
                {(verification.value.document?.recomputed ?? []).map((hash, position) => (
                  <li key={position}>{hash}</li>
                ))}
              </ol>
            </details>
          )}
          {verification.value.sources.length > 0 && (
            <table className="table compact">
              <caption>Files read, with their SHA-256 now (to re-check by hand)</caption>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">SHA-256</th>
                  <th scope="col" className="num">
                    Size
                  </th>
                </tr>
              </thead>
              <tbody>
                {verification.value.sources.map((source) => (
                  <tr key={source.path}>
                    <td className="mono">{source.path}</td>
                    <td className="mono hash">{source.sha256 ?? source.error ?? '—'}</td>
                    <td className="num">{formatBytes(source.size)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Panel>
  );
}
