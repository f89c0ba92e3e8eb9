import { IntegrationResponseError } from '../errors/integration-response-error';

/**
 * Input the checker cannot read: a missing file, malformed JSON or YAML, not a template, too large.
 * The CLI turns it into a one-line message and exit code 2.
 */
export class InputError extends IntegrationResponseError {
  constructor(readonly file: string, reason: string) {
    super('input', `${file}: ${reason}`);
  }
}

/** The first line of an error's message, for one-line reports. */
export function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}
