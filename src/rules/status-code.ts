import { finding, RULES } from './catalog';
import { Finding } from './finding';
import { knownString } from '../grammar/unknown';

const STATUS_CODE = /^[1-5]\d\d$/;

/**
 * `statusCode` of a REST integration or method response: three digits, `[1-5]\d\d`.
 */
export function checkStatusCode(value: unknown, path?: string): Finding[] {
  const code = knownString(value);
  if (code === undefined || STATUS_CODE.test(code)) return [];
  return [finding(RULES.restStatusCode,
    `status code '${code}' is not a valid HTTP status: API Gateway requires three digits matching [1-5]\\d\\d and ` +
    'rejects the deployment ("Member must satisfy regular expression pattern: [1-5]\\d\\d"); use a code from 100 to 599', path)];
}
