import { ModeledOperation } from './contract-operations';
import type { ContractAnswer, ContractRow } from './response-contract';
import { CompiledPattern } from '../grammar/java-pattern';
import { MatchTarget } from '../grammar/match-target';
import { inputsSelectingEach, Witness } from '../grammar/pattern-witness';
import { restSelection, simulateRest } from '../simulator/rest-simulation';
import { resultToMatch } from '../simulator/simulation-context';
import { SimulationError } from '../simulator/simulation-error';
import { BackendResult } from '../simulator/types';
import { webSocketSelection, simulateWebSocket } from '../simulator/websocket-simulation';

/** The backend body of a success when none is given: documented in docs/contract.md. */
export const DEFAULT_SAMPLE_BODY = '{"message": "a sample backend body"}';

/** Status codes tried first for a response's pattern: the ones APIs answer with most. */
const COMMON_CODES = ['200', '201', '204', '400', '401', '403', '404', '409', '422', '429', '500', '502', '503', '504'];
/** Status codes tried first for the one no pattern matches: the failures a backend has most. */
const FORGOTTEN_CODES = ['500', '502', '503', '504', '400', '404', '403', '401', '429'];

/** One response of a model, as the rows see it. */
interface ResponseView {
  readonly label: string;
  readonly pattern?: CompiledPattern;
}

/** A backend answer a row is about, with the words that describe it. */
export interface RowInput {
  readonly backend: string;
  readonly input: BackendResult;
}

function views(operation: ModeledOperation): ResponseView[] {
  if (operation.model === undefined) return [];
  return operation.protocol === 'rest'
    ? operation.model.responses.map(r => ({ label: r.source === undefined ? `${r.statusCode} (default)` : `${r.statusCode} (pattern ${r.source})`, pattern: r.pattern }))
    : operation.model.responses.map(r => ({ label: r.key, pattern: r.pattern }));
}

/** What API Gateway selects when no response fits. */
function noResponseLabel(operation: ModeledOperation): string {
  return operation.protocol === 'rest'
    ? 'no integration response (API Gateway answers 500)'
    : 'no integration response';
}

const WEBSOCKET_NO_MATCH = 'API Gateway fails the call: "No match for output mapping and no default output mapping configured" (see ws-no-default-key in docs/rules.md)';

/**
 * The rows of an operation: for each response a backend answer that selects it (or why there is
 * none), the success at the default response's place, and then an error (or status code) that no
 * pattern matches.
 */
export function operationRows(operation: ModeledOperation, sampleBody: string): ContractRow[] {
  if (operation.model === undefined) return [];
  const target = operation.model.target;
  const responses = views(operation);
  const rows: ContractRow[] = [];
  const patterns = responses.map(r => r.pattern).filter((p): p is CompiledPattern => p !== undefined);
  const mockCodes = operation.mockCodes ?? [];
  const witnesses = inputsSelectingEach(patterns, target, [...mockCodes, ...COMMON_CODES], FORGOTTEN_CODES);
  let patternIndex = 0;
  let successShown = false;
  for (const response of responses) {
    if (response.pattern === undefined) {
      if (!successShown) {
        rows.push(...successRows(operation, sampleBody));
        successShown = true;
      } else {
        rows.push({ backend: 'none', response: response.label, note: 'unreachable: an earlier response is the default already' });
      }
      continue;
    }
    rows.push(witnessRow(operation, response.label, witnesses.each[patternIndex++], target, sampleBody,
      'unreachable: every backend answer its pattern matches is taken by an earlier response'));
  }
  // Without a default, the success may be a pattern's answer already (`status 200` for `2\d\d`).
  if (!successShown) rows.push(...successRows(operation, sampleBody).filter(row => !rows.some(r => sameInput(r, row))));
  // A mock answers with its own codes only: those rows are the successes.
  if (operation.mockCodes !== undefined) return rows;
  const unmatched = witnesses.unmatched;
  if (unmatched.kind === 'found') {
    rows.push(simulatedRow(operation, failureInput(target, unmatched.input, sampleBody, ', which no pattern matches')));
  } else {
    rows.push({
      backend: target === 'lambda' ? 'a Lambda error no pattern matches' : 'a status code no pattern matches',
      note: unmatched.kind === 'none' ? 'none: every one matches a pattern' : 'none found (not proven that there is none)',
    });
  }
  return rows;
}

function sameInput(a: ContractRow, b: ContractRow): boolean {
  return a.input !== undefined && b.input !== undefined && JSON.stringify(a.input) === JSON.stringify(b.input);
}

function witnessRow(operation: ModeledOperation, label: string, witness: Witness, target: MatchTarget, sampleBody: string,
  unreachable: string): ContractRow {
  if (witness.kind === 'found') return simulatedRow(operation, failureInput(target, witness.input, sampleBody, ''));
  return {
    backend: 'none',
    response: label,
    note: witness.kind === 'none' ? unreachable : 'no backend answer was found that selects it (not proven unreachable)',
  };
}

/** The success: a Lambda result or status 200, or each code a MOCK integration answers with. */
function successRows(operation: ModeledOperation, sampleBody: string): ContractRow[] {
  const target = operation.model!.target;
  if (operation.mockCodes === undefined) return [simulatedRow(operation, successInput(target, sampleBody))];
  return operation.mockCodes.map(code => simulatedRow(operation, failureInput(target, code, sampleBody, ' (the mock\'s answer)')));
}

function successInput(target: MatchTarget, sampleBody: string): RowInput {
  return target === 'lambda'
    ? { backend: 'Lambda success', input: { body: sampleBody } }
    : { backend: 'success (status 200)', input: { statusCode: 200, body: sampleBody } };
}

function failureInput(target: MatchTarget, selectionInput: string, sampleBody: string, suffix: string): RowInput {
  return target === 'lambda'
    ? { backend: `Lambda error ${JSON.stringify(selectionInput)}${suffix}`, input: { errorMessage: selectionInput } }
    : { backend: `status ${selectionInput}${suffix}`, input: { statusCode: Number(selectionInput), body: sampleBody } };
}

/** A row for a backend answer: the response API Gateway selects for it and what the client receives. */
export function simulatedRow(operation: ModeledOperation, row: RowInput): ContractRow {
  const outcome = simulateOn(operation, row.input);
  return { backend: row.backend, input: row.input, ...outcome };
}

/** The response selected for `input` and the client's answer, or why it cannot be simulated. */
export function simulateOn(operation: ModeledOperation, input: BackendResult): { response?: string; client?: ContractAnswer; note?: string } {
  if (operation.model === undefined) return { note: operation.note };
  try {
    const { selectionInput } = resultToMatch(operation.model.target, input);
    const index = operation.protocol === 'rest' ? restSelection(operation.model, selectionInput) : webSocketSelection(operation.model, selectionInput);
    const response = index < 0 ? noResponseLabel(operation) : views(operation)[index].label;
    if (operation.protocol === 'rest') {
      const answer = simulateRest(operation.model, { backend: input });
      const { statusCode, headers, body, isBase64Encoded } = answer;
      return { response, client: { statusCode, headers, body, isBase64Encoded } };
    }
    // The simulator passes the body on here (docs/simulator.md); what API Gateway does is documented.
    if (index < 0) return { response, note: WEBSOCKET_NO_MATCH };
    const answer = simulateWebSocket(operation.model, { backend: input });
    return { response, client: { headers: {}, body: answer.body, isBase64Encoded: answer.isBase64Encoded } };
  } catch (e) {
    if (e instanceof SimulationError) return { note: `cannot be simulated: ${e.message}` };
    throw e;
  }
}
