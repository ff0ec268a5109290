import type { ConnectionSettings } from "../../config/connection-env.js";

/**
 * The password a connection uses, wherever it comes from (the settings, the URL, or pg's own
 * fallback PGPASSWORD), so that messages can blank it.
 */
export function passwordOf(settings: ConnectionSettings): string | undefined {
  if (settings.password) return settings.password;
  if (settings.connectionString) {
    try {
      const fromUrl = decodeURIComponent(new URL(settings.connectionString).password);
      if (fromUrl) return fromUrl;
    } catch {
      // Not a URL (a key=value string): pg falls back to PGPASSWORD, and so do we.
    }
  }
  return process.env.PGPASSWORD || undefined;
}
