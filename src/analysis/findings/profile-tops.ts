import { OTHER, UNKNOWN } from "../../model/pooled-values.js";
import { formatPercent } from "../../text/format.js";
import { dimensionLabel } from "../../text/labels.js";
import type { Lang } from "../../text/lang.js";
import { quote } from "../../text/phrases.js";
import type { SegmentProfile, Statement } from "../results.js";

const DIMENSIONS = ["first_event_type", "first_device", "first_region"];

/**
 * A segment's most common first event type, device and region, where the profile has them and
 * they are real values (not `other`/`unknown`).
 */
export function profileTops(
  profile: SegmentProfile,
): { dimension: string; value: string; share: number }[] {
  return DIMENSIONS.flatMap((dimension) => {
    const top = profile.top[dimension];
    return top && top.value !== OTHER && top.value !== UNKNOWN
      ? [{ dimension, value: top.value, share: top.share }]
      : [];
  });
}

/** `event type concerts (45.0%), device mobile (70.2%)`. */
export function topsPhrase(tops: ReturnType<typeof profileTops>, lang: Lang): string {
  return tops
    .map(
      (t) =>
        `${dimensionLabel(t.dimension, lang)} ${quote(t.value, lang)} (${formatPercent(t.share, lang)})`,
    )
    .join(", ");
}

/** The tops as figures: `top_first_event_type`, `top_first_event_type_share`, … */
export function topsFigures(tops: ReturnType<typeof profileTops>): Statement["figures"] {
  return Object.fromEntries(
    tops.flatMap((t) => [
      [`top_${t.dimension}`, t.value],
      [`top_${t.dimension}_share`, t.share],
    ]),
  );
}
