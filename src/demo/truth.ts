import type { FirstDimension } from "../model/columns.js";

/** A first-order attribute value whose users are planted to return more or less often. */
export interface PlantedEffect {
  readonly dimension: FirstDimension;
  readonly value: string;
  /**
   * Multiplies the odds of dropping out after each purchase (model.ts): below 1 the
   * users of this first-order value come back more often, above 1 less often.
   */
  readonly dropoutOdds: number;
}

/**
 * The effects the demo plants. Each boosted value holds well over 3% of users, and the
 * effect is strong enough that with ~22,000 users its repeat rate against all other
 * users differs with p far below 0.001. Device is deliberately absent: it is drawn
 * independently of the whole purchase process, so `first_device` must show no effect.
 */
export const PLANTED_EFFECTS: readonly PlantedEffect[] = [
  { dimension: "first_event_type", value: "theatre", dropoutOdds: 0.35 },
  { dimension: "first_region", value: "Severoyarsk Region", dropoutOdds: 0.35 },
  { dimension: "first_region", value: "Medovinsk Oblast", dropoutOdds: 0.3 },
  { dimension: "first_service", value: "My Ticket", dropoutOdds: 0.35 },
  { dimension: "first_event_type", value: "sport", dropoutOdds: 3 },
  { dimension: "first_region", value: "Shirokovsky District", dropoutOdds: 2.5 },
  { dimension: "first_service", value: "Cloudlet", dropoutOdds: 2.5 },
];

export interface TruthEntry {
  readonly dimension: FirstDimension;
  readonly value: string;
}

const entries = (keep: (e: PlantedEffect) => boolean): TruthEntry[] =>
  PLANTED_EFFECTS.filter(keep).map(({ dimension, value }) => ({ dimension, value }));

/** What an analysis of the demo should find: the planted effects and a neutral dimension. */
export const DEMO_TRUTH: {
  readonly boosted: readonly TruthEntry[];
  readonly lowered: readonly TruthEntry[];
  readonly neutral: readonly FirstDimension[];
} = {
  boosted: entries((e) => e.dropoutOdds < 1),
  lowered: entries((e) => e.dropoutOdds > 1),
  neutral: ["first_device"],
};
