import { describe, expect, it } from "vitest";
import { redact } from "./redact.js";

describe("redact masks the password where it stands", () => {
  it("in a URL, after the user name", () => {
    expect(redact('invalid input "postgres://ana:s3cret@db.local:6543/tickets" here')).toBe(
      'invalid input "postgres://ana:***@db.local:6543/tickets" here',
    );
  });

  it("all of it when the password holds a raw @", () => {
    expect(redact("at postgres://ana:p@ss@db.local/tickets")).toBe(
      "at postgres://ana:***@db.local/tickets",
    );
  });

  it("as the value of a password setting, quoted or not", () => {
    expect(redact("host=db password=s3cret dbname=t")).toBe("host=db password=*** dbname=t");
    expect(redact("PGPASSWORD='a b' psql")).toBe("PGPASSWORD=*** psql");
  });

  it("and nowhere else: a one-letter password leaves the words it is part of alone", () => {
    const message = 'password authentication failed for user "ana"';
    expect(redact(message)).toBe(message);
    expect(redact(`connect to postgres://ana:a@db/t: ${message}`)).toBe(
      `connect to postgres://ana:***@db/t: ${message}`,
    );
  });
});
