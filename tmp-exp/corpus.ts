import * as fs from 'fs';
import * as path from 'path';
import { TemplateChecker } from '../src/checks/template-checker';
import { readTemplates } from '../src/checks/template-reader';
const root = 'test/fixtures/public';
for (const dir of fs.readdirSync(root).filter(d => fs.statSync(path.join(root, d)).isDirectory()).sort()) {
  for (const f of fs.readdirSync(path.join(root, dir)).sort()) {
    const file = path.join(root, dir, f);
    try {
      const [{ template }] = readTemplates(file);
      for (const x of TemplateChecker.check(template)) console.log(`${dir}/${f}\t${x.severity}\t${x.ruleId}\t${x.resource}\t${x.path ?? ''}`);
    } catch (e) { console.log(`${dir}/${f}\tUNREADABLE\t${(e as Error).message.slice(0, 120)}`); }
  }
}
