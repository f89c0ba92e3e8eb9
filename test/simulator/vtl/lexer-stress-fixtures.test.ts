import * as fs from 'fs';
import * as path from 'path';
import { RecordedStressCase } from '../../../scripts/oracle/lexer-stress';
import { agrees, simulatorAnswer } from '../../../scripts/oracle/simulator-answer';

/**
 * Replays the lexer-stress corpus (scripts/oracle/lexer-stress.ts) as Apache Velocity 1.7 answered
 * it, recorded by `npm run oracle`: the templates glued from the pieces where Velocity's lexer
 * leaves a state behind. Every case the simulator agreed on must still agree, and each template
 * Velocity renders but the simulator still refuses to parse is pinned: fixing one passes here,
 * refusing a new one fails.
 */
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'vtl-lexer-stress.json'), 'utf8')) as {
  seed: number;
  cases: RecordedStressCase[];
};

const refusedWhenRecorded = fixture.cases.filter(c => c.simulator !== undefined);

test('the fixture holds agreeing cases and the refused ones', () => {
  expect(fixture.cases.length - refusedWhenRecorded.length).toBeGreaterThanOrEqual(1000);
  expect(refusedWhenRecorded.every(c => c.oracle.ok && c.simulator!.ok === false)).toBe(true);
});

test('the simulator answers as Velocity does on every recorded case it agreed on', () => {
  const broken = fixture.cases.filter(c => c.simulator === undefined && !agrees(simulatorAnswer(c), c.oracle)).map(c => JSON.stringify(c.template));
  expect(broken).toEqual([]);
});

test('the templates Velocity renders and the simulator refused are still refused the same way, or now rendered as Velocity does', () => {
  const changed = refusedWhenRecorded
    .filter(c => {
      const now = simulatorAnswer(c);
      return !agrees(now, c.oracle) && !(now.ok === false && now.error === c.simulator!.error);
    })
    .map(c => JSON.stringify(c.template));
  expect(changed).toEqual([]);
});
