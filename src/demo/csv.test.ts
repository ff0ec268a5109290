import { describe, expect, it } from "vitest";
import { csvField } from "../io/csv-field.js";
import { csvLine } from "./csv.js";

describe("CSV quoting (RFC 4180)", () => {
  it("leaves plain values alone", () => expect(csvField("Kamensk")).toBe("Kamensk"));
  it("quotes commas and doubles quotes", () => {
    expect(csvField("Tickets, Please!")).toBe('"Tickets, Please!"');
    expect(csvField('The "Golden" Ticket')).toBe('"The ""Golden"" Ticket"');
  });
  it("quotes padded values so no reader trims them silently", () =>
    expect(csvField(" KZT ")).toBe('" KZT "'));
  it("writes a line with a newline", () => expect(csvLine(["a", "", "b"])).toBe("a,,b\n"));
});
