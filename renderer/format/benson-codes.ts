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

/** What a GS code means, or null for a code formats.md does not list. */
export function explainGsCode(code: string | null | undefined): string | null {
  return code === null || code === undefined ? null : (GS_CODES[code] ?? null);
}
