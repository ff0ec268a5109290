import { EncoreError, type ErrorCode } from "../../errors.js";
import { redact } from "../redact.js";
import type { ClickHouseFailure } from "./transport.js";

/** ClickHouse's error codes that Encore answers with a message of its own (ErrorCodes.cpp). */
export const CLICKHOUSE_CODES = {
  noSuchColumn: 16,
  unknownIdentifier: 47,
  unknownTable: 60,
  unknownDatabase: 81,
  timeoutExceeded: 159,
  readonly: 164,
  unknownUser: 192,
  wrongPassword: 193,
  requiredPassword: 194,
  queryWasCancelled: 394,
  accessDenied: 497,
  authenticationFailed: 516,
} as const;

const LOGIN_CODES: readonly number[] = [
  CLICKHOUSE_CODES.unknownUser,
  CLICKHOUSE_CODES.wrongPassword,
  CLICKHOUSE_CODES.requiredPassword,
  CLICKHOUSE_CODES.authenticationFailed,
];

/** The codes of a source that is not there: the table, its database, or a column. */
export const MISSING_CODES: readonly number[] = [
  CLICKHOUSE_CODES.noSuchColumn,
  CLICKHOUSE_CODES.unknownIdentifier,
  CLICKHOUSE_CODES.unknownTable,
  CLICKHOUSE_CODES.unknownDatabase,
];

/** An error of the ClickHouse engine that keeps ClickHouse's own code for the callers. */
export class ClickHouseError extends EncoreError {
  constructor(
    code: ErrorCode,
    message: string,
    hint: string | undefined,
    readonly clickhouseCode: number | undefined,
  ) {
    super(code, message, hint);
  }
}

const CONNECTION_HINT =
  "Check that the server is running and CLICKHOUSE_URL or CLICKHOUSE_HOST, CLICKHOUSE_PORT, CLICKHOUSE_USER, CLICKHOUSE_PASSWORD, CLICKHOUSE_DATABASE";

/** What a failure tells the user; `where` names the server (never the password). */
export function clickhouseError(
  failure: ClickHouseFailure,
  context: {
    readonly where: string;
    readonly cancelled: boolean;
    readonly statementTimeoutMs: number;
    readonly connecting: boolean;
  },
): ClickHouseError {
  const message = redact(failure.message);
  const error = (text: string, hint?: string) =>
    new ClickHouseError("engine", text, hint, failure.code);
  if (context.cancelled) {
    return new ClickHouseError("cancelled", "the analysis was cancelled", undefined, failure.code);
  }
  if (failure.code === undefined && failure.network !== undefined) {
    return context.connecting
      ? error(`cannot connect to ClickHouse at ${context.where}: ${message}`, CONNECTION_HINT)
      : error(
          `the connection to ClickHouse at ${context.where} was lost: ${message}`,
          "Check the server and the network, then run again",
        );
  }
  if (LOGIN_CODES.includes(failure.code ?? -1))
    return error(`ClickHouse at ${context.where} refused the login: ${message}`, CONNECTION_HINT);
  if (failure.code === CLICKHOUSE_CODES.timeoutExceeded) {
    const ms = context.statementTimeoutMs;
    return error(
      `a query ran longer than the statement timeout${ms ? ` (${ms / 1000} s)` : ""}: ${message}`,
      "Raise --statement-timeout, or analyse a smaller table or query",
    );
  }
  if (failure.code === CLICKHOUSE_CODES.readonly)
    return error(
      `ClickHouse refused a statement in readonly mode: ${message}`,
      "Encore needs readonly = 2 (or 0): it sets query settings and creates temporary tables",
    );
  if (failure.code === CLICKHOUSE_CODES.accessDenied)
    return error(
      `ClickHouse denied access: ${message}`,
      "Grant the user SELECT on the source and CREATE TEMPORARY TABLE (see docs/clickhouse.md)",
    );
  if (failure.code === CLICKHOUSE_CODES.queryWasCancelled)
    return error(`ClickHouse stopped the query: ${message}`);
  return error(`ClickHouse failed: ${message}`);
}
