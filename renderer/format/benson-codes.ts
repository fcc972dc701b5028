/** The Benson schema validation error codes of formats.md 2, with what each means. */
export const GS_CODES: Readonly<Record<string, string>> = {
  GS_130: 'AgentExecutionResult schema violation',
  GS_131: 'Forbidden WRAP field present',
  GS_132: 'Self-closure attempt',
  GS_133: 'Authority violation',
};

/** The four PAC checkpoints, in order, with their names. */
export const PAC_CHECKPOINTS: readonly { readonly id: string; readonly name: string }[] = [
  { id: 'CP-01', name: 'AGENT_ACTIVATION_VALIDATION' },
  { id: 'CP-02', name: 'SCOPE_COMPLIANCE_VALIDATION' },
  { id: 'CP-03', name: 'QUALITY_SCORE_VALIDATION' },
  { id: 'CP-04', name: 'TASK_COMPLETION_VALIDATION' },
];

/**
 * Codes ChainBridge is seen to emit beyond formats.md (producers.md), by the
 * group it names; their individual meanings are not published, so none is invented.
 */
const CHAINBRIDGE_CODE_GROUPS: readonly { readonly codes: readonly number[]; readonly group: string }[] = [
  { codes: [117, 118, 121, 124], group: 'ChainBridge governance gate code (meaning not published)' },
  { codes: [160, 161, 162], group: 'ChainBridge dispatch gate code (meaning not published)' },
  { codes: [170, 171, 172, 173, 174, 180, 181, 182, 183], group: 'ChainBridge governance gate code (meaning not published)' },
];

/** What a GS code means, or which ChainBridge group it belongs to; null for an unknown code (shown as is, not a problem). */
export function explainGsCode(code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  const known = GS_CODES[code];
  if (known !== undefined) return known;
  const number = /^GS_(\d+)$/.exec(code)?.[1];
  return number === undefined ? null : (CHAINBRIDGE_CODE_GROUPS.find((entry) => entry.codes.includes(Number(number)))?.group ?? null);
}
