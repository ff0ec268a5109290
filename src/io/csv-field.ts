const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV field, quoted per RFC 4180 when needed; padded values are quoted too, so no reader trims them. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
