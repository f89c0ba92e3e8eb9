import { SimulationError } from './simulation-error';
import { CompiledPattern, PatternMatchError } from '../grammar/java-pattern';

/**
 * Whether a selection pattern (REST) or response key (WebSocket) matches the backend result, as a
 * whole-string Java match. A pattern that cannot be matched without risking a hang is reported as a
 * `SimulationError` naming it (`what`) and saying why.
 */
export function selects(pattern: CompiledPattern, input: string, what: string): boolean {
  try {
    return pattern.matches(input);
  } catch (e) {
    if (e instanceof PatternMatchError) {
      throw new SimulationError(`${what} cannot be simulated for an input of ${input.length} characters: ${e.reason}`);
    }
    throw e;
  }
}
