import { checkPaths, exitCodeOf, formatJson, formatText } from './checks/check-command';
import { InputError } from './checks/input-error';
import { contractOfPaths } from './contract/contract-command';
import { formatChanges } from './contract/contract-text';
import { ResponseContract } from './contract/response-contract';
import { formatSimulation, OperationName, simulateFromFiles } from './simulator/simulate-command';
import { SimulationError } from './simulator/simulation-error';

const USAGE = `usage: cdk-integration-responses check [--format text|json] <template-definition-or-cdk.out>...
       cdk-integration-responses simulate --template <file-or-cdk.out> --resource <logical-id> --backend <file.json>
       cdk-integration-responses simulate --template <definition> --operation '<METHOD> <path>' --backend <file.json>
       cdk-integration-responses contract [--format text|json] [--sample-body <text>] <template-definition-or-cdk.out>...
       cdk-integration-responses diff [--format text|json] [--sample-body <text>] <old> <new>

  check      run the rule table over CloudFormation templates (JSON or YAML), OpenAPI
             definitions to import into API Gateway (2.0 or 3.x), or cloud assembly
             directories (cdk.out, nested stacks included)
  simulate   print, as JSON, what a REST method (AWS::ApiGateway::Method) or a WebSocket or
             HTTP API integration (AWS::ApiGatewayV2::Integration) returns for the backend
             result in <file.json>: {"statusCode"?, "headers"?, "body"?, "errorMessage"?,
             "request"?: {"accept"?, "params"?}, "stageVariables"?, "context"?}; with
             --operation, an operation of an OpenAPI definition file, or of the inline
             definition of the REST API --resource (AWS::ApiGateway::RestApi Body)
  contract   print what every REST method and WebSocket route answers: for each integration
             response a backend answer that selects it, plus a success and an error (or status
             code) no pattern matches, with the client's status code, headers and body
  diff       print only the behaviour changes between two templates or cloud assemblies:
             backend answers whose client answer differs, operations added or removed

exit codes: check: 0 no error found, 1 at least one error; diff: 0 unchanged, 1 changed;
simulate, contract: 0; all: 2 usage error or unreadable input (check still checks the inputs
it can read)`;

/**
 * Where the CLI writes.
 */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

const PROCESS_OUTPUT: CliOutput = {
  out: text => process.stdout.write(`${text}\n`),
  err: text => process.stderr.write(`${text}\n`),
};

class UsageError extends Error {}

/**
 * Runs the CLI with `args` (without `node` and the script) and returns the exit code. Every failure
 * is reported as one line; nothing throws.
 */
export function runCli(args: readonly string[], output: CliOutput = PROCESS_OUTPUT): number {
  try {
    const [command, ...rest] = args;
    if (command === undefined) throw new UsageError("no command given (expected 'check', 'simulate', 'contract' or 'diff')");
    if (command === '--help' || command === '-h' || command === 'help') {
      output.out(USAGE);
      return 0;
    }
    if (command === 'check') return check(rest, output);
    if (command === 'simulate') return simulate(rest, output);
    if (command === 'contract') return contract(rest, output);
    if (command === 'diff') return diff(rest, output);
    throw new UsageError(`unknown command '${command}' (expected 'check', 'simulate', 'contract' or 'diff')`);
  } catch (e) {
    if (e instanceof UsageError) {
      output.err(`cdk-integration-responses: ${e.message}; run 'cdk-integration-responses --help'`);
    } else if (e instanceof InputError) {
      output.err(`cdk-integration-responses: ${e.message}`);
    } else if (e instanceof SimulationError) {
      output.err(`cdk-integration-responses: cannot simulate: ${e.message.split('\n')[0]}`);
    } else {
      output.err(`cdk-integration-responses: internal error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
    return 2;
  }
}

function check(args: readonly string[], output: CliOutput): number {
  let format = 'text';
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--format' || arg.startsWith('--format=')) {
      format = arg.includes('=') ? arg.slice('--format='.length) : args[++i] ?? '';
      if (format !== 'text' && format !== 'json') throw new UsageError(`--format takes 'text' or 'json', not '${format}'`);
    } else if (arg === '--help' || arg === '-h') {
      output.out(USAGE);
      return 0;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option '${arg}'`);
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) throw new UsageError('check needs at least one template file or cdk.out directory');
  const result = checkPaths(paths);
  for (const error of result.unreadable) output.err(`cdk-integration-responses: ${error.message}`);
  output.out(format === 'json' ? formatJson(result) : formatText(result));
  return exitCodeOf(result);
}

function simulate(args: readonly string[], output: CliOutput): number {
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') {
      output.out(USAGE);
      return 0;
    }
    const [name, inline] = arg.startsWith('--') ? arg.slice(2).split(/=(.*)/s) : [undefined, undefined];
    if (name === undefined || !['template', 'resource', 'backend', 'operation'].includes(name)) throw new UsageError(`unexpected argument '${arg}'`);
    const value = inline ?? (args[i + 1]?.startsWith('--') ? undefined : args[++i]);
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
    options[name] = value;
  }
  // An OpenAPI definition file names no resource: its operation is enough.
  const required = options.operation === undefined ? ['template', 'resource', 'backend'] : ['template', 'backend'];
  const missing = required.filter(name => options[name] === undefined);
  if (missing.length > 0) throw new UsageError(`simulate needs ${missing.map(m => `--${m}`).join(', ')}`);
  const operation = options.operation === undefined ? undefined : operationName(options.operation);
  output.out(formatSimulation(simulateFromFiles(options.template, options.resource, options.backend, operation)));
  return 0;
}

