/**
 * A driver message with the password masked where a password stands: after the user name
 * in a URL, and as the value of a password setting (`password=…`, `PGPASSWORD=…`). The rest
 * of the message is left alone, so a short password never blanks the words it happens to be
 * part of ("password authentication failed" with the password "a").
 */
export function redact(message: string): string {
  return (
    message
      // Up to the last @ of the URL: a raw @ in the password leaves no piece of it behind.
      .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:)\S*@/gi, "$1***@")
      .replace(
        /(\b(?:PG)?password\s*[=:]\s*)('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^\s,;&]+)/gi,
        "$1***",
      )
  );
}
