/**
 * Errors a user can act on. Each has a stable code (for programs), a message that says
 * what is wrong, and a hint that says what to do. The CLI prints them as one line and
 * exits with the code's exit status; anything else is a bug and keeps its stack trace.
 */
export const ERROR_CODES = {
  usage: 2,
  config: 3,
  input: 4,
  engine: 5,
  output: 6,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class EncoreError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, hint?: string) {
    super(message);
    this.name = "EncoreError";
    this.code = code;
    this.hint = hint;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code];
  }

  /** The one line the CLI prints. */
  toLine(): string {
    return this.hint ? `encore: ${this.message}. ${this.hint}` : `encore: ${this.message}`;
  }
}

export const usageError = (message: string, hint?: string) =>
  new EncoreError("usage", message, hint);
export const configError = (message: string, hint?: string) =>
  new EncoreError("config", message, hint);
export const inputError = (message: string, hint?: string) =>
  new EncoreError("input", message, hint);
export const engineError = (message: string, hint?: string) =>
  new EncoreError("engine", message, hint);
export const outputError = (message: string, hint?: string) =>
  new EncoreError("output", message, hint);
