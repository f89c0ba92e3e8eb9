import { usageError } from '../errors/integration-response-error';
import { headerNameProblem } from '../grammar/header-name';
import { isUnknown } from '../grammar/unknown';

/** Throws a usage error, naming `where`, when `name` (unless a token) cannot be a header name. */
export function assertHeaderName(name: string, where: string): void {
  if (isUnknown(name)) return;
  const problem = headerNameProblem(name);
  if (problem) throw usageError(where, `'${name}' is not a valid header name: ${problem}`);
}
