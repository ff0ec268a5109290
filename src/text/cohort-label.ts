import type { CohortPeriod } from "../model/cohort-period.js";
import type { Lang } from "./lang.js";

const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
/** Month names in the prepositional case: «в июне». */
const MONTHS_RU_IN = [
  "январе",
  "феврале",
  "марте",
  "апреле",
  "мае",
  "июне",
  "июле",
  "августе",
  "сентябре",
  "октябре",
  "ноябре",
  "декабре",
];
/** Month names in the genitive case: «10 июня». */
const MONTHS_RU_OF = [
  "января",
  "февраля",
  "марта",
  "апреля",
  "мая",
  "июня",
  "июля",
  "августа",
  "сентября",
  "октября",
  "ноября",
  "декабря",
];

/** When a cohort was acquired, as running text: "in June 2024" / «в июне 2024 г.». */
export function formatCohort(cohort: string, period: CohortPeriod, lang: Lang): string {
  const [year, month, day] = cohort.split("-").map(Number) as [number, number, number];
  const m = month - 1;
  if (period === "month") {
    return lang === "en"
      ? `in ${MONTHS_EN[m]} ${year}`
      : `в\u00a0${MONTHS_RU_IN[m]} ${year}\u00a0г.`;
  }
  return lang === "en"
    ? `in the week of ${day} ${MONTHS_EN[m]} ${year}`
    : `на неделе с\u00a0${day}\u00a0${MONTHS_RU_OF[m]} ${year}\u00a0г.`;
}
