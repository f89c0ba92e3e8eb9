/**
 * How many generated cases each property test of the bodies and kits runs: 1,000 in `npm test`
 * (kept fast), 10,000 in `npm run test:properties` (CI runs it). `PROPERTY_SEED` replays a run:
 * fast-check prints the seed of a failing one.
 */
export const PROPERTY_RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);
export const PROPERTY_SEED = process.env.PROPERTY_SEED === undefined ? undefined : Number(process.env.PROPERTY_SEED);
