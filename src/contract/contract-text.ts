import type { ContractAnswer, ContractChange, ContractOperation } from './response-contract';

/** What a row (or a simulated backend answer) comes to: the response selected and the client's answer, or a note. */
export interface Outcome {
  readonly response?: string;
  readonly client?: ContractAnswer;
  readonly note?: string;
}

/**
 * The lines of an outcome: `selects <response>`, then the status code, each header (sorted by name)
 * and the body, or the note. Two outcomes are the same behaviour exactly when their lines are.
 */
export function outcomeLines(outcome: Outcome): string[] {
  const lines: string[] = [];
  if (outcome.response !== undefined) lines.push(`selects ${outcome.response}`);
  const client = outcome.client;
  if (client !== undefined) {
    if (client.statusCode !== undefined) lines.push(`status  ${client.statusCode}`);
    for (const name of Object.keys(client.headers).sort()) lines.push(`header  ${name}: ${client.headers[name]}`);
    const body = client.body === '' ? '(empty)' : client.body.trim() === '' ? '(white space only)' : client.isBase64Encoded ? `(base64) ${client.body}` : client.body;
    // Trailing blanks and line breaks are cut for the reader; changes are found on the answers themselves.
    body.replace(/\s+$/, '').split(/\r?\n/).forEach((line, i) => lines.push((i === 0 ? `body    ${line}` : `        ${line}`).trimEnd()));
  }
  if (outcome.note !== undefined) lines.push(outcome.note);
  return lines;
}

function operationHeading(operation: ContractOperation): string {
  return operation.stack === undefined ? operation.name : `${operation.stack}: ${operation.name}`;
}

/** The contract's text: a block per operation, an entry per row, blank lines between blocks. */
export function formatContract(operations: readonly ContractOperation[]): string {
  if (operations.length === 0) return 'no REST methods or WebSocket integrations\n';
  return operations.map(operation => {
    const lines = [operationHeading(operation)];
    if (operation.note !== undefined) lines.push(`  note: ${operation.note}`);
    for (const row of operation.rows) {
      lines.push(`  ${row.backend}`, ...outcomeLines(row).map(line => `    ${line}`.trimEnd()));
    }
    return lines.join('\n') + '\n';
  }).join('\n');
}

/** The changes as text, grouped by operation; a line saying so when there are none. */
export function formatChanges(changes: readonly ContractChange[]): string {
  if (changes.length === 0) return 'no behaviour changes\n';
  const blocks: string[] = [];
  let current: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (current !== undefined) blocks.push(lines.join('\n') + '\n');
  };
  for (const change of changes) {
    if (change.operation !== current) {
      flush();
      current = change.operation;
      lines = [change.operation];
    }
    lines.push(`  ${change.backend}`);
    lines.push(...side('before', change.before), ...side('after', change.after));
  }
  flush();
  const count = `${changes.length} behaviour change${changes.length === 1 ? '' : 's'}\n`;
  return `${blocks.join('\n')}\n${count}`;
}

function side(label: 'before' | 'after', text: string | undefined): string[] {
  const head = `    ${label}:`.padEnd(12);
  const content = (text ?? '(none)').split('\n');
  return content.map((line, i) => ((i === 0 ? head : ' '.repeat(12)) + line).trimEnd());
}
