import pg from "pg";
import { type ConnectionSettings, describeConnection } from "../config/connection-env.js";
import { redact } from "../engine/redact.js";
import { engineError } from "../errors.js";

/** A connected client; connection failures become one-line engine errors without the password. */
export async function connectClient(settings: ConnectionSettings): Promise<pg.Client> {
  const client = new pg.Client({ ...settings, application_name: "encore" });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw engineError(
      `cannot connect to PostgreSQL at ${describeConnection(settings)}: ${redact((error as Error).message)}`,
      "Check that the server is running and DATABASE_URL or the PG* variables (host, port, user, password, database)",
    );
  }
  // Without a listener a dropped connection would crash the process; the query in flight
  // rejects with the same error, and that is what gets reported.
  client.on("error", () => undefined);
  return client;
}
