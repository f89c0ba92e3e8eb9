import * as fs from 'fs';
import * as path from 'path';
import { checkPaths } from '../src/checks/check-command';
const root = 'test/fixtures/public';
for (const dir of fs.readdirSync(root).filter(d => fs.statSync(path.join(root, d)).isDirectory()).sort()) {
  for (const f of fs.readdirSync(path.join(root, dir)).sort()) {
    const file = path.join(root, dir, f);
    const r = checkPaths([file]);
    const lines = r.findings.map(x => `${x.severity} ${x.ruleId} ${x.resource}${x.path ? ' ' + x.path : ''}`);
    if (lines.length) console.log(`  '${dir}/${f}': [\n${lines.map(l => `    '${l}',`).join('\n')}\n  ],`);
  }
}
