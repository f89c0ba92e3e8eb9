import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  HttpSimulator, IntegrationResponseErrors, ResponseContract, RestSimulator, SimulatedResponse, SimulationInput, TemplateChecker, WebSocketSimulator,
} from '../../src';
import { runCli } from '../../src/cli';

/** What one call of a front end did. */
export type Outcome = 'answer' | 'documented-error';

/** A property the robustness suite asks of every front end, broken. */
export interface Violation {
  readonly target: string;
  readonly problem: string;
}

/** How many calls of each front end answered, refused with the library's error, or broke a property. */
export interface Counts {
  [target: string]: { 'answer': number; 'documented-error': number; 'millis': number };
}

const SEVERITIES = new Set(['error', 'warning', 'info']);

/**
 * Runs the front ends on one case and checks the oracle properties: nothing throws but the
 * library's documented error type, findings and simulated answers are well formed, and no call
 * takes `maxMillis` of CPU time or more (CPU time: waiting for a core on a busy machine is not work).
 */
export class Oracle {
  public readonly counts: Counts = {};
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'robustness-'));

  constructor(private readonly maxMillis: number) {}

  /** The violations of one case: a template, a backend answer, and whether to run the CLI too. */
  public check(template: Record<string, unknown>, input: SimulationInput, viaCli: boolean): Violation[] {
    const violations: Violation[] = [];
    const call = <T>(target: string, run: () => T, wellFormed: (value: T) => string | undefined): void => {
      const started = process.cpuUsage();
      let outcome: Outcome = 'answer';
      try {
        const problem = wellFormed(run());
        if (problem !== undefined) violations.push({ target, problem });
      } catch (e) {
        if (IntegrationResponseErrors.isIntegrationResponseError(e)) outcome = 'documented-error';
        else violations.push({ target, problem: `internal error: ${e instanceof Error ? `${e.name}: ${e.message.slice(0, 300)}` : String(e)}` });
      }
      const used = process.cpuUsage(started);
      const millis = (used.user + used.system) / 1000;
      if (millis >= this.maxMillis) violations.push({ target, problem: `took ${Math.round(millis)} ms of CPU time` });
      const count = this.counts[target] ??= { 'answer': 0, 'documented-error': 0, 'millis': 0 };
      count[outcome]++;
      count.millis += millis;
    };

    call('TemplateChecker.check', () => TemplateChecker.check(template), findings => {
      if (!Array.isArray(findings)) return 'findings are not a list';
      const bad = findings.find(f => typeof f.ruleId !== 'string' || !SEVERITIES.has(f.severity) || typeof f.message !== 'string'
        || f.message === '' || typeof f.resource !== 'string' || (f.path !== undefined && typeof f.path !== 'string'));
      return bad === undefined ? undefined : `malformed finding ${JSON.stringify(bad).slice(0, 300)}`;
    });

    call('ResponseContract', () => ResponseContract.fromTemplate(template), contract => {
      const text = contract.toText();
      if (typeof text !== 'string' || text === '') return 'the contract has no text';
      // The same template is the same behaviour: a contract compared with itself has no change.
      const changes = ResponseContract.compare(contract, ResponseContract.fromTemplate(template));
      return changes.length === 0 ? undefined : `a contract differs from itself: ${JSON.stringify(changes[0]).slice(0, 300)}`;
    });

    const resources = Object.entries((template.Resources ?? {}) as Record<string, { Type?: unknown } | null>);
    const method = resources.find(([, r]) => r?.Type === 'AWS::ApiGateway::Method')?.[0];
    const integration = resources.find(([, r]) => r?.Type === 'AWS::ApiGatewayV2::Integration')?.[0];
    if (method !== undefined) call('RestSimulator', () => RestSimulator.fromTemplate(template, method).simulate(input), malformedAnswer);
    if (integration !== undefined) {
      call('WebSocketSimulator', () => WebSocketSimulator.fromTemplate(template, integration).simulate(input), malformedAnswer);
      call('HttpSimulator', () => HttpSimulator.fromTemplate(template, integration).simulate(input), malformedAnswer);
    }

    if (viaCli) {
      const file = path.join(this.dir, 'template.json');
      fs.writeFileSync(file, serialized(template));
      call('cli check', () => this.cli(['check', '--format', 'json', file]), ({ code, err }) => code === 2 && !err.startsWith('cdk-integration-responses: ')
        ? `exit 2 without a clear message: ${err}` : cliProblem(code, err));
      call('cli contract', () => this.cli(['contract', file]), ({ code, err }) => cliProblem(code, err));
      const resource = method ?? integration;
      if (resource !== undefined) {
        const backend = path.join(this.dir, 'backend.json');
        fs.writeFileSync(backend, JSON.stringify(backendFile(input)));
        call('cli simulate', () => this.cli(['simulate', '--template', file, '--resource', resource, '--backend', backend]), ({ code, err, out }) => {
          // The command prints isBase64Encoded only when it is true.
          if (code === 0) return malformedAnswer({ isBase64Encoded: false, ...JSON.parse(out) } as SimulatedResponse);
          return cliProblem(code, err);
        });
      }
    }
    return violations;
  }

  /** Removes the scratch files. */
  public close(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private cli(args: string[]): { code: number; out: string; err: string } {
    const out: string[] = [];
    const err: string[] = [];
    const code = runCli(args, { out: t => out.push(t), err: t => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
}

/** The template as a file; one nested past what JSON.stringify writes becomes a file the CLI must refuse. */
function serialized(template: unknown): string {
  try {
    return JSON.stringify(template);
  } catch (e) {
    if (e instanceof RangeError) return `{"Resources": {"A": ${'['.repeat(20_000)}${']'.repeat(20_000)}}}`;
    throw e;
  }
}

function cliProblem(code: number, err: string): string | undefined {
  if (![0, 1, 2].includes(code)) return `exit code ${code}`;
  if (err.includes('internal error')) return err.slice(0, 400);
  return undefined;
}

/** Status 100–599 (an integer), headers of strings, a string body, a boolean isBase64Encoded. */
export function malformedAnswer(answer: SimulatedResponse): string | undefined {
  if (!Number.isInteger(answer.statusCode) || answer.statusCode < 100 || answer.statusCode > 599) return `status ${answer.statusCode}`;
  if (answer.headers === null || typeof answer.headers !== 'object') return 'headers are not an object';
  const badHeader = Object.entries(answer.headers).find(([, v]) => typeof v !== 'string');
  if (badHeader) return `header ${badHeader[0]} is ${typeof badHeader[1]}`;
  if (typeof answer.body !== 'string') return `body is ${typeof answer.body}`;
  if (typeof answer.isBase64Encoded !== 'boolean') return 'isBase64Encoded is not a boolean';
  return undefined;
}

/** The simulate command's backend file for an input (the CLI's own format). */
function backendFile(input: SimulationInput): Record<string, unknown> {
  const { backend, request } = input;
  return {
    ...backend.statusCode !== undefined ? { statusCode: backend.statusCode } : {},
    ...backend.headers || backend.multiValueHeaders ? { headers: { ...backend.headers, ...backend.multiValueHeaders } } : {},
    ...backend.body !== undefined ? { body: backend.body } : {},
    ...backend.isBase64Encoded !== undefined ? { isBase64Encoded: backend.isBase64Encoded } : {},
    ...backend.errorMessage !== undefined ? { errorMessage: backend.errorMessage } : {},
    ...backend.errorType !== undefined ? { errorType: backend.errorType } : {},
    ...request ? { request: { accept: request.accept, params: request.parameters } } : {},
    ...input.stageVariables ? { stageVariables: input.stageVariables } : {},
    ...input.context ? { context: input.context } : {},
  };
}
