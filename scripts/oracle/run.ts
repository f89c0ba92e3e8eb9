/**
 * `npm run oracle`: renders generated mapping templates with the simulator and with Apache
 * Velocity 1.7 (the engine API Gateway runs, with $input, $util, ... as AWS documents them, in
 * oracle/), prints how often they agree, and records a sample of the oracle's answers as
 * test/fixtures/vtl-oracle.json for the test suite (which needs no JDK). It renders the same
 * cases with serverless-offline (scripts/oracle/peer/, installed on first use), the local emulator
 * users would pick instead, and prints its agreement too.
 *
 *   npm run oracle                     # 10,000 cases from a random seed (printed)
 *   npm run oracle -- --seed 42 --cases 20000
 *
 * It also renders a harder corpus for the lexer (lexer-stress.ts) and prints how often the
 * simulator refuses to parse a template Velocity renders.
 */
import * as fs from 'fs';
import * as path from 'path';
import { generateCases } from './cases';
import { runJsonBodies } from './json-bodies';
import { lexerStressCases, recordedStressCases, summarizeStress } from './lexer-stress';
import { buildOracle, oracleAnswers } from './oracle-answer';
import { peerAnswers } from './peer-answer';
import { agrees, Answer, simulatorAnswer } from './simulator-answer';

const PEER_VERSION = JSON.parse(fs.readFileSync(path.join(__dirname, 'peer', 'package.json'), 'utf8')).dependencies['serverless-offline'];
const FIXTURE = path.join(__dirname, '..', '..', 'test', 'fixtures', 'vtl-oracle.json');
const STRESS_FIXTURE = path.join(__dirname, '..', '..', 'test', 'fixtures', 'vtl-lexer-stress.json');
/** The fixture's size: up to this many disagreements (with the simulator's answer, pinned) and agreeing cases. */
const RECORDED_MISSES = 200;
const RECORDED_AGREEMENTS = 600;

function option(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}

function main(): void {
  const seed = option('seed') ?? Math.floor(Math.random() * 2 ** 31);
  const count = option('cases') ?? 10_000;
  console.log(`oracle: seed=${seed} cases=${count} (reproduce with: npm run oracle -- --seed ${seed} --cases ${count})`);
  const started = Date.now();
  const classPath = buildOracle();
  const cases = generateCases(seed, count);
  const oracle = oracleAnswers(classPath, cases);
  const simulator = cases.map(simulatorAnswer);
  const agreeing = cases.filter((_, i) => agrees(oracle[i], simulator[i]));
  console.log(`oracle: agree=${agreeing.length}/${cases.length} (${(100 * agreeing.length / cases.length).toFixed(2)}%) for the simulator, ` +
    `in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const peer = peerAnswers(cases);
  const peerAgreeing = cases.filter((_, i) => agrees(oracle[i], peer[i])).length;
  console.log(`oracle: agree=${peerAgreeing}/${cases.length} (${(100 * peerAgreeing / cases.length).toFixed(2)}%) for serverless-offline ${PEER_VERSION}`);

  const misses = cases.map((c, i) => ({ case: c, oracle: oracle[i], simulator: simulator[i] })).filter(m => !agrees(m.oracle, m.simulator));
  for (const m of misses.slice(0, Number(process.env.ORACLE_SHOW ?? 15))) {
    console.log(`--- ${JSON.stringify(m.case.template)} body=${JSON.stringify(m.case.body)}\n    velocity:  ${show(m.oracle)}\n    simulator: ${show(m.simulator)}`);
  }

  const recorded = [
    ...misses.slice(0, RECORDED_MISSES).map(m => ({ ...m.case, oracle: m.oracle, simulator: m.simulator })),
    ...cases.map((c, i) => ({ ...c, oracle: oracle[i] })).filter((_, i) => agrees(oracle[i], simulator[i])).slice(0, RECORDED_AGREEMENTS),
  ];
  fs.writeFileSync(FIXTURE, JSON.stringify({ seed, cases: recorded }, null, 1) + '\n');
  console.log(`oracle: recorded ${recorded.length} cases in ${path.relative(process.cwd(), FIXTURE)}`);

  // A harder corpus for the lexer: measured, printed and recorded (see docs/simulator.md).
  const stress = lexerStressCases(seed, count);
  const stressOracle = oracleAnswers(classPath, stress);
  const stressSimulator = stress.map(simulatorAnswer);
  const stressSummary = summarizeStress(stress, stressOracle, stressSimulator);
  console.log(`oracle lexer stress: seed=${seed} cases=${stress.length}: agree=${stressSummary.agree}/${stress.length}, ` +
    `Velocity renders but the simulator refuses to parse ${stressSummary.refusedButRendered.length}`);
  for (const r of stressSummary.refusedButRendered.slice(0, Number(process.env.ORACLE_SHOW ?? 15))) {
    console.log(`--- ${JSON.stringify(r.template)}
    velocity:  ${JSON.stringify(r.velocity)}
    simulator: error ${r.simulator}`);
  }
  const recordedStress = recordedStressCases(stress, stressOracle, stressSimulator);
  fs.writeFileSync(STRESS_FIXTURE, JSON.stringify({ seed, cases: recordedStress }, null, 1) + '\n');
  console.log(`oracle: recorded ${recordedStress.length} lexer-stress cases in ${path.relative(process.cwd(), STRESS_FIXTURE)}`);

  // Bodies built with JsonBody must hold in the real engine too: any failure fails the task.
  if (!runJsonBodies(seed, count, classPath)) process.exitCode = 1;
}

function show(a: Answer): string {
  const text = a.ok ? JSON.stringify(a.output) : `error ${a.error}`;
  return text.length > 300 ? `${text.slice(0, 300)}...` : text;
}

main();
