import { OTLP_SPAN_KINDS, type OtlpSpan } from './otlp';

/** What an AI span says it did, read from the GenAI semantic conventions and OpenInference. */
export interface AiSpanFacts {
  /** A readable name of the operation ("Chat", "Tool call", "LLM"); null for a span that says none. */
  readonly operation: string | null;
  readonly model: string | null;
  readonly tool: string | null;
  readonly agent: string | null;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
}

/** gen_ai.operation.name values (GenAI semantic conventions) as a reviewer reads them. */
const GEN_AI_OPERATIONS: Readonly<Record<string, string>> = {
  chat: 'Chat',
  text_completion: 'Completion',
  generate_content: 'Generate',
  embeddings: 'Embeddings',
  execute_tool: 'Tool call',
  invoke_agent: 'Agent',
  create_agent: 'Create agent',
};

/** openinference.span.kind values as a reviewer reads them. */
const OPENINFERENCE_KINDS: Readonly<Record<string, string>> = {
  LLM: 'LLM',
  CHAIN: 'Chain',
  TOOL: 'Tool call',
  AGENT: 'Agent',
  RETRIEVER: 'Retriever',
  EMBEDDING: 'Embeddings',
  RERANKER: 'Reranker',
  GUARDRAIL: 'Guardrail',
  EVALUATOR: 'Evaluator',
};

type Attributes = OtlpSpan['attributes'];

function text(attributes: Attributes, ...keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = attributes.find((attribute) => attribute.key === key)?.value;
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}

function count(attributes: Attributes, ...keys: readonly string[]): number | null {
  for (const key of keys) {
    const value = attributes.find((attribute) => attribute.key === key)?.value;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  }
  return null;
}

/**
 * The AI facts of a span: GenAI attributes first (`gen_ai.*`), OpenInference's
 * (`openinference.span.kind`, `llm.*`, `tool.name`) where those are absent. An
 * unknown operation keeps its written value, so nothing is hidden behind a label.
 */
export function aiSpanFacts(attributes: Attributes): AiSpanFacts {
  const genAi = text(attributes, 'gen_ai.operation.name');
  const openInference = text(attributes, 'openinference.span.kind');
  const operation = genAi !== null ? (GEN_AI_OPERATIONS[genAi] ?? genAi) : openInference !== null ? (OPENINFERENCE_KINDS[openInference.toUpperCase()] ?? openInference) : null;
  return {
    operation,
    model: text(attributes, 'gen_ai.request.model', 'gen_ai.response.model', 'llm.model_name', 'embedding.model_name'),
    tool: text(attributes, 'gen_ai.tool.name', 'tool.name'),
    agent: text(attributes, 'gen_ai.agent.name', 'agent.name'),
    inputTokens: count(attributes, 'gen_ai.usage.input_tokens', 'gen_ai.usage.prompt_tokens', 'llm.token_count.prompt'),
    outputTokens: count(attributes, 'gen_ai.usage.output_tokens', 'gen_ai.usage.completion_tokens', 'llm.token_count.completion'),
  };
}

/**
 * A span's label for the waterfall and the span tree: what an AI span did
 * ("Chat gpt-4o", "Tool call get_weather") with its tokens, else its name.
 */
export function spanLabel(span: Pick<OtlpSpan, 'name' | 'attributes'>): string {
  const ai = aiSpanFacts(span.attributes);
  const name = span.name === '' ? '(unnamed span)' : span.name;
  if (ai.operation === null) return name;
  const subject = ai.tool ?? ai.agent ?? ai.model;
  const tokens = ai.inputTokens !== null || ai.outputTokens !== null ? ` (${ai.inputTokens ?? '?'} in, ${ai.outputTokens ?? '?'} out tokens)` : '';
  return `${ai.operation}${subject !== null ? ` ${subject}` : ''}${tokens}`;
}

/** The span kind's name ("server", "client"…) or "unknown kind" for a number trace.proto does not define. */
export function spanKindName(kind: number | null): string {
  return kind === null ? 'unknown kind' : (OTLP_SPAN_KINDS[kind] ?? 'unknown kind');
}
