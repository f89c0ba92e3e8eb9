/**
 * A mapping template that cannot be rendered: a syntax error, a method that does not exist, a
 * limit reached. `line` points at the template line when it is known.
 */
export class TemplateError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
    this.name = 'TemplateError';
  }

  /** The message with the line, as the simulator reports it. */
  public describe(): string {
    return this.line === undefined ? this.message : `line ${this.line}: ${this.message}`;
  }
}
