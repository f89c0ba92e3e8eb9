import { IntegrationResponseError } from '../errors/integration-response-error';

/**
 * The simulator was asked something it cannot answer faithfully (an unknown value, a template it
 * cannot render, a backend result over the limits). The message says what and why.
 */
export class SimulationError extends IntegrationResponseError {
  constructor(message: string) {
    super('simulation', message);
  }
}
