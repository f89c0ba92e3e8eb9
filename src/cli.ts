import { checkPaths, exitCodeOf, formatJson, formatText } from './checks/check-command';
import { InputError } from './checks/template-reader';

const USAGE = `usage: cdk-integration-responses check [--format text|json] <template-or-cdk.out>...

  check    run the rule table over CloudFormation templates (JSON or YAML) or cloud
           assembly directories (cdk.out, nested stacks included)

exit codes: 0 no error found, 1 at least one error, 2 usage error or unreadable input`;

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
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      output.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === 'check') return check(rest, output);
    throw new UsageError(`unknown command '${command}' (expected 'check')`);
  } catch (e) {
    if (e instanceof UsageError) {
      output.err(`cdk-integration-responses: ${e.message}; run 'cdk-integration-responses --help'`);
    } else if (e instanceof InputError) {
      output.err(`cdk-integration-responses: ${e.message}`);
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
  output.out(format === 'json' ? formatJson(result) : formatText(result));
  return exitCodeOf(result);
}
