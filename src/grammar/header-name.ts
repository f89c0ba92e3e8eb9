// RFC 9110 "token": the characters an HTTP field name may contain.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Why `name` cannot be an HTTP header name, or `undefined` when it can.
 */
export function headerNameProblem(name: string): string | undefined {
  if (name === '') return 'the header name is empty';
  if (!HEADER_NAME.test(name)) {
    const bad = [...name].find(ch => !HEADER_NAME.test(ch));
    return `header names cannot contain ${bad === ' ' ? 'spaces' : `'${bad}'`}`;
  }
  return undefined;
}
