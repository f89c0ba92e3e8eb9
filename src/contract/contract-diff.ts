import { ModeledOperation } from './contract-operations';
import { simulateOn } from './contract-rows';
import { Outcome, outcomeLines } from './contract-text';
import type { ContractChange, ContractOperation } from './response-contract';
import { BackendResult } from '../simulator/types';

/** A contract's two faces: the operations' models, and the rows written from them (same order). */
export interface ComparedContract {
  readonly modeled: readonly ModeledOperation[];
  readonly operations: readonly ContractOperation[];
}

const OPERATION = '(operation)';

function keyOf(operation: { readonly stack?: string; readonly name: string }): string {
  return operation.stack === undefined ? operation.name : `${operation.stack}: ${operation.name}`;
}

function indexed(contract: ComparedContract): Map<string, { modeled: ModeledOperation; operation: ContractOperation }> {
  return new Map(contract.modeled.map((modeled, i) => [keyOf(modeled), { modeled, operation: contract.operations[i] }]));
}

/**
 * The behaviour changes from `before` to `after`. An operation's backend answers are those of the
 * rows of either side; each is simulated on both sides and reported when the client's answers differ.
 * Operations match by stack and name, so logical IDs and resource order play no part.
 */
export function compareContracts(before: ComparedContract, after: ComparedContract): ContractChange[] {
  const old = indexed(before);
  const now = indexed(after);
  const keys = [...new Set([...old.keys(), ...now.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const changes: ContractChange[] = [];
  for (const key of keys) {
    const was = old.get(key);
    const is = now.get(key);
    if (was === undefined || is === undefined) {
      changes.push(...wholeOperation(key, (was ?? is)!.operation, was === undefined ? 'after' : 'before'));
      continue;
    }
    if (was.operation.note !== is.operation.note) {
      changes.push({ operation: key, backend: OPERATION, before: was.operation.note ?? '(no note)', after: is.operation.note ?? '(no note)' });
    }
    for (const [backend, input] of backendAnswers(was.operation, is.operation)) {
      const from = simulateOn(was.modeled, input);
      const to = simulateOn(is.modeled, input);
      if (sameOutcome(from, to)) continue;
      changes.push({ operation: key, backend, before: outcomeLines(from).join('\n'), after: outcomeLines(to).join('\n') });
    }
  }
  return changes;
}

/**
 * Whether two outcomes are the same behaviour for clients: the same status code, headers (in any
 * order), body and note. Which response gave the answer is not compared: a rewritten pattern that
 * still selects an answer alike changes nothing a client sees.
 */
function sameOutcome(a: Outcome, b: Outcome): boolean {
  const canonical = (o: Outcome) => JSON.stringify([o.note, o.client?.statusCode, o.client?.body, o.client?.isBase64Encoded,
    Object.entries(o.client?.headers ?? {}).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))]);
  return canonical(a) === canonical(b);
}

/** An operation only one side has: every row of it is added (or removed). */
function wholeOperation(key: string, operation: ContractOperation, side: 'before' | 'after'): ContractChange[] {
  const entries = operation.rows.length === 0
    ? [{ backend: OPERATION, text: operation.note ?? '(no rows)' }]
    : operation.rows.map(row => ({ backend: row.backend, text: outcomeLines(row).join('\n') }));
  return entries.map(({ backend, text }) => ({ operation: key, backend, [side]: text }));
}

/** The backend answers of both sides' rows, each once, the old side's first. */
function backendAnswers(was: ContractOperation, is: ContractOperation): Array<[string, BackendResult]> {
  const seen = new Map<string, [string, BackendResult]>();
  for (const row of [...was.rows, ...is.rows]) {
    if (row.input === undefined) continue;
    const key = JSON.stringify(row.input);
    if (!seen.has(key)) seen.set(key, [row.backend, row.input]);
  }
  return [...seen.values()];
}
