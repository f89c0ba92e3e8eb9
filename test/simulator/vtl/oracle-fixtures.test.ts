import * as fs from 'fs';
import * as path from 'path';
import { OracleCase } from '../../../scripts/oracle/cases';
import { agrees, Answer, simulatorAnswer } from '../../../scripts/oracle/simulator-answer';

/**
 * Replays what Apache Velocity 1.7 (the oracle in oracle/, with API Gateway's $input and $util)
 * answered for generated templates, recorded by `npm run oracle`, so this needs no JDK.
 */
interface RecordedCase extends OracleCase {
  readonly oracle: Answer;
  /** For a case the simulator disagreed on when recorded: its answer then (a known difference). */
  readonly simulator?: Answer;
}

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'vtl-oracle.json'), 'utf8')) as { seed: number; cases: RecordedCase[] };

const describeCase = (c: RecordedCase) => `${JSON.stringify(c.template)} on ${JSON.stringify(c.body)}`;

test('the fixture has cases of both kinds', () => {
  expect(fixture.cases.filter(c => c.simulator === undefined).length).toBeGreaterThan(500);
});

test('the simulator renders what Velocity renders for every recorded case it agreed on', () => {
  const broken = fixture.cases.filter(c => c.simulator === undefined && !agrees(simulatorAnswer(c), c.oracle)).map(describeCase);
  expect(broken).toEqual([]);
});

test('recorded differences are either fixed or unchanged (docs/simulator.md lists them)', () => {
  const changed = fixture.cases
    .filter(c => c.simulator !== undefined)
    .filter(c => {
      const now = simulatorAnswer(c);
      return !agrees(now, c.oracle) && !(now.ok === c.simulator!.ok && now.output === c.simulator!.output);
    })
    .map(describeCase);
  expect(changed).toEqual([]);
});
