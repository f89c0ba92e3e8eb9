import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { OracleCase } from './cases';
import { Answer, caseContext } from './simulator-answer';

/** serverless-offline, the local emulator users would pick instead, pinned in scripts/oracle/peer/. */
const PEER_DIR = path.join(__dirname, 'peer');

/** Installs the peer from its lock file when it is not installed yet. */
export function installPeer(): void {
  if (fs.existsSync(path.join(PEER_DIR, 'node_modules', 'serverless-offline', 'package.json'))) return;
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: PEER_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** serverless-offline's answers for `cases` (its response-template rendering), from one Node.js process. */
export function peerAnswers(cases: readonly OracleCase[]): Answer[] {
  installPeer();
  const request = JSON.stringify(cases.map(c => ({ ...c, context: caseContext(c) })));
  const out = execFileSync(process.execPath, [path.join(PEER_DIR, 'render.mjs')], { input: request, maxBuffer: 1024 * 1024 * 1024 });
  return JSON.parse(out.toString('utf8')) as Answer[];
}
