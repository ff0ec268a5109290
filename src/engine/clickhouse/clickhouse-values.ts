import type { Row } from "../engine.js";

/** A column as ClickHouse describes it in a JSON result's meta. */
export interface ColumnMeta {
  readonly name: string;
  readonly type: string;
}

type Value = Row[string];
type Converter = (value: unknown) => Value;

/** Nullable(T) and LowCardinality(T) read as T. */
export function baseType(type: string): string {
  const inner = /^(?:Nullable|LowCardinality)\((.*)\)$/.exec(type)?.[1];
  return inner === undefined ? type : baseType(inner);
}

/** 64-bit and wider integers arrive quoted (output_format_json_quote_64bit_integers). */
function wideInteger(value: unknown): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`integer ${value} is too large for a number`);
  return n;
}

/** Floats arrive as numbers, or as "inf", "-inf", "nan" (output_format_json_quote_denormals). */
function float(value: unknown): number {
  if (typeof value === "number") return value;
  if (value === "inf" || value === "+inf") return Number.POSITIVE_INFINITY;
  if (value === "-inf") return Number.NEGATIVE_INFINITY;
  if (value === "nan" || value === "-nan") return Number.NaN;
  return Number(value);
}

/**
 * A wall-clock instant as DuckDB's values read at the boundary: the date alone at midnight,
 * else to the second.
 */
function dateTime(value: unknown): string {
  const text = String(value);
  return /^\d{4}-\d{2}-\d{2} 00:00:00(\.0*)?$/.test(text) ? text.slice(0, 10) : text.slice(0, 19);
}

/**
 * A wall-clock instant as DuckDB writes it to a CSV file: always with the time, a fraction of
 * a second only where there is one.
 */
function wholeDateTime(value: unknown): string {
  return String(value)
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
}

const text: Converter = (value) => String(value);

/** Every ClickHouse type family Encore reads, and how its JSON value becomes a Row value. */
const CONVERTERS: Record<string, Converter> = {
  Int8: float,
  Int16: float,
  Int32: float,
  UInt8: float,
  UInt16: float,
  UInt32: float,
  Int64: wideInteger,
  UInt64: wideInteger,
  Int128: wideInteger,
  UInt128: wideInteger,
  Int256: wideInteger,
  UInt256: wideInteger,
  Float32: float,
  Float64: float,
  BFloat16: float,
  Decimal: float,
  Bool: (value) => Boolean(value),
  String: text,
  FixedString: text,
  UUID: text,
  Date: text,
  Date32: text,
  DateTime: dateTime,
  DateTime64: dateTime,
};

function converterOf(type: string): Converter {
  const base = baseType(type);
  const family = /^[A-Za-z0-9]+/.exec(base)?.[0] ?? base;
  return (
    CONVERTERS[family] ?? ((value) => (typeof value === "string" ? value : JSON.stringify(value)))
  );
}

/**
 * Rows of a JSONCompact result as Encore's rows: numbers, text, booleans, null. `forExport`
 * keeps every instant whole, as a CSV output writes it.
 */
export function rowsOf(
  meta: readonly ColumnMeta[],
  data: readonly unknown[][],
  forExport = false,
): Row[] {
  const converters = meta.map((m) =>
    forExport && /^DateTime/.test(baseType(m.type)) ? wholeDateTime : converterOf(m.type),
  );
  return data.map((values) => {
    const row: Row = {};
    meta.forEach((m, i) => {
      const value = values[i];
      row[m.name] =
        value === null || value === undefined ? null : (converters[i] as Converter)(value);
    });
    return row;
  });
}
