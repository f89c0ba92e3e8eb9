import { ValueStep } from './body-path';

/** How the template reads a value of the backend's answer: `$input.path` and `$input.json` of one path. */
export interface Scope {
  /** A fresh VTL variable name with this prefix. */
  fresh(prefix: string): string;
  /** The steps of `path` from the answer's root (`path` is relative to the current list item, when in one). */
  steps(path: string, where: string): ValueStep[];
}

/** A value rendered: `#set` lines it needs first, the VTL that writes it, and when it is there at all. */
export interface Rendered {
  readonly setup: readonly string[];
  readonly value: string;
  /** A VTL condition: the value is written only when it holds (the value was asked to be omitted otherwise). */
  readonly presentWhen?: string;
}
