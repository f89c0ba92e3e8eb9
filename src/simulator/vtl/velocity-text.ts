/**
 * Text velocityjs would read as syntax (`$`, `#`, `\` and the punctuation around them) is written
 * as references to variables that hold it, so that the rendered output is the text itself.
 */
export const TEXT_VARIABLE_PREFIX = '__cdkIntegrationResponsesText';
/** A variable that holds nothing: it stands where Velocity drops text and velocityjs would trim a newline after it. */
export const NOTHING = `\${${TEXT_VARIABLE_PREFIX}Nothing}`;

// U+2028 and U+2029 too: JavaScript reads them as line ends (velocityjs's lexer does), Java's Velocity as text.
const TEXT_CHARACTERS = '$#()[]{}.!@*=%+-/<>,:;\'"|&^~?`\\\u2028\u2029';
const TEXT_VARIABLES: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries([
  [`${TEXT_VARIABLE_PREFIX}Nothing`, ''],
  ...[...TEXT_CHARACTERS].map(c => [`${TEXT_VARIABLE_PREFIX}${c.charCodeAt(0)}`, c]),
]));

/** The variables a prepared template refers to, to render with it. */
export function textVariables(): Readonly<Record<string, string>> {
  return TEXT_VARIABLES;
}

/** `c` written so that velocityjs renders it as text, when it is one of the characters that can be. */
export function asTextReference(c: string): string | undefined {
  const name = `${TEXT_VARIABLE_PREFIX}${c.charCodeAt(0)}`;
  return name in TEXT_VARIABLES ? `\${${name}}` : undefined;
}

/** `text` written so that velocityjs renders it as it is. */
export function asText(text: string): string {
  return [...text].map(c => asTextReference(c) ?? c).join('');
}
