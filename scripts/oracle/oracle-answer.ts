import { execFileSync } from 'child_process';
import * as path from 'path';
import { OracleCase } from './cases';
import { Answer, caseContext } from './simulator-answer';

const ORACLE_DIR = path.join(__dirname, '..', '..', 'oracle');

/** Builds the Velocity 1.7 harness (installing its Debian packages when missing); returns its class path. */
export function buildOracle(): string {
  const out = execFileSync(path.join(ORACLE_DIR, 'build.sh'), { stdio: ['ignore', 'pipe', 'inherit'] }).toString().trim().split('\n');
  return out[out.length - 1];
}

/** Apache Velocity 1.7's answers for `cases`, from one JVM. */
export function oracleAnswers(classPath: string, cases: readonly OracleCase[]): Answer[] {
  const request = JSON.stringify(cases.map(c => ({ ...c, context: caseContext(c) })));
  const out = execFileSync('java', ['-Xss16m', '-cp', classPath, 'VtlOracle'], { input: request, maxBuffer: 1024 * 1024 * 1024 });
  return JSON.parse(out.toString('utf8')) as Answer[];
}
