import { growth } from './growth';

// The helper tells linear work from quadratic work, so a test that uses it can fail.
const work = (steps: number) => {
  let sum = 0;
  for (let i = 0; i < steps; i++) sum = (sum + i * 7) % 1_000_003;
  return sum;
};

test('linear work grows about as its input does', () => {
  expect(growth(n => work(n * 2_000), 1_000).ratio).toBeLessThan(8);
});

test('quadratic work grows about as the square of its input', () => {
  expect(growth(n => work(n * n * 2), 1_000).ratio).toBeGreaterThan(10);
});
