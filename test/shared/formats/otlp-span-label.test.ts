import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { aiSpanFacts, spanKindName, spanLabel } from '../../../shared/formats/otlp-span-label';

const attrs = (values: Readonly<Record<string, unknown>>) => Object.entries(values).map(([key, value]) => ({ key, value }));

describe('spanLabel', () => {
  it('names GenAI spans by what they did, with their model, tool or agent and their tokens', () => {
    assert.equal(spanLabel({ name: 'chat gpt-4o', attributes: attrs({ 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o', 'gen_ai.usage.input_tokens': 12, 'gen_ai.usage.output_tokens': '7' }) }), 'Chat gpt-4o (12 in, 7 out tokens)');
    assert.equal(spanLabel({ name: 'x', attributes: attrs({ 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'search', 'gen_ai.request.model': 'm' }) }), 'Tool call search');
    assert.equal(spanLabel({ name: 'x', attributes: attrs({ 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'planner' }) }), 'Agent planner');
    assert.equal(spanLabel({ name: 'x', attributes: attrs({ 'gen_ai.operation.name': 'embeddings', 'gen_ai.usage.input_tokens': 3 }) }), 'Embeddings (3 in, ? out tokens)');
    // An operation the conventions do not list keeps its written name.
    assert.equal(spanLabel({ name: 'x', attributes: attrs({ 'gen_ai.operation.name': 'rerank_docs' }) }), 'rerank_docs');
  });

  it('reads OpenInference span kinds and their model and token attributes where GenAI ones are absent', () => {
    assert.equal(spanLabel({ name: 'ChatOpenAI', attributes: attrs({ 'openinference.span.kind': 'LLM', 'llm.model_name': 'gpt-4', 'llm.token_count.prompt': 5, 'llm.token_count.completion': 9 }) }), 'LLM gpt-4 (5 in, 9 out tokens)');
    assert.equal(spanLabel({ name: 'retrieve', attributes: attrs({ 'openinference.span.kind': 'RETRIEVER' }) }), 'Retriever');
    assert.equal(spanLabel({ name: 'lookup', attributes: attrs({ 'openinference.span.kind': 'tool', 'tool.name': 'lookup_order' }) }), 'Tool call lookup_order');
  });

  it('names any other span by its name, an unnamed one as such', () => {
    assert.equal(spanLabel({ name: 'GET /health', attributes: attrs({ 'http.response.status_code': 200 }) }), 'GET /health');
    assert.equal(spanLabel({ name: '', attributes: [] }), '(unnamed span)');
    assert.deepEqual(aiSpanFacts(attrs({ 'gen_ai.request.model': 5, 'gen_ai.usage.input_tokens': 'many' })), { operation: null, model: null, tool: null, agent: null, inputTokens: null, outputTokens: null });
  });
});

describe('spanKindName', () => {
  it('names trace.proto span kinds and nothing else', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5].map(spanKindName), ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer']);
    assert.equal(spanKindName(9), 'unknown kind');
    assert.equal(spanKindName(null), 'unknown kind');
  });
});