/** `GET /items/{id}` as a method and a path. */
function operationName(text: string): OperationName {
  const parts = /^\s*([A-Za-z]+)\s+(\/\S*)\s*$/.exec(text);
  if (parts === null) throw new UsageError(`--operation '${text}' is not an HTTP method and a path, such as 'GET /items/{id}'`);
  return { httpMethod: parts[1].toUpperCase(), path: parts[2] };
}

/** The options `contract` and `diff` share, and their paths. */
interface ContractArgs {
  readonly format: 'text' | 'json';
  readonly sampleBody?: string;
  readonly paths: string[];
  readonly help: boolean;
}

function contractArgs(args: readonly string[]): ContractArgs {
  let format: 'text' | 'json' = 'text';
  let sampleBody: string | undefined;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const inline = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : undefined;
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = inline ?? args[++i] ?? '';
      if (value !== 'text' && value !== 'json') throw new UsageError(`--format takes 'text' or 'json', not '${value}'`);
      format = value;
    } else if (arg === '--sample-body' || arg.startsWith('--sample-body=')) {
      sampleBody = inline ?? args[++i];
      if (sampleBody === undefined) throw new UsageError('--sample-body needs a value');
    } else if (arg === '--help' || arg === '-h') {
      return { format, paths, help: true };
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option '${arg}'`);
    } else {
      paths.push(arg);
    }
  }
  return { format, sampleBody, paths, help: false };
}

function contract(args: readonly string[], output: CliOutput): number {
  const parsed = contractArgs(args);
  if (parsed.help) {
    output.out(USAGE);
    return 0;
  }
  if (parsed.paths.length === 0) throw new UsageError('contract needs at least one template file or cdk.out directory');
  const result = contractOfPaths(parsed.paths, { sampleBody: parsed.sampleBody });
  output.out(parsed.format === 'json' ? JSON.stringify(result.toJson(), null, 2) : result.toText().trimEnd());
  return 0;
}

function diff(args: readonly string[], output: CliOutput): number {
  const parsed = contractArgs(args);
  if (parsed.help) {
    output.out(USAGE);
    return 0;
  }
  if (parsed.paths.length !== 2) throw new UsageError(`diff needs two inputs, the old and the new template or cdk.out, not ${parsed.paths.length}`);
  const [before, after] = parsed.paths.map(p => contractOfPaths([p], { sampleBody: parsed.sampleBody }));
  const changes = ResponseContract.compare(before, after);
  output.out(parsed.format === 'json' ? JSON.stringify({ changes }, null, 2) : formatChanges(changes).trimEnd());
  return changes.length === 0 ? 0 : 1;
}
