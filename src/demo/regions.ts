/**
 * About 80 fictional regions, each with one or a few cities: six large regions carry
 * about 60% of first orders and a long tail of 74 smaller ones carries the rest.
 * Names are built from fixed stems, so the catalogue never depends on the seed.
 */

interface RegionSpec {
  readonly name: string;
  readonly weight: number;
  readonly cities: readonly (readonly [string, number])[];
}

const LARGE: readonly RegionSpec[] = [
  {
    name: "Kamenevsky Region",
    weight: 23,
    cities: [
      ["Kamensk", 60],
      ["Verkhnekamsk", 15],
      ["Rudnogorsk", 12],
      ["Kamenka", 8],
      ["Solyanoye", 5],
    ],
  },
  {
    name: "Severoyarsk Region",
    weight: 12,
    cities: [
      ["Severoyarsk", 70],
      ["Polyarnoye", 18],
      ["Ledyanka", 12],
    ],
  },
  {
    name: "Shirokovsky District",
    weight: 9,
    cities: [
      ["Shirokov", 65],
      ["Stepnoy", 20],
      ["Kovylino", 15],
    ],
  },
  {
    name: "Medovinsk Oblast",
    weight: 7,
    cities: [
      ["Medovinsk", 75],
      ["Pasechnoye", 25],
    ],
  },
  {
    name: "Zarechny Krai",
    weight: 5,
    cities: [
      ["Zarechensk", 70],
      ["Brodovoye", 30],
    ],
  },
  {
    name: "Lesnogorsk Republic",
    weight: 4,
    cities: [
      ["Lesnogorsk", 80],
      ["Elovka", 20],
    ],
  },
];

const STEMS = [
  "Beloz",
  "Vyshn",
  "Glubok",
  "Dubrav",
  "Zelen",
  "Ivov",
  "Kedrov",
  "Lipov",
  "Mirn",
  "Novol",
  "Ozern",
  "Pesch",
  "Ryabin",
  "Sosnov",
  "Tikhon",
] as const;
/** Infixes make 75 distinct roots out of 15 stems; every name derives from its root. */
const INFIXES = ["", "ar", "en", "ol", "ur"] as const;
const REGION_FORMS = [
  "sky Region",
  "sk Oblast",
  "ovsky District",
  "ny Krai",
  "insk Oblast",
] as const;
const TAIL_SIZE = 74;
/** What the long tail adds up to, next to the weights of LARGE. */
const TAIL_WEIGHT = 40;

function tailRegion(i: number, norm: number): RegionSpec {
  const root = `${STEMS[i % STEMS.length]}${INFIXES[Math.floor(i / STEMS.length)]}`;
  const cities: (readonly [string, number])[] = [[`${root}grad`, 6]];
  if (i % 3 >= 1) cities.push([`Ust-${root}insk`, 3]);
  if (i % 3 === 2) cities.push([`Novo${root.toLowerCase()}ka`, 1]);
  const name = `${root}${REGION_FORMS[i % REGION_FORMS.length]}`;
  return { name, weight: TAIL_WEIGHT / (i + 2) ** 0.9 / norm, cities };
}

const NORM = Array.from({ length: TAIL_SIZE }, (_, i) => 1 / (i + 2) ** 0.9).reduce(
  (a, b) => a + b,
);

export const REGIONS: readonly RegionSpec[] = [
  ...LARGE,
  ...Array.from({ length: TAIL_SIZE }, (_, i) => tailRegion(i, NORM)),
];
