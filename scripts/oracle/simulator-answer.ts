import { OracleCase } from './cases';
import { contextVariable, templateVariables } from '../../src/simulator/simulation-context';
import { renderTemplate } from '../../src/simulator/vtl/sandbox';

/** What a renderer answers for a case: its output, or that it failed (and why, for the report). */
export interface Answer {
  readonly ok: boolean;
  readonly output?: string;
  readonly error?: string;
}

/** The `$context` a case renders against, as the simulator builds it (the oracle gets the same object). */
export function caseContext(c: OracleCase): Record<string, unknown> {
  return contextVariable({ backend: {}, stageVariables: c.stageVariables, request: { parameters: c.params } });
}

/** The simulator's answer: the template rendered by the simulator's VTL engine. */
export function simulatorAnswer(c: OracleCase): Answer {
  const input = { backend: {}, stageVariables: c.stageVariables, request: { parameters: c.params } };
  try {
    return { ok: true, output: renderTemplate(c.template, templateVariables(c.body, input, caseContext(c))) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Two answers agree when both render the same text, or both fail. */
export function agrees(a: Answer, b: Answer): boolean {
  return a.ok === b.ok && (!a.ok || a.output === b.output);
}
