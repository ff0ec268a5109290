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
  /** Ctrl-C (SIGINT), as a shell reports a command it interrupted: 128 + 2. */
  cancelled: 130,
  /** SIGTERM, handled as Ctrl-C: 128 + 15. */
  terminated: 143,
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

  /** The one line the CLI prints, whatever the message quotes (a driver's lines, a file's bytes). */
  toLine(): string {
    const text = this.hint ? `${this.message}. ${this.hint}` : this.message;
    return `encore: ${oneLine(text)}`;
  }
}

/**
 * A statement the engine rejected for its SQL or its data (not for the machine: memory,
 * disk, a lost connection or a cancel are plain engine errors). Whoever ran the statement
 * knows what it read and turns this into a message about the input.
 */
export class QueryError extends EncoreError {
  constructor(message: string, hint?: string) {
    super("engine", message, hint);
    this.name = "QueryError";
  }
}

/**
 * Text made fit for one terminal line: line breaks (DuckDB's messages run over several
 * lines) become "; ", other control characters (binary read from a file that is not what
 * its name says) become "�".
 */
export function oneLine(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join("; ")
    .replaceAll("\t", " ")
    .replace(/\p{Cc}/gu, "\ufffd");
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

/** The signals that cancel a run, each with its exit status. */
export type CancelSignal = "SIGINT" | "SIGTERM";

/** A run stopped by Ctrl-C or SIGTERM, whatever stage it was in. */
export const cancelledError = (signal: CancelSignal = "SIGINT") =>
  new EncoreError(
    signal === "SIGTERM" ? "terminated" : "cancelled",
    `the analysis was cancelled${signal === "SIGTERM" ? " (SIGTERM)" : ""}`,
  );

export const isCancelled = (error: unknown): boolean =>
  error instanceof EncoreError && (error.code === "cancelled" || error.code === "terminated");
