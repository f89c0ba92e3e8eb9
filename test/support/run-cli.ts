// Runs the CLI from the TypeScript sources, as bin/cdk-integration-responses runs it from lib/.
import { runCli } from '../../src/cli';

process.exitCode = runCli(process.argv.slice(2));
